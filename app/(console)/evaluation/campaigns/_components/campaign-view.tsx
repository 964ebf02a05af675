'use client';

import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import type { CampaignDetail } from './defaults';
import { EvaluatorHome } from './evaluator-home';
import { CampaignStatusTag, KIND_ARTICLE, KindText, ScheduleView, StatusSteps } from './parts';

type Step = CampaignDetail['actions'][number];

/**
 * The campaign page. What it shows depends on who looks: the owner and the province see the
 * overview (status, schedule, targets and panel with progress — numbers only, never a score) and
 * the owner its steps; a panel member its targets (declarations, progress); a target its own
 * self-assessment.
 */
export function CampaignView({ id }: { id: string }) {
  const t = useTranslations('campaigns');
  const td = useTranslations('campaigns.detail');
  const trpc = useTRPC();
  const q = useQuery(trpc.campaign.get.queryOptions({ id }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const c = q.data;
  const closed = c.status === 'review' || c.status === 'published';
  // the panel lead resolves divergent scores once scoring is closed (results page, HN-22)
  const showResults = ((c.viewer.manager || c.viewer.lead) && closed) || (c.viewer.target && c.status === 'published');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/evaluation/campaigns"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-title">{c.name}</Typography.Title>
            <CampaignStatusTag status={c.status} testId="campaign-status" />
          </Space>
        }
        extra={
          <Space wrap>
            {showResults && <Link href={`/evaluation/campaigns/${c.id}/results`}><Button>{td('results')}</Button></Link>}
            {c.viewer.owner && <OwnerActions c={c} />}
          </Space>
        }
      >
        <StatusSteps status={c.status} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'year', label: td('year'), children: c.year },
          { key: 'kind', label: td('kind'), children: <KindText kind={c.targetKind} /> },
          { key: 'owner', label: td('owner'), children: c.ownerName },
          { key: 'version', label: td('version'), children: <>{c.systemName} · v{c.versionNo} <Typography.Text type="secondary">({td('leaves', { n: c.leafCount })})</Typography.Text></> },
          ...(c.leadName ? [{ key: 'lead', label: td('lead'), children: c.leadName }] : []),
          ...(c.viewer.manager || c.viewer.panel ? [{ key: 'agg', label: td('aggregation'), children: `${t(`aggregation.${c.aggregation}`)}${c.aggregation === 'trimmed' ? td('trimmedMin', { n: c.trimmedMin }) : ''} · ${td('divergence', { n: c.divergencePct })}` }] : []),
        ]} />
        <ScheduleView c={c} due={c.due} />
      </Card>
      {c.manage && <ManagerPanel c={c} manage={c.manage} />}
      {c.viewer.panel && c.status !== 'draft' && <EvaluatorHome campaignId={c.id} />}
      {c.viewer.target && <TargetHome c={c} />}
    </Space>
  );
}

/** The owner's steps (with confirmation), and edit / delete while draft. */
function OwnerActions({ c }: { c: CampaignDetail }) {
  const t = useTranslations('campaigns.steps');
  const td = useTranslations('campaigns.detail');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { modal, message } = App.useApp();
  const onError = useMutationError(trpc.campaign.pathKey());
  const step = useMutation(trpc.campaign.step.mutationOptions({
    onSuccess: async (_r, v) => {
      message.success(t(`${v.action}.done`));
      await qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
    },
    onError: (e) => onError(e),
  }));
  const remove = useMutation(trpc.campaign.remove.mutationOptions({
    onSuccess: async () => {
      message.success(td('deleted'));
      await qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
      router.push('/evaluation/campaigns');
    },
    onError: (e) => onError(e),
  }));
  const confirm = (action: Step) => modal.confirm({
    title: t(`${action}.title`),
    content: t(`${action}.confirm`),
    okText: t(`${action}.ok`),
    cancelText: td('cancel'),
    onOk: () => step.mutateAsync({ id: c.id, version: c.version, action }).catch(() => undefined),
  });
  return (
    <>
      {c.status === 'draft' && (
        <>
          <Link href={`/evaluation/campaigns/${c.id}/edit`}><Button icon={<EditOutlined />}>{td('edit')}</Button></Link>
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            onClick={() => modal.confirm({
              title: td('deleteTitle'), content: td('deleteConfirm'), okText: td('delete'), okButtonProps: { danger: true }, cancelText: td('cancel'),
              onOk: () => remove.mutateAsync({ id: c.id, version: c.version }).catch(() => undefined),
            })}
          >
            {td('delete')}
          </Button>
        </>
      )}
      {c.actions.map((a) => <Button key={a} type="primary" loading={step.isPending} onClick={() => confirm(a)}>{t(`${a}.ok`)}</Button>)}
    </>
  );
}

/** Counts and the targets and panel with progress: numbers only, no scores (HN-22: scores stay blind until review). */
function ManagerPanel({ c, manage }: { c: CampaignDetail; manage: NonNullable<CampaignDetail['manage']> }) {
  const td = useTranslations('campaigns.detail');
  const ts = useTranslations('campaigns.self');
  const tev = useTranslations('campaigns.events');
  const started = c.status !== 'draft';
  return (
    <Card>
      {c.status === 'draft' && <Alert type="info" showIcon title={td('draftHint')} style={{ marginBottom: 16 }} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title={td('counts.targets')} value={manage.counts.targets} /></Col>
        <Col xs={12} md={6}><Statistic title={td('counts.selfSubmitted')} value={manage.counts.selfSubmitted} suffix={`/ ${manage.counts.targets}`} /></Col>
        <Col xs={12} md={6}><Statistic title={td('counts.evaluators')} value={manage.counts.evaluators} /></Col>
        <Col xs={12} md={6}><Statistic title={td('counts.fullyScored')} value={manage.counts.targetsFullyScored} suffix={`/ ${manage.counts.targets}`} /></Col>
      </Row>
      <Tabs items={[
        {
          key: 'targets',
          label: td('targetsTab', { n: manage.targets.length }),
          children: (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={manage.targets}
              data-testid="manager-targets"
              locale={{ emptyText: td('noTargets') }}
              columns={[
                { title: td('cols.target'), dataIndex: 'orgName' },
                { title: td('cols.region'), dataIndex: 'regionCode', width: 90 },
                {
                  title: <>{td('cols.self')} <Cite plain code={KIND_ARTICLE[c.targetKind]} /></>, key: 'self',
                  render: (_: unknown, r) => (started ? <ToneTag tone={r.selfStatus === 'submitted' ? 'green' : 'gray'}>{ts(`status.${r.selfStatus}`)}</ToneTag> : '—'),
                },
                { title: td('cols.coi'), key: 'coi', render: (_: unknown, r) => (started ? td('coiCounts', r.evaluators) : '—') },
                { title: td('cols.submitted'), key: 'submitted', render: (_: unknown, r) => (started ? `${r.evaluators.submitted} / ${r.evaluators.clear}` : '—') },
                {
                  title: td('cols.progress'), key: 'progress', width: 200,
                  render: (_: unknown, r) => (started && r.toScore ? <Progress percent={Math.round((r.scored / r.toScore) * 100)} size="small" aria-label={td('cols.progress')} /> : '—'),
                },
              ]}
            />
          ),
        },
        {
          key: 'panel',
          label: td('panelTab', { n: manage.panel.length }),
          children: (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={manage.panel}
              locale={{ emptyText: td('noPanel') }}
              columns={[
                { title: td('cols.evaluator'), key: 'name', render: (_: unknown, r) => <Space>{r.name}{r.lead && <Tag>{td('leadTag')}</Tag>}</Space> },
                { title: td('cols.org'), dataIndex: 'orgName' },
                { title: td('cols.declared'), key: 'declared', render: (_: unknown, r) => (started ? `${r.declared} / ${r.total}` : '—') },
                { title: td('cols.conflicts'), dataIndex: 'conflict', render: (v: number) => (started ? v : '—') },
                { title: td('cols.submittedTargets'), key: 'sub', render: (_: unknown, r) => (started ? `${r.submitted} / ${r.total - r.conflict}` : '—') },
              ]}
            />
          ),
        },
        {
          key: 'timeline',
          label: td('timeline'),
          children: <FilingTimeline events={manage.timeline.events} files={manage.timeline.files} label={(a) => (tev.has(a.replace('.', '_')) ? tev(a.replace('.', '_')) : a)} />,
        },
      ]} />
    </Card>
  );
}

/** The target's own part: its self-assessment, its deadline. */
function TargetHome({ c }: { c: CampaignDetail }) {
  const td = useTranslations('campaigns.detail');
  const trpc = useTRPC();
  const q = useQuery(trpc.campaign.self.get.queryOptions({ campaignId: c.id }));
  const s = q.data;
  return (
    <Card title={<>{td('selfTitle')} <Cite code="HN-22 ¶2" /></>} loading={q.isLoading} data-testid="target-home">
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{td('selfIntro')}</Typography.Paragraph>
          <Typography.Text>
            {s.target.selfStatus === 'submitted' ? td('selfSubmittedAt', { at: fmtDateTime(s.target.selfSubmittedAt) }) : td('selfFilled', { n: s.entries.filter((e) => e.score !== null || e.comment).length, total: s.entries.length })}
          </Typography.Text>
          <Link href={`/evaluation/campaigns/${c.id}/self`}>
            <Button type="primary">{s.editable ? td('openSelf') : td('viewSelf')}</Button>
          </Link>
        </Space>
      )}
    </Card>
  );
}
