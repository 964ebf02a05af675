'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tabs, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { ToneTag } from '@/app/_components/tone-tag';
import { NOTIFY_ITEMS, SUMMARY_FIELDS } from '@/server/domain/incidents';
import { useTRPC } from '@/server/trpc/react';
import type { IncidentDetail } from './defaults';
import { EndHandlingModal, FollowUpModal, NotifyModal, OrderModal, ReviewModal, SummaryModal } from './step-modals';
import { HourClock, LateTag, SeverityTag, StatusTag, SummaryClock } from './tags';

type Step = 'followUp' | 'notify' | 'endHandling' | 'submitSummary' | 'review' | 'openOrder';
const STEPS: readonly Step[] = ['followUp', 'notify', 'endHandling', 'submitSummary', 'review', 'openOrder'];

/** One incident: its clocks, recipients, the record of follow-ups and grades, notification, summary, review and timeline. */
export function IncidentDetailView({ id }: { id: string }) {
  const t = useTranslations('incidents');
  const td = useTranslations('incidents.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.incident.get.queryOptions({ id }));
  const grading = useQuery(trpc.incident.grading.queryOptions());
  const [step, setStep] = useState<Step | null>(null);
  const { done, onError } = useMutationFeedback(trpc.incident.pathKey());
  const ack = useMutation(trpc.incident.acknowledge.mutationOptions({ onSuccess: () => done(td('acknowledged')), onError }));

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  const article = r.regime === 'ID' ? 'ID-12 ¶3' : 'HN-18';
  const acknowledge = () => modal.confirm({
    title: td('ackTitle'),
    content: td('ackBody'),
    okText: td('ack'),
    onOk: () => ack.mutateAsync({ id: r.id }).catch(() => undefined),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/incidents"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="incident-title">{r.title}</Typography.Title>
            <SeverityTag severity={r.severity} testId="incident-severity" />
            <StatusTag status={r.status} testId="incident-status" />
            {r.lateCount > 0 && <LateTag n={r.lateCount} />}
            {r.cii && <ToneTag tone="orange">{t('cii')}</ToneTag>}
            <Cite code={article} />
          </Space>
        }
        extra={
          <Space wrap>
            {r.can.acknowledge && <Button type="primary" onClick={acknowledge} loading={ack.isPending}>{td('ack')}</Button>}
            {STEPS.filter((s) => r.can[s]).map((s) => (
              <Button key={s} type={s === 'review' || s === 'submitSummary' ? 'primary' : 'default'} onClick={() => setStep(s)}>{td(`steps.${s}`)}</Button>
            ))}
          </Space>
        }
      >
        <Alerts r={r} myDue={r.myClock} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'reporter', label: td('reporter'), children: r.reporterName },
          { key: 'system', label: td('systemName'), children: r.systemName },
          { key: 'type', label: td('type'), children: t(`type.${r.type}`) },
          { key: 'agreement', label: td('agreement'), children: r.agreementName ?? '—' },
          { key: 'agency', label: td('agency'), children: r.agencyName ?? '—' },
          { key: 'authority', label: td('authority'), children: r.authorityName ?? td('province') },
          { key: 'discovered', label: td('discoveredAt'), children: fmtDateTime(r.discoveredAt) },
          { key: 'occurred', label: td('occurredAt'), children: fmtDateTime(r.occurredAt) },
          ...(r.type === 'relationship_risk' ? [{ key: 'stopped', label: <>{td('processingStoppedAt')} <Cite code="HN-18" /></>, children: r.processingStoppedAt ? fmtDateTime(r.processingStoppedAt) : <Typography.Text type="danger">{td('notStopped')}</Typography.Text> }] : []),
          { key: 'pi', label: td('personalInfoPeople'), children: num(r.personalInfoPeople) },
          { key: 'people', label: td('peopleAffected'), children: num(r.peopleAffected) },
          { key: 'loss', label: td('directLossYuan'), children: num(r.directLossYuan) },
          { key: 'crime', label: td('crimeSuspected'), children: r.crimeSuspected ? td('yes') : td('no') },
          { key: 'ended', label: td('handlingEndedAt'), children: fmtDateTime(r.handlingEndedAt) },
          { key: 'summaryDue', label: td('summaryDueAt'), children: <SummaryClock clock={r.summaryClock} late={r.summaryLate} /> },
          { key: 'measures', label: td('measures'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.measures}</span>, span: 'filled' },
        ]} />
        <Typography.Title level={5}>{td('recipients')} <Cite code={article} /></Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.recipients}
          data-testid="recipients"
          style={{ marginBottom: 16 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: td('cols.kind'), key: 'kind', render: (_: unknown, x) => t(`kind.${x.kind}`) },
            { title: td('cols.org'), dataIndex: 'orgName' },
            { title: td('cols.basis'), key: 'basis', render: (_: unknown, x) => <Cite code={x.basis} /> },
            { title: td('cols.hours'), key: 'hours', render: (_: unknown, x) => td('hours', { n: x.hours }) },
            { title: td('cols.dueAt'), key: 'dueAt', render: (_: unknown, x) => fmtDateTime(x.dueAt) },
            { title: td('cols.reportedAt'), key: 'addedAt', render: (_: unknown, x) => <Space size={4}>{fmtDateTime(x.addedAt)}{x.late && <LateTag />}</Space> },
            {
              title: td('cols.receipt'),
              key: 'receipt',
              render: (_: unknown, x) => (x.acknowledgedAt
                ? <Typography.Text>{td('ackBy', { at: fmtDateTime(x.acknowledgedAt), by: x.acknowledgedByName ?? '' })}</Typography.Text>
                : <span data-testid={`clock-${x.kind}`}><HourClock clock={x.clock} basis={x.basis} /></span>),
            },
          ]}
        />
        <Tabs items={[
          { key: 'updates', label: td('tabs.updates'), children: <Updates updates={r.updates} severityChanges={r.severityChanges} /> },
          { key: 'notification', label: td('tabs.notification'), children: <Notification r={r} /> },
          { key: 'summary', label: td('tabs.summary'), children: <Summary r={r} /> },
          {
            key: 'timeline', label: td('tabs.timeline'),
            children: <FilingTimeline events={r.timeline.events} files={r.timeline.files} label={(a) => {
              const k = a === 'rectification_order.issue' ? 'orderIssued' : a.split('.')[1];
              return t.has(`events.${k}`) ? t(`events.${k}`) : a;
            }} />,
          },
        ]} />
      </Card>
      {step === 'followUp' && <FollowUpModal r={r} policy={grading.data} onClose={() => setStep(null)} />}
      {step === 'notify' && <NotifyModal r={r} onClose={() => setStep(null)} />}
      {step === 'endHandling' && <EndHandlingModal r={r} onClose={() => setStep(null)} />}
      {step === 'submitSummary' && <SummaryModal r={r} onClose={() => setStep(null)} />}
      {step === 'review' && <ReviewModal r={r} onClose={() => setStep(null)} />}
      {step === 'openOrder' && <OrderModal r={r} onClose={() => setStep(null)} />}
    </Space>
  );
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN'));

/** What needs doing now, and by when. */
function Alerts({ r, myDue }: { r: IncidentDetail; myDue: IncidentDetail['myClock'] }) {
  const td = useTranslations('incidents.detail');
  const out: React.ReactNode[] = [];
  if (r.can.acknowledge && myDue) {
    out.push(<Alert key="ack" type={myDue.status === 'overdue' ? 'error' : 'warning'} showIcon data-testid="ack-alert" title={<Space wrap>{td('ackDue')}<HourClock clock={myDue} /></Space>} description={td('ackDueHint', { at: fmtDateTime(myDue.dueAt) })} />);
  }
  if (r.type === 'relationship_risk' && !r.processingStoppedAt) {
    out.push(<Alert key="stop" type="error" showIcon title={<>{td('stopAlert')} <Cite code="HN-18" /></>} />);
  }
  if (r.notificationOwed && r.status !== 'closed') {
    out.push(<Alert key="notify" type="warning" showIcon title={<>{td('notifyAlert')} {r.regime === 'ID' ? <Cite code="ID-12 ¶3" /> : null}</>} />);
  }
  if (r.status === 'more_requested' && r.reviewNote) {
    out.push(<Alert key="more" type="warning" showIcon title={td('moreAlert')} description={r.reviewNote} />);
  }
  if (r.order) {
    out.push(<Alert key="order" type="info" showIcon title={<>{td('orderAlert', { no: r.order.no })} <Link href={`/rectification/${r.order.id}`} style={{ textDecoration: 'underline' }}>{td('openOrder')}</Link></>} />);
  }
  return out.length ? <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>{out}</Space> : null;
}

function Updates({ updates, severityChanges }: Pick<IncidentDetail, 'updates' | 'severityChanges'>) {
  const t = useTranslations('incidents');
  const td = useTranslations('incidents.detail');
  return (
    <>
      <Timeline items={updates.map((u) => ({
        key: u.id,
        content: (
          <div data-testid="incident-update">
            <Typography.Text strong>{t(`update.${u.kind}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{fmtDateTime(u.createdAt)} · {u.authorName}({u.orgName})</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{u.body}</div>
          </div>
        ),
      }))} />
      <Typography.Title level={5}>{td('severityHistory')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={severityChanges}
        locale={{ emptyText: td('noSeverityChanges') }}
        columns={[
          { title: td('cols.at'), key: 'at', render: (_: unknown, c) => fmtDateTime(c.at) },
          { title: td('cols.change'), key: 'change', render: (_: unknown, c) => <Space size={4}><SeverityTag severity={c.from} />→<SeverityTag severity={c.to} /></Space> },
          { title: td('cols.reason'), dataIndex: 'reason' },
          { title: td('cols.by'), dataIndex: 'byName' },
        ]}
      />
    </>
  );
}

function Notification({ r }: { r: IncidentDetail }) {
  const td = useTranslations('incidents.detail');
  const tn = useTranslations('incidents.notify');
  const n = r.notification;
  if (!n) return <Empty description={r.notificationOwed ? td('notifyOwed') : td('notifyNone')} />;
  if (n.decision === 'not_notify') return <Descriptions size="small" bordered column={1} items={[{ key: 'd', label: tn('decision'), children: tn('not_notify') }, { key: 'r', label: tn('reason'), children: n.reason }]} />;
  return (
    <Descriptions size="small" bordered column={1} items={[
      { key: 'd', label: tn('decision'), children: tn('notify') },
      { key: 'at', label: tn('notifiedAt'), children: fmtDateTime(n.notifiedAt) },
      { key: 'ch', label: tn('channels'), children: (n.channels ?? []).map((c) => tn(`channel.${c}`)).join('、') },
      ...NOTIFY_ITEMS.map((k) => ({ key: k, label: tn(`items.${k}`), children: n.items?.[k] ?? '—' })),
    ]} />
  );
}

function Summary({ r }: { r: IncidentDetail }) {
  const td = useTranslations('incidents.detail');
  const ts = useTranslations('incidents.summary');
  if (!r.summary) return <Empty description={r.summaryDueAt ? td('summaryDue', { at: fmtDateTime(r.summaryDueAt) }) : td('summaryNone')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={1} items={SUMMARY_FIELDS.map((k) => ({ key: k, label: ts(`fields.${k}`), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.summary?.[k]}</span> }))} />
      <Typography.Text type="secondary">{td('summarySubmitted', { at: fmtDateTime(r.summarySubmittedAt) })}</Typography.Text>
      {r.reviewedAt && <Typography.Text type="secondary">{td('reviewed', { at: fmtDateTime(r.reviewedAt), note: r.reviewNote ?? '' })}</Typography.Text>}
    </Space>
  );
}
