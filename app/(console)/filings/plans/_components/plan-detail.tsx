'use client';

import { Cite } from '@/app/_components/citation';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tabs, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import type { PlanDetail } from './defaults';
import { DecisionCard, FilingBanner, FilingStatusTags, ReceiptsTable, RecordModal, Ready, VersionsPanel } from './filing-parts';
import { PlanForm } from './plan-form';
import { FilingHistory, ReceiptActions } from './receipt-actions';
import { PLAN_DEFS, SectionsView, useDiffWords } from './sections';

type Step = PlanDetail['actions'][number];

/** 三重一大, approval, minutes, readiness and the receipts of the current version (HN-11). */
function FilingTab({ p }: { p: PlanDetail }) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  const tr = useTranslations('plans.records');
  const trpc = useTRPC();
  const [approving, setApproving] = useState(false);
  const { done } = useMutationFeedback(trpc.plan.pathKey(), { onDone: () => setApproving(false) });
  const fail = useMutationError(trpc.plan.pathKey());
  const decision = useMutation(trpc.plan.recordDecision.mutationOptions());
  const approval = useMutation(trpc.plan.recordApproval.mutationOptions({ onSuccess: () => done(t('done.recordApproval')) }));
  const ref = { id: p.id, version: p.version };
  const current = p.receipts.filter((r) => r.versionNo === p.lastVersionNo);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {(p.status === 'draft' || p.status === 'returned') && (
        <Card size="small" title={<>{td('readiness')} <Cite code="HN-11 ¶1" /></>}>
          <Ready ok={p.checklist.decision} label={td('readyDecision')} art="HN-11 ¶1" />
          <Ready ok={p.checklist.minutes > 0} label={td('readyMinutes', { n: p.checklist.minutes })} art="HN-11 ¶1" />
          <Ready ok={p.checklist.approval} label={td('readyApproval')} art="HN-11 ¶1" />
          {!p.provincial && <Ready ok={p.checklist.industry} label={td('readyIndustry')} art="HN-11 ¶2" />}
        </Card>
      )}
      <DecisionCard
        art="HN-11 ¶1"
        minutesType="implementation_plan_minutes"
        entityId={p.id}
        value={{ decisionOn: p.decisionOn, decisionMeeting: p.decisionMeeting }}
        canRecord={p.canRecord}
        hint={tr('decisionHint')}
        pending={decision.isPending}
        onSave={(v, form, close) => decision.mutate({ ...ref, ...v }, { onSuccess: () => done(t('done.recordDecision')).then(close), onError: (e) => fail(e, form) })}
      />
      <Card
        size="small"
        title={<>{td('approval')} <Cite code="HN-11 ¶1" /></>}
        extra={p.canRecord && <Button onClick={() => setApproving(true)}>{t('actions.recordApproval')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'on', label: td('approvalOn'), children: p.approvalOn ?? td('notRecorded') },
          { key: 'ref', label: td('approvalRef'), children: p.approvalRef ?? td('notRecorded') },
        ]} />
      </Card>
      <Card size="small" title={<>{td('receipts')} <Cite code="HN-11 ¶2" /></>}>
        {p.provincial ? <Alert type="info" showIcon title={td('provincial')} /> : <ReceiptsTable receipts={current} />}
      </Card>
      {approving && (
        <RecordModal
          title={<>{tr('approvalTitle')} <Cite code="HN-11 ¶1" /></>}
          hint={tr('approvalHint')}
          fields={[{ name: 'approvalOn', label: td('approvalOn'), kind: 'date' }, { name: 'approvalRef', label: td('approvalRef'), kind: 'text' }]}
          initial={{ approvalOn: p.approvalOn, approvalRef: p.approvalRef }}
          pending={approval.isPending}
          onClose={() => setApproving(false)}
          onSubmit={(v, form) => approval.mutate({ ...ref, approvalOn: v.approvalOn ?? '', approvalRef: v.approvalRef ?? '' }, { onError: (e) => fail(e, form) })}
        />
      )}
    </Space>
  );
}

/** One plan: its state and the caller's next step, its contents, filing, versions and timeline. */
export function PlanDetailView({ id }: { id: string }) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.plan.get.queryOptions({ id }));
  const [tab, setTab] = useState('filing');
  const words = useDiffWords('plan', PLAN_DEFS);
  const { done, onError } = useMutationFeedback(trpc.plan.pathKey());
  const m = {
    file: useMutation(trpc.plan.file.mutationOptions({ onSuccess: () => done(t('done.file')), onError })),
    enact: useMutation(trpc.plan.enact.mutationOptions({ onSuccess: () => done(t('done.enact')), onError })),
    withdraw: useMutation(trpc.plan.withdraw.mutationOptions({ onSuccess: () => done(t('done.withdraw')), onError })),
  };

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const p = q.data;
  const next = p.lastVersionNo + 1;
  const confirmText: Record<Step, string> = {
    file: t('confirm.file', { n: next, industry: p.industryName ?? '', art: 'HN-11 ¶2' }),
    enact: t('confirm.enact', { n: next }),
    withdraw: t('confirm.withdraw'),
  };
  const act = (a: Step) => modal.confirm({
    title: `${t(`actions.${a}`)}:${p.name}`,
    content: confirmText[a],
    okText: t(`actions.${a}`),
    onOk: () => m[a].mutateAsync({ id: p.id, version: p.version }).catch(() => undefined),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/plans"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="filing-name">{p.name}</Typography.Title>
            <FilingStatusTags status={p.status} filedVersionNo={p.filedVersionNo} />
            {p.provincial && <ToneTag tone="gray">{td('provincialTag')}</ToneTag>}
          </Space>
        }
        extra={
          <Space wrap>
            {p.myReceipt && <ReceiptActions kind="plan" receipt={p.myReceipt} versionNo={p.lastVersionNo} name={p.name} />}
            {p.actions.map((a) => (
              <Button key={a} type={a === 'withdraw' ? 'default' : 'primary'} loading={m[a].isPending} onClick={() => act(a)}>{t(`actions.${a}`)}</Button>
            ))}
          </Space>
        }
      >
        <FilingBanner status={p.status} lastVersionNo={p.lastVersionNo} filedVersionNo={p.filedVersionNo} receipts={p.receipts} />
        {p.myReceipt && <Alert type="warning" showIcon title={<>{td('myTurn')} <Cite code="HN-11 ¶2" /></>} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'owner', label: t('cols.owner'), children: p.ownerName },
          { key: 'region', label: t('cols.region'), children: p.regionName },
          { key: 'industry', label: <>{t('cols.industry')} <Cite code="HN-11 ¶2" /></>, children: p.provincial ? td('provincialTag') : p.industryName ?? '—' },
          { key: 'version', label: t('cols.version'), children: p.lastVersionNo ? t('versionNo', { n: p.lastVersionNo }) : '—' },
          { key: 'inForce', label: t('cols.inForce'), children: p.filedVersionNo ? t('versionNo', { n: p.filedVersionNo }) : '—' },
          { key: 'updated', label: t('cols.updatedAt'), children: fmtDateTime(p.updatedAt) },
        ]} />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'filing', label: t('tabs.filing'), children: <FilingTab p={p} /> },
            {
              key: 'content',
              label: t('tabs.content'),
              children: (
                <SectionsView kind="plan" defs={PLAN_DEFS} values={p} custom={{
                  resourceIds: p.resources.length ? <Space orientation="vertical" size={0}>{p.resources.map((r) => <span key={r.id}>{r.code} {r.name}({r.regionName})</span>)}</Space> : '—',
                }} />
              ),
            },
            ...(p.canEdit ? [{ key: 'edit', label: t('tabs.edit'), children: <PlanForm key={p.version} plan={p} provincial={p.provincial} /> }] : []),
            {
              key: 'versions',
              label: t('tabs.versions'),
              children: <VersionsPanel versions={p.versions} filedVersionNo={p.filedVersionNo} diffOptions={(from, to) => trpc.plan.diff.queryOptions({ id: p.id, from, to })} label={words.label} value={words.value} />,
            },
            { key: 'timeline', label: t('tabs.timeline'), children: <FilingHistory timeline={p.timeline} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
