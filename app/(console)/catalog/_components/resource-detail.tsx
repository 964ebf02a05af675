'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tabs, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ToneTag } from '@/app/_components/tone-tag';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import type { ResourceDetail } from './defaults';
import { HistoryPanel } from './history-panel';
import { ReasonModal } from './reason-modal';
import { RegistrationPanel } from './registration-panel';
import { ResourceForm } from './resource-form';
import { GradeTag, OperabilityTag, StatusTags } from './tags';

type Action = Exclude<ResourceDetail['actions'][number], 'revise'>;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

export function ResourceDetailView({ id }: { id: string }) {
  const t = useTranslations('catalog');
  const td = useTranslations('catalog.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.catalog.resource.get.queryOptions({ id }));
  const [tab, setTab] = useState('overview');
  const [asking, setAsking] = useState<'reject' | 'disable' | null>(null);
  const { done, onError } = useMutationFeedback(trpc.catalog.pathKey(), { onDone: () => setAsking(null) });
  const opts = (a: Action | 'restore') => ({ onSuccess: () => done(td(`done.${a}`)), onError });
  const m = {
    submit: useMutation(trpc.catalog.resource.submit.mutationOptions(opts('submit'))),
    withdraw: useMutation(trpc.catalog.resource.withdraw.mutationOptions(opts('withdraw'))),
    approve: useMutation(trpc.catalog.resource.approve.mutationOptions(opts('approve'))),
    reject: useMutation(trpc.catalog.resource.reject.mutationOptions(opts('reject'))),
    disable: useMutation(trpc.catalog.resource.disable.mutationOptions(opts('disable'))),
    enable: useMutation(trpc.catalog.resource.enable.mutationOptions(opts('enable'))),
  };

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  const ref = { id: r.id, version: r.version };

  const act = (a: Action) => {
    if (a === 'reject' || a === 'disable') return setAsking(a);
    const content = a === 'submit' ? td('confirmSubmit') : a === 'approve' ? td('confirmApprove') : undefined;
    modal.confirm({
      title: `${td(`actions.${a}`)}:${r.name}`,
      content,
      okText: td(`actions.${a}`),
      onOk: () => m[a].mutateAsync(ref).catch(() => undefined),
    });
  };

  const items = (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={r.items}
      columns={[
        { title: '#', dataIndex: 'seq' },
        { title: t('form.itemName'), dataIndex: 'name' },
        { title: t('form.fieldCode'), dataIndex: 'fieldCode', render: (v: string | null) => (v ? <span style={mono}>{v}</span> : '—') },
        { title: t('form.dataType'), dataIndex: 'dataType', render: (v: string) => t(`dataType.${v}`) },
        { title: t('form.itemGrade'), dataIndex: 'grade', render: (v: string) => <GradeTag grade={v} /> },
        { title: t('form.sensitive'), dataIndex: 'sensitive', render: (v: boolean) => (v ? <ToneTag tone="orange">{t('form.sensitive')}</ToneTag> : '—') },
        { title: t('form.description'), dataIndex: 'description', render: (v: string) => v || '—' },
        {
          title: <>{td('source')} <Cite code="HN-9" /></>,
          key: 'source',
          render: (_: unknown, i: ResourceDetail['items'][number]) => {
            if (!i.conflict) return '—';
            if (i.sourceResolution === 'link') return <ToneTag tone="blue">{td('sourceLinked', { provider: i.conflict.providerName, item: i.conflict.itemName })}</ToneTag>;
            if (i.sourceResolution === 'second') return <ToneTag tone="gold">{td('sourceSecond', { reason: i.justification ?? '' })}</ToneTag>;
            return <ToneTag tone="red">{td('sourceUnresolved', { provider: i.conflict.providerName, item: i.conflict.itemName })}</ToneTag>;
          },
        },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/catalog"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="resource-name">{r.name}</Typography.Title>
            <Typography.Text type="secondary" style={mono}>{r.code}</Typography.Text>
            <StatusTags status={r.status} publishedVersionNo={r.publishedVersionNo} />
            <GradeTag grade={r.grade} />
            <OperabilityTag op={r.operability} />
          </Space>
        }
        extra={
          <Space wrap>
            {r.actions.filter((a): a is Action => a !== 'revise').map((a) => (
              <Button key={a} type={a === 'submit' || a === 'approve' ? 'primary' : 'default'} danger={a === 'reject' || a === 'disable'} onClick={() => act(a)} loading={m[a].isPending}>
                {td(`actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        {r.status === 'draft' && r.rejectReason && <Alert type="error" showIcon data-testid="reject-reason" title={td('rejected', { reason: r.rejectReason })} style={{ marginBottom: 16 }} />}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'overview',
              label: td('tabs.overview'),
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={[
                    { key: 'owner', label: td('owner'), children: r.ownerName },
                    { key: 'region', label: td('region'), children: r.regionName },
                    { key: 'provider', label: t('cols.provider'), children: r.providerName },
                    { key: 'format', label: t('cols.format'), children: t(`format.${r.format}`) },
                    { key: 'cycle', label: t('cols.updateCycle'), children: t(`updateCycle.${r.updateCycle}`) },
                    { key: 'share', label: t('cols.shareType'), children: t(`shareType.${r.shareType}`) },
                    { key: 'cond', label: t('cols.shareCondition'), children: r.shareCondition ?? '—' },
                    { key: 'open', label: t('cols.openType'), children: t(`openType.${r.openType}`) },
                    { key: 'version', label: t('cols.version'), children: r.publishedVersionNo ? `v${r.publishedVersionNo}` : '—' },
                    { key: 'op', label: <>{td('operability')} <Cite code="HN-10" /></>, children: r.operability.operable ? td('registrationNo', { no: r.operability.registrationNo, date: r.operability.effectiveOn }) : r.operability.message },
                    { key: 'updated', label: t('cols.updatedAt'), children: fmtDateTime(r.updatedAt) },
                    { key: 'summary', label: t('cols.summary'), children: r.summary || '—', span: 'filled' },
                  ]} />
                  <Typography.Title level={5} style={{ margin: 0 }}>{td('items', { n: r.items.length })}</Typography.Title>
                  {items}
                </Space>
              ),
            },
            ...(r.canEdit ? [{ key: 'edit', label: td('tabs.edit'), children: <ResourceForm key={r.version} resource={r} /> }] : []),
            { key: 'history', label: td('tabs.history'), children: <HistoryPanel resource={r} /> },
            { key: 'registration', label: td('tabs.registration'), children: <RegistrationPanel resource={r} /> },
          ]}
        />
      </Card>
      {asking && (
        <ReasonModal
          title={asking === 'reject' ? td('rejectTitle') : td('disableTitle')}
          label={asking === 'reject' ? td('rejectReason') : td('disableReason')}
          warning={asking === 'disable' ? td('disableWarning') : undefined}
          okText={td(`actions.${asking}`)}
          pending={m[asking].isPending}
          onClose={() => setAsking(null)}
          onSubmit={(reason) => m[asking].mutate({ ...ref, reason })}
        />
      )}
    </Space>
  );
}
