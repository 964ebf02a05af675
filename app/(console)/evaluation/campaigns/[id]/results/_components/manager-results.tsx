'use client';

import { FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, SearchBox, useMutationError } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { ToneTag } from '@/app/_components/tone-tag';
import { GRADES } from '@/server/domain/evaluation';
import { useTRPC } from '@/server/trpc/react';
import { DivergenceList } from './divergence-list';
import { FindingsPanel } from './findings-panel';
import { ResultCharts } from './result-charts';
import { GRADE_TONE, type Overview, type OverviewTarget } from './types';

/**
 * The owner's review (HN-22): the panel's progress, live totals (frozen once confirmed), what still
 * blocks confirmation, confirm and publish (each behind a confirmation dialog), the ranking
 * (search, grade and region filters, sort, export), charts and findings.
 */
export function ManagerResults({ campaignId }: { campaignId: string }) {
  const t = useTranslations('results');
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.overview.queryOptions({ campaignId }));
  const [tab, setTab] = useState('ranking');
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const o = q.data;
  const c = o.campaign;
  const started = c.status !== 'draft' && c.status !== 'self_assessment';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<>{t('review.title')} <Cite code={c.article} /></>}
        extra={o.viewer.owner ? <OwnerSteps o={o} /> : null}
        data-testid="results-summary"
      >
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Statistic title={t('review.targets')} value={o.counts.targets} /></Col>
          <Col xs={12} md={6}><Statistic title={t('review.fullySubmitted')} value={o.counts.fullySubmitted} suffix={`/ ${o.counts.targets}`} /></Col>
          <Col xs={12} md={6}><Statistic title={t('review.divergent')} value={o.counts.divergent} /></Col>
          <Col xs={12} md={6}><Statistic title={t('review.unresolved')} value={o.counts.unresolved} styles={{ content: { color: o.counts.unresolved ? '#ad4e00' : undefined } }} /></Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('review.method', { agg: t(`aggregation.${c.aggregation}`, { n: c.trimmedMin }), pct: c.divergencePct, lead: c.leadName ?? '—' })}
        </Typography.Paragraph>
        {c.confirmedAt
          ? <Alert type="success" showIcon title={c.publishedAt ? t('review.published', { at: fmtDateTime(c.publishedAt) }) : t('review.confirmed', { at: fmtDateTime(c.confirmedAt) })} data-testid="confirmed-banner" />
          : started
            ? <Alert type={o.confirmBlockers.length ? 'warning' : 'info'} showIcon title={o.confirmBlockers.length ? t('review.blocked') : t('review.ready')} description={o.confirmBlockers.length ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{o.confirmBlockers.map((b) => <li key={b}>{b}</li>)}</ul> : t('review.liveHint')} data-testid="confirm-blockers" />
            : <Alert type="info" showIcon title={t('review.notStarted')} />}
      </Card>
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={[
          { key: 'ranking', label: t('tabs.ranking'), children: <Ranking o={o} /> },
          { key: 'divergences', label: t('tabs.divergences', { n: o.counts.unresolved }), children: started ? <DivergenceList campaignId={campaignId} /> : <Alert type="info" showIcon title={t('review.notStarted')} /> },
          { key: 'charts', label: t('tabs.charts'), children: c.confirmedAt ? <ResultCharts campaignId={campaignId} dimensions={o.dimensions} /> : <Alert type="info" showIcon title={t('charts.afterConfirm')} /> },
          { key: 'findings', label: t('tabs.findings'), children: <FindingsPanel o={o} /> },
        ]} />
      </Card>
    </Space>
  );
}

/** Confirm (freezes the results) and publish (each target then sees its own), behind confirmation dialogs. */
function OwnerSteps({ o }: { o: Overview }) {
  const t = useTranslations('results.review');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const onError = useMutationError(trpc.evaluation.pathKey());
  const done = async (text: string) => {
    message.success(text);
    await Promise.all([qc.invalidateQueries({ queryKey: trpc.evaluation.pathKey() }), qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() })]);
  };
  const confirm = useMutation(trpc.evaluation.confirm.mutationOptions({ onSuccess: () => done(t('confirmDone')), onError: (e) => onError(e) }));
  const publish = useMutation(trpc.evaluation.publish.mutationOptions({ onSuccess: () => done(t('publishDone')), onError: (e) => onError(e) }));
  const c = o.campaign;
  return (
    <Space wrap>
      {!c.confirmedAt && c.status === 'review' && (
        <Button
          type="primary"
          disabled={!o.canConfirm}
          loading={confirm.isPending}
          onClick={() => modal.confirm({
            title: t('confirmTitle'), content: t('confirmBody', { n: o.counts.targets }), okText: t('confirm'), cancelText: tc('cancel'),
            onOk: () => confirm.mutateAsync({ id: c.id, version: c.version }).catch(() => undefined),
          })}
        >
          {t('confirm')}
        </Button>
      )}
      {c.status === 'review' && c.confirmedAt && (
        <Button
          type="primary"
          disabled={!o.canPublish}
          loading={publish.isPending}
          onClick={() => modal.confirm({
            title: t('publishTitle'), content: t('publishBody'), okText: t('publish'), cancelText: tc('cancel'),
            onOk: () => publish.mutateAsync({ id: c.id, version: c.version }).catch(() => undefined),
          })}
        >
          {t('publish')}
        </Button>
      )}
    </Space>
  );
}

type SortKey = 'rank' | 'total' | 'orgName' | 'regionCode';

/** The ranking: every target with progress, total, grade, veto and dimension scores; filters and sort in the page (the whole campaign is one answer). */
function Ranking({ o }: { o: Overview }) {
  const t = useTranslations('results');
  const tg = useTranslations('results.grade');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<string | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'ascend' | 'descend' }>({ key: 'rank', dir: 'ascend' });
  const regions = useMemo(() => [...new Map(o.targets.map((r) => [r.regionCode, r.regionName])).entries()].sort((a, b) => a[0].localeCompare(b[0])), [o.targets]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const xs = o.targets.filter((r) => (!needle || r.orgName.toLowerCase().includes(needle)) && (!grade || r.result?.grade === grade) && (!region || r.regionCode === region));
    const val = (r: OverviewTarget): number | string => {
      switch (sort.key) {
        case 'rank': return r.result?.rank ?? Number.MAX_SAFE_INTEGER;
        case 'total': return r.result?.total ?? -1;
        case 'orgName': return r.orgName;
        case 'regionCode': return r.regionCode;
      }
    };
    return [...xs].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      const d = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return (sort.dir === 'ascend' ? d : -d) || a.orgName.localeCompare(b.orgName, 'zh-CN');
    });
  }, [o.targets, q, grade, region, sort]);
  const filtered = !!(q || grade || region);
  const order = (k: SortKey) => (sort.key === k ? sort.dir : null);
  const c = o.campaign;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <SearchBox placeholder={t('ranking.search')} value={text} onChange={setText} onSearch={setQ} />
          <Select aria-label={t('ranking.grade')} placeholder={t('ranking.grade')} allowClear value={grade} onChange={setGrade} style={{ width: 130 }}
            options={GRADES.map((g) => ({ value: g, label: tg(g) }))} />
          <Select aria-label={t('ranking.region')} placeholder={t('ranking.region')} allowClear value={region} onChange={setRegion} style={{ width: 130 }}
            options={regions.map(([value, label]) => ({ value, label }))} />
          {filtered && <Button onClick={() => { setText(''); setQ(''); setGrade(undefined); setRegion(undefined); }}>{t('ranking.clear')}</Button>}
        </Space>
        <ExportMenu path={`/api/evaluation/campaigns/${c.id}/results`} params={{}} />
      </Space>
      {!c.confirmedAt && <Typography.Text type="secondary">{t('ranking.live')}</Typography.Text>}
      <Table<OverviewTarget>
        rowKey="id"
        size="small"
        dataSource={rows}
        data-testid="ranking"
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: filtered ? t('ranking.emptyFiltered') : t('ranking.empty') }}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          if (one?.order && one.columnKey) setSort({ key: one.columnKey as SortKey, dir: one.order });
          else setSort({ key: 'rank', dir: 'ascend' });
        }}
        columns={[
          { title: t('cols.rank'), key: 'rank', width: 70, sorter: true, sortOrder: order('rank'), render: (_: unknown, r) => r.result?.rank ?? '—' },
          { title: t('cols.target'), key: 'orgName', sorter: true, sortOrder: order('orgName'), render: (_: unknown, r) => r.orgName },
          { title: t('cols.region'), key: 'regionCode', width: 90, sorter: true, sortOrder: order('regionCode'), render: (_: unknown, r) => r.regionName },
          {
            title: t('cols.progress'), key: 'progress', width: 150,
            render: (_: unknown, r) => (r.evaluators.clear
              ? <Progress percent={Math.round((r.evaluators.submitted / r.evaluators.clear) * 100)} size="small" format={() => `${r.evaluators.submitted}/${r.evaluators.clear}`} aria-label={t('cols.progress')} />
              : '—'),
          },
          { title: t('cols.total'), key: 'total', width: 90, sorter: true, sortOrder: order('total'), render: (_: unknown, r) => (r.result ? r.result.total.toFixed(2) : '—') },
          {
            title: t('cols.grade'), key: 'grade', width: 110,
            render: (_: unknown, r) => (r.result
              ? <Space size={4}><ToneTag tone={GRADE_TONE[r.result.grade]}>{tg(r.result.grade)}</ToneTag>{r.result.vetoed && <Tag color="red">{t('veto')}</Tag>}</Space>
              : '—'),
          },
          ...o.dimensions.map((d) => ({
            title: `${d.name}(${d.weight}%)`, key: `dim-${d.code}`, width: 110,
            render: (_: unknown, r: OverviewTarget) => {
              const v = r.result?.dimensionScores[d.code];
              return v === undefined ? '—' : Number(v).toFixed(2);
            },
          })),
          { title: t('cols.divergent'), key: 'divergent', width: 90, render: (_: unknown, r) => (r.divergent ? <Tag color={r.unresolved ? 'orange' : 'green'}>{r.unresolved ? t('unresolvedOf', { n: r.unresolved, total: r.divergent }) : t('allResolved', { n: r.divergent })}</Tag> : '—') },
          { title: t('cols.findings'), dataIndex: 'findings', width: 80 },
          {
            title: t('cols.report'), key: 'report', width: 90, fixed: 'right',
            render: (_: unknown, r) => (r.result ? <Link href={`/evaluation/campaigns/${c.id}/report/${r.id}`} aria-label={t('reportFor', { target: r.orgName })}><FileTextOutlined /> {t('reportLink')}</Link> : '—'),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ranking.bands', { excellent: o.gradeBands.excellent, good: o.gradeBands.good, pass: o.gradeBands.pass })}
      </Typography.Text>
    </Space>
  );
}
