'use client';

import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tabs, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDate, fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import type { OrderDetail } from './defaults';
import { StepDialog, type Step } from './order-dialogs';
import { MajorRiskTag, OrderDue, OrderStatusTag } from './tags';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };
/** Steps that are confirmed only (no form). */
const PRIMARY: readonly Step[] = ['submitPlan', 'acceptPlan', 'progress', 'requestVerify', 'acceptVerify'];
const DANGER: readonly Step[] = ['cancel'];

/** One order: the due time, the findings, the exchange with its evidence, extensions, and the timeline. */
export function OrderDetailView({ id }: { id: string }) {
  const t = useTranslations('rectification');
  const td = useTranslations('rectification.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.rectification.get.queryOptions({ id }));
  const [step, setStep] = useState<Step | null>(null);
  const { done, onError } = useMutationFeedback(trpc.rectification.pathKey());
  const acceptPlan = useMutation(trpc.rectification.acceptPlan.mutationOptions({ onSuccess: () => done(t('done.acceptPlan')), onError }));

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  const ref = { id: r.id, version: r.version };
  const steps: Step[] = [
    ...r.actions,
    ...(r.can.progress ? (['progress'] as const) : []),
    ...(r.can.requestExtension ? (['requestExtension'] as const) : []),
    ...(r.can.decideExtension ? (['decideExtension'] as const) : []),
  ].sort((a, b) => Number(DANGER.includes(a)) - Number(DANGER.includes(b)));

  const act = (s: Step) => {
    if (s !== 'acceptPlan') return setStep(s);
    modal.confirm({
      title: t('steps.acceptPlan'),
      content: t('dialogs.acceptPlan.confirm'),
      okText: t('steps.acceptPlan'),
      onOk: () => acceptPlan.mutateAsync({ ...ref, body: null }).catch(() => undefined),
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/rectification"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Text style={mono}>{r.no}</Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-title">{r.title}</Typography.Title>
            <OrderStatusTag status={r.status} testId="order-status" />
            {r.majorRisk && <MajorRiskTag />}
          </Space>
        }
        extra={
          <Space wrap>
            {steps.map((s) => (
              <Button key={s} type={PRIMARY.includes(s) ? 'primary' : 'default'} danger={DANGER.includes(s)} onClick={() => act(s)} loading={s === 'acceptPlan' && acceptPlan.isPending}>
                {t(`steps.${s}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <DuePanel r={r} />
        {r.suspension && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={td('suspended', { org: r.targetName, date: fmtDate(r.suspension.startedAt) })}
            description={<>{r.suspension.reason} · {td('suspendedBy', { issuer: r.suspension.issuerName })} <Cite code="HN-22 ¶2" /> <Link href="/rectification/suspensions">{td('toSuspensions')}</Link></>}
          />
        )}
        {r.pendingExtension && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="pending-extension"
            title={td('pendingExtension', { date: r.pendingExtension.requestedDueOn })}
            description={r.pendingExtension.reason}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'issuer', label: td('issuer'), children: `${r.issuerName}${r.issuedByName ? `(${r.issuedByName})` : ''}` },
          { key: 'target', label: td('target'), children: <>{r.targetName}<SuspensionTag s={r.suspension} /></> },
          { key: 'source', label: td('source'), children: <>{t(`source.${r.source}`)}{r.sourceRef ? <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{r.sourceRef}</Typography.Text> : null}</> },
          { key: 'article', label: td('article'), children: <Cite code={r.article} /> },
          { key: 'deadline', label: td('deadline'), children: t(`deadlineText.${r.deadlineKind}`, { n: r.deadlineAmount }) },
          { key: 'issuedAt', label: td('issuedAt'), children: fmtDateTime(r.issuedAt) },
          { key: 'dueAt', label: td('dueAt'), children: fmtDateTime(r.dueAt) },
          { key: 'overdueAt', label: td('overdueAt'), children: r.overdueAt ? fmtDateTime(r.overdueAt) : '—' },
          { key: 'closedAt', label: td('closedAt'), children: fmtDateTime(r.closedAt) },
          {
            key: 'findings', label: td('findings'), span: 'filled',
            children: <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="order-findings">{(r.findings as { text: string }[]).map((f, i) => <li key={i} style={{ whiteSpace: 'pre-wrap' }}>{f.text}</li>)}</ol>,
          },
        ]} />
        <Tabs items={[
          { key: 'entries', label: td('entries'), children: <Entries r={r} /> },
          {
            key: 'timeline', label: td('timeline'),
            children: <FilingTimeline events={r.timeline.events} files={r.timeline.files} label={(a) => (t.has(`events.${a.replace('.', '_')}`) ? t(`events.${a.replace('.', '_')}`) : a)} />,
          },
        ]} />
      </Card>
      {step && step !== 'acceptPlan' && <StepDialog step={step} order={r} onClose={() => setStep(null)} />}
    </Space>
  );
}

/** Where the due time stands, in words (HN-22 ¶2 限期整改; 未按期整改到位 suspends an operator). */
function DuePanel({ r }: { r: OrderDetail }) {
  const td = useTranslations('rectification.detail');
  if (r.due.level === 'done') return null;
  const type = r.due.level === 'overdue' ? 'error' : r.due.level === 'due_soon' ? 'warning' : 'info';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="due-panel"
      title={<Space wrap>{td(`dueState.${r.due.level}`)}<OrderDue due={r.due} article={r.article} /></Space>}
      description={<>{td('dueHint', { due: fmtDateTime(r.dueAt) })} <Cite code="HN-22 ¶2" /></>}
    />
  );
}

/** The exchange between issuer and target, each entry with its evidence files. */
function Entries({ r }: { r: OrderDetail }) {
  const t = useTranslations('rectification.entry');
  if (!r.entries.length) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  const filesOf = (entryId: string) => r.timeline.files.filter((f) => f.entityType === 'rectification_entry' && f.entityId === entryId);
  return (
    <Timeline items={r.entries.map((e) => {
      const data = (e.data ?? {}) as { responsible?: string; plannedOn?: string; percent?: number; requestedDueOn?: string };
      return {
        key: e.id,
        content: (
          <div data-testid="order-entry" data-kind={e.kind}>
            <Typography.Text strong>{t(`kinds.${e.kind}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{fmtDateTime(e.createdAt)} · {e.authorName}({e.orgName})</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{e.body}</div>
            {(data.responsible || data.plannedOn) && <div><Typography.Text type="secondary">{t('planMeta', { responsible: data.responsible ?? '—', plannedOn: data.plannedOn ?? '—' })}</Typography.Text></div>}
            {data.percent !== undefined && <div><Typography.Text type="secondary">{t('percent', { n: data.percent })}</Typography.Text></div>}
            {data.requestedDueOn && <div><Typography.Text type="secondary">{t('requestedDueOn', { date: data.requestedDueOn })}</Typography.Text></div>}
            {filesOf(e.id).map((f) => (
              <div key={f.id}>
                <PaperClipOutlined /> <a href={`/api/attachments/${f.id}`}>{f.filename}</a>
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>SM3 {f.sm3.slice(0, 12)}…</Typography.Text>
              </div>
            ))}
          </div>
        ),
      };
    })} />
  );
}
