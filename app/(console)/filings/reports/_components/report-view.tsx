'use client';

import { Descriptions, Empty, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';
import type { ReportDetail } from './defaults';

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN'));
const text = (v: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</span>;

/** A submitted report, read-only (locked, HN-22 ¶3). */
export function ReportView({ content }: { content: ReportDetail['content'] }) {
  const t = useTranslations('reports.periodic.form');
  const s = content.secondary;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-view">
      <Descriptions size="small" bordered column={1} items={[
        { key: 'operations', label: <>{t('operations')} <Cite code="HN-22.3">HN-22 ¶3</Cite></>, children: text(content.operations) },
        { key: 'products', label: t('products'), children: text(content.products) },
        { key: 'usage', label: t('sections.usage'), children: `${t('calls')} ${amount(content.usage?.calls)} · ${t('users')} ${amount(content.usage?.users)}${content.usage?.note ? ` · ${content.usage.note}` : ''}` },
        { key: 'finance', label: <>{t('sections.finance')} <Cite code="HN-21.4">HN-21 ¶4</Cite></>, children: `${t('revenue')} ${amount(content.finance?.revenue)} ${t('yuan')} · ${t('cost')} ${amount(content.finance?.cost)} ${t('yuan')}${content.finance?.note ? ` · ${content.finance.note}` : ''}` },
        { key: 'security', label: <>{t('sections.security')} <Cite code="HN-18" /></>, children: <>{t('incidents')} {amount(content.security?.incidents)} · {text(content.security?.note)}</> },
        { key: 'problems', label: t('sections.problems'), children: text(content.problems) },
      ]} />
      <Typography.Title level={5} style={{ margin: 0 }}>{t('sections.secondary')} <Cite code="HN-22.3">HN-22 ¶3</Cite></Typography.Title>
      {s?.none ? (
        <Typography.Text data-testid="secondary-none">{t('secondaryNoneText')}</Typography.Text>
      ) : (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={(s?.rows ?? []).map((row, i) => ({ ...row, key: i }))}
          columns={[
            { title: t('developerCol'), dataIndex: 'developer' },
            { title: t('productCol'), dataIndex: 'product' },
            { title: t('useCol'), dataIndex: 'use' },
            { title: t('callsCol'), dataIndex: 'calls', align: 'right', render: (v: number | null) => amount(v) },
          ]}
        />
      )}
    </Space>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

const PATH_LABEL: Record<string, string> = {
  operations: 'operations', products: 'products', 'usage.calls': 'calls', 'usage.users': 'users', 'usage.note': 'usageNote',
  'finance.revenue': 'revenue', 'finance.cost': 'cost', 'finance.note': 'financeNote', 'security.incidents': 'incidents', 'security.note': 'securityNote',
  problems: 'problems', 'secondary.none': 'secondaryAnswer',
};

/** Every submitted version with its reason, and the field-level difference between any two. */
export function ReportHistory({ report }: { report: ReportDetail }) {
  const t = useTranslations('reports.periodic.history');
  const tf = useTranslations('reports.periodic.form');
  const trpc = useTRPC();
  const history = useQuery(trpc.report.history.queryOptions({ id: report.id }));
  const versions = history.data ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const b = to ?? versions[0]?.versionNo ?? 1;
  const a = from ?? Math.max(1, b - 1);
  const diff = useQuery({ ...trpc.report.diff.queryOptions({ id: report.id, from: a, to: b }), enabled: versions.length > 1 });
  const label = (path: string) => {
    const row = /^secondary\.rows\.(\d+)\.(\w+)$/.exec(path);
    if (row) return t('rowField', { n: Number(row[1]), field: tf(`${row[2]}Col`) });
    return PATH_LABEL[path] ? tf(PATH_LABEL[path]) : path;
  };
  if (!history.isLoading && versions.length === 0) return <Empty description={t('empty')} />;
  const options = versions.map((v) => ({ value: v.versionNo, label: `v${v.versionNo}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-history">
      <Table
        rowKey="versionNo"
        size="small"
        loading={history.isLoading}
        pagination={false}
        dataSource={versions}
        columns={[
          { title: t('version'), dataIndex: 'versionNo', render: (v: number) => `v${v}` },
          { title: t('submitted'), key: 's', render: (_: unknown, r) => `${r.submittedBy ?? '—'} ${fmtDateTime(r.submittedAt)}` },
          { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? t('first') },
        ]}
      />
      {versions.length > 1 && (
        <>
          <Space wrap>
            <Typography.Text strong>{t('compare')}</Typography.Text>
            <Select aria-label={t('from')} value={a} onChange={setFrom} options={options} style={{ width: 90 }} />
            <span>→</span>
            <Select aria-label={t('to')} value={b} onChange={setTo} options={options} style={{ width: 90 }} />
          </Space>
          <Table
            rowKey="path"
            size="small"
            loading={diff.isLoading}
            pagination={false}
            dataSource={diff.data?.changes ?? []}
            locale={{ emptyText: t('noChanges') }}
            columns={[
              { title: t('field'), dataIndex: 'path', render: (p: string) => label(p) },
              { title: `v${a}`, dataIndex: 'before', render: show },
              { title: `v${b}`, dataIndex: 'after', render: show },
            ]}
          />
        </>
      )}
    </Space>
  );
}
