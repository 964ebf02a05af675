'use client';

import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tabs, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import type { ReportDetail } from './defaults';
import { ReportForm } from './report-form';
import { ReportHistory, ReportView } from './report-view';
import { usePeriodLabel } from './tags';

/** One periodic report: its period and recipients, the content (a form while a draft), versions, files and timeline. */
export function ReportDetailView({ id }: { id: string }) {
  const t = useTranslations('reports.periodic');
  const td = useTranslations('reports.periodic.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const label = usePeriodLabel();
  const q = useQuery(trpc.report.get.queryOptions({ id }));
  const [tab, setTab] = useState('content');
  const { done, onError } = useMutationFeedback(trpc.report.pathKey());
  const read = useMutation(trpc.report.markRead.mutationOptions({ onSuccess: () => done(td('readDone')), onError }));

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;

  const markRead = () => modal.confirm({
    title: td('markRead'),
    content: td('confirmRead'),
    okText: td('markRead'),
    onOk: () => read.mutateAsync(r.myReceipt!).catch(() => undefined),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/reports"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">{label(r)}{t(`kindTitle.${r.kind}`)}</Typography.Title>
            {r.status === 'draft'
              ? <ToneTag tone="gray" data-testid="report-status">{td('draft')}</ToneTag>
              : <ToneTag tone="green" data-testid="report-status"><LockOutlined /> {td('locked')}</ToneTag>}
            {r.late && <ToneTag tone="orange" data-testid="report-late">{t('state.late')}</ToneTag>}
            {r.lastVersionNo > 0 && <ToneTag tone="blue">v{r.lastVersionNo}</ToneTag>}
            {r.due.status !== 'done' && <DueTag dueAt={r.due.dueAt} status={r.due.status} basis="HN-22 ¶3" />}
          </Space>
        }
        extra={
          <Space wrap>
            {r.myReceipt && <Button type="primary" onClick={markRead} loading={read.isPending}>{td('markRead')}</Button>}
            {r.canCorrect && tab !== 'correct' && <Button onClick={() => setTab('correct')}>{td('correct')}</Button>}
          </Space>
        }
      >
        {r.status === 'submitted' && <Alert type="success" showIcon title={td('lockedHint')} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'agreement', label: td('agreement'), children: r.agreementName, span: 2 },
          { key: 'term', label: td('term'), children: `${r.startsOn} ~ ${r.endsOn}` },
          { key: 'operator', label: td('operator'), children: r.operatorName },
          { key: 'agency', label: <>{td('agency')} <Cite code="HN-22.3">HN-22 ¶3</Cite></>, children: r.agencyName },
          { key: 'authority', label: td('authority'), children: r.authorityName },
          { key: 'due', label: <>{td('dueOn')} <Cite code="HN-22.3">HN-22 ¶3</Cite></>, children: r.dueOn },
          { key: 'submitted', label: td('submittedAt'), children: r.submittedAt ? `${fmtDateTime(r.submittedAt)} · ${r.submittedByName ?? ''}` : '—' },
          { key: 'version', label: td('version'), children: r.lastVersionNo ? `v${r.lastVersionNo}` : '—' },
        ]} />
        {r.receipts.length > 0 && <Receipts receipts={r.receipts} />}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'content',
              label: td('tabs.content'),
              children: r.canEdit ? <ReportForm key={r.version} report={r} mode="draft" /> : <ReportView content={r.content} />,
            },
            ...(r.canCorrect ? [{ key: 'correct', label: td('tabs.correct'), children: <ReportForm key={`c${r.version}`} report={r} mode="correct" onDone={() => setTab('history')} /> }] : []),
            { key: 'history', label: td('tabs.history'), children: <ReportHistory report={r} /> },
            { key: 'files', label: td('tabs.files'), children: <Attachments entityType="periodic_report" entityId={r.id} /> },
            {
              key: 'timeline',
              label: td('tabs.timeline'),
              children: <FilingTimeline events={r.timeline.events} files={r.timeline.files} label={(a) => (t.has(`events.${a.split('.')[1]}`) ? t(`events.${a.split('.')[1]}`) : a)} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The two recipients of the current version and whether each has read it. */
function Receipts({ receipts }: { receipts: ReportDetail['receipts'] }) {
  const td = useTranslations('reports.periodic.detail');
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      style={{ marginBottom: 16 }}
      data-testid="report-receipts"
      dataSource={receipts}
      columns={[
        { title: td('recipient'), dataIndex: 'orgName' },
        { title: td('receiptStatus'), dataIndex: 'status', render: (s: string) => <ToneTag tone={s === 'acknowledged' ? 'green' : s === 'superseded' ? 'gray' : 'blue'}>{td(`receipt.${s}`)}</ToneTag> },
        { title: td('readBy'), key: 'by', render: (_: unknown, x) => (x.decidedAt ? `${x.decidedBy ?? '—'} ${fmtDateTime(x.decidedAt)}` : '—') },
      ]}
    />
  );
}
