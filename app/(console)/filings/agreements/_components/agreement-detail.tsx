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
import { ReasonModal } from '@/app/(console)/catalog/_components/reason-modal';
import { useTRPC } from '@/server/trpc/react';
import type { AgreementDetail } from '../../plans/_components/defaults';
import { DecisionCard, FilingBanner, FilingStatusTags, ReceiptsTable, RecordModal, Ready, VersionsPanel } from '../../plans/_components/filing-parts';
import { FilingHistory, ReceiptActions } from '../../plans/_components/receipt-actions';
import { AGREEMENT_DEFS, SectionsView, useDiffWords } from '../../plans/_components/sections';
import { AgreementForm } from './agreement-form';
import { ExceptionTag, ExpiryTag } from './agreement-parts';

type Step = AgreementDetail['actions'][number];

/** 三重一大 with its minutes, readiness and the receipts of the current version (HN-13). */
function FilingTab({ a }: { a: AgreementDetail }) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  const ta = useTranslations('plans.agreement');
  const trpc = useTRPC();
  const { done } = useMutationFeedback(trpc.agreement.pathKey());
  const fail = useMutationError(trpc.agreement.pathKey());
  const decision = useMutation(trpc.agreement.recordDecision.mutationOptions());
  const operable = a.resources.every((r) => r.operability.operable);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {(a.status === 'draft' || a.status === 'returned') && (
        <Card size="small" title={<>{td('readiness')} <Cite code="HN-13" /></>}>
          <Ready ok={a.checklist.decision} label={td('readyDecision')} art="HN-13 ¶1" />
          <Ready ok={a.checklist.minutes > 0} label={td('readyMinutes', { n: a.checklist.minutes })} art="HN-13 ¶1" />
          <Ready ok={a.checklist.signed} label={td('readySigned')} art="HN-13 ¶1" />
          <Ready ok={a.checklist.industry} label={td('readyIndustry')} art="HN-13 ¶2" />
          {a.termExceeds && <Ready ok={a.exceptionStatus === 'approved'} label={ta('exceptionTitle')} art="HN-14(2)" />}
          <Ready ok={operable} label={ta('resourcesPick')} art="HN-14(1)" />
        </Card>
      )}
      <DecisionCard
        art="HN-13 ¶1"
        minutesType="operating_agreement_minutes"
        entityId={a.id}
        value={{ decisionOn: a.decisionOn, decisionMeeting: a.decisionMeeting }}
        canRecord={a.canRecord}
        hint={ta('decisionHint')}
        pending={decision.isPending}
        onSave={(v, form, close) => decision.mutate({ id: a.id, version: a.version, ...v }, { onSuccess: () => done(t('done.recordDecision')).then(close), onError: (e) => fail(e, form) })}
      />
      <Card size="small" title={<>{td('receipts')} <Cite code="HN-13 ¶2" /></>}>
        <ReceiptsTable receipts={a.receipts.filter((r) => r.versionNo === a.lastVersionNo)} />
      </Card>
    </Space>
  );
}

/** The term: the HN-14(2) exception and its decision, and the end with renewal or exit (HN-14(9)). */
function TermTab({ a }: { a: AgreementDetail }) {
  const t = useTranslations('plans');
  const ta = useTranslations('plans.agreement');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [asking, setAsking] = useState<'refuse' | 'exit' | null>(null);
  const { done } = useMutationFeedback(trpc.agreement.pathKey(), { onDone: () => setAsking(null) });
  const fail = useMutationError(trpc.agreement.pathKey());
  const decide = useMutation(trpc.agreement.decideException.mutationOptions());
  const exit = useMutation(trpc.agreement.recordExitPath.mutationOptions({ onSuccess: () => done(t('done.recordExitPath')) }));
  const ref = { id: a.id, version: a.version };
  const approve = () => modal.confirm({
    title: `${t('actions.approveException')}:${a.name}`,
    content: ta('approveConfirm'),
    okText: t('actions.approveException'),
    onOk: () => decide.mutateAsync({ ...ref, decision: 'approve' }).then(() => done(t('done.approveException')), (e: unknown) => fail(e)),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={<>{ta('exceptionTitle')} <Cite code="HN-14(2)" /></>}
        extra={a.canDecideException && (
          <Space>
            <Button type="primary" onClick={approve}>{t('actions.approveException')}</Button>
            <Button danger onClick={() => setAsking('refuse')}>{t('actions.refuseException')}</Button>
          </Space>
        )}
      >
        <Descriptions size="small" column={1} items={[
          { key: 'term', label: t('cols.term'), children: `${a.startsOn} ~ ${a.endsOn}` },
          { key: 'status', label: t('cols.exception'), children: a.termExceeds ? <ExceptionTag status={a.exceptionStatus} /> : t('exception.none') },
          ...(a.termException ? [{ key: 'why', label: ta('termException'), children: a.termException }] : []),
          ...(a.exceptionDecidedAt ? [{ key: 'decided', label: ta('exceptionReason'), children: `${fmtDateTime(a.exceptionDecidedAt)} ${a.exceptionReason ?? ''}` }] : []),
        ]} />
        {a.exceptionStatus === 'pending' && <Alert type="warning" showIcon title={ta('exceptionPendingHint')} />}
      </Card>
      <Card size="small" title={<>{ta('expiryTitle')} <Cite code="HN-14(9)" /></>}
        extra={a.canExitPath && <Button onClick={() => setAsking('exit')}>{t('actions.recordExitPath')}</Button>}
      >
        <Descriptions size="small" column={1} items={[
          { key: 'left', label: t('cols.daysLeft'), children: a.status === 'filed' ? <ExpiryTag status={a.status} daysLeft={a.daysLeft} expiry={a.expiry} /> : '—' },
          { key: 'path', label: ta('exitPathLabel'), children: a.exitPath ? <ToneTag tone="blue">{t(`exitPath.${a.exitPath}`)}</ToneTag> : ta('exitNotRecorded') },
          ...(a.exitNote ? [{ key: 'note', label: ta('exitNote'), children: a.exitNote }] : []),
        ]} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ta('expiryHint')}</Typography.Text>
      </Card>
      {asking === 'refuse' && (
        <ReasonModal
          title={ta('refuseTitle')}
          label={ta('refuseReason')}
          okText={t('actions.refuseException')}
          pending={decide.isPending}
          onClose={() => setAsking(null)}
          onSubmit={(reason, form) => decide.mutate({ ...ref, decision: 'refuse', reason }, { onSuccess: () => done(t('done.refuseException')), onError: (e) => fail(e, form) })}
        />
      )}
      {asking === 'exit' && (
        <RecordModal
          title={<>{t('actions.recordExitPath')} <Cite code="HN-14(9)" /></>}
          fields={[
            { name: 'exitPath', label: ta('exitPathLabel'), kind: 'select', options: (['renew', 'exit'] as const).map((v) => ({ value: v, label: t(`exitPath.${v}`) })) },
            { name: 'exitNote', label: ta('exitNote'), kind: 'area' },
          ]}
          initial={{ exitPath: a.exitPath, exitNote: a.exitNote }}
          pending={exit.isPending}
          onClose={() => setAsking(null)}
          onSubmit={(v, form) => exit.mutate({ ...ref, exitPath: v.exitPath as 'renew' | 'exit', exitNote: v.exitNote ?? '' }, { onError: (e) => fail(e, form) })}
        />
      )}
    </Space>
  );
}

/** One agreement: its state and the caller's next step, clauses, filing, term, versions and timeline. */
export function AgreementDetailView({ id }: { id: string }) {
  const t = useTranslations('plans');
  const td = useTranslations('plans.detail');
  const ta = useTranslations('plans.agreement');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.agreement.get.queryOptions({ id }));
  const [tab, setTab] = useState('filing');
  const [ending, setEnding] = useState(false);
  const words = useDiffWords('agreement', AGREEMENT_DEFS);
  const { done, onError } = useMutationFeedback(trpc.agreement.pathKey(), { onDone: () => setEnding(false) });
  const m = {
    file: useMutation(trpc.agreement.file.mutationOptions({ onSuccess: () => done(t('done.file')), onError })),
    withdraw: useMutation(trpc.agreement.withdraw.mutationOptions({ onSuccess: () => done(t('done.withdraw')), onError })),
    end: useMutation(trpc.agreement.end.mutationOptions({ onSuccess: () => done(t('done.end')), onError })),
  };

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const a = q.data;
  const ref = { id: a.id, version: a.version };
  const act = (s: Step) => {
    if (s === 'end') return setEnding(true);
    modal.confirm({
      title: `${t(`actions.${s}`)}:${a.name}`,
      content: s === 'file' ? t('confirm.file', { n: a.lastVersionNo + 1, industry: a.industryName ?? '', art: 'HN-13 ¶2' }) : t('confirm.withdraw'),
      okText: t(`actions.${s}`),
      onOk: () => m[s].mutateAsync(ref).catch(() => undefined),
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/agreements"><ArrowLeftOutlined /> {td('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="filing-name">{a.name}</Typography.Title>
            <FilingStatusTags status={a.status} filedVersionNo={a.filedVersionNo} />
            <ExpiryTag status={a.status} daysLeft={a.daysLeft} expiry={a.expiry} />
            <ExceptionTag status={a.exceptionStatus} />
          </Space>
        }
        extra={
          <Space wrap>
            {a.myReceipt && <ReceiptActions kind="agreement" receipt={a.myReceipt} versionNo={a.lastVersionNo} name={a.name} />}
            {a.actions.map((s) => (
              <Button key={s} type={s === 'file' ? 'primary' : 'default'} danger={s === 'end'} loading={m[s].isPending} onClick={() => act(s)}>{t(`actions.${s}`)}</Button>
            ))}
          </Space>
        }
      >
        <FilingBanner status={a.status} lastVersionNo={a.lastVersionNo} filedVersionNo={a.filedVersionNo} receipts={a.receipts} />
        {a.myReceipt && <Alert type="warning" showIcon title={<>{td('myTurn')} <Cite code="HN-13 ¶2" /></>} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'agency', label: t('cols.agency'), children: a.agencyName },
          { key: 'operator', label: <>{t('cols.operator')} <Cite code="HN-13 ¶1" /></>, children: a.operatorName },
          { key: 'industry', label: <>{t('cols.industry')} <Cite code="HN-13 ¶2" /></>, children: a.industryName ?? '—' },
          { key: 'partners', label: ta('fields.partners'), children: a.partners.map((p) => p.name).join('、') || '—' },
          { key: 'plan', label: ta('fields.plan'), children: a.plan ? <Link href={`/filings/plans/${a.plan.id}`}>{a.plan.name}</Link> : '—' },
          { key: 'signed', label: ta('signedOn'), children: a.signedOn ?? '—' },
          { key: 'term', label: <>{t('cols.term')} <Cite code="HN-14(2)" /></>, children: `${a.startsOn} ~ ${a.endsOn}` },
          { key: 'version', label: t('cols.version'), children: a.lastVersionNo ? t('versionNo', { n: a.lastVersionNo }) : '—' },
          { key: 'inForce', label: t('cols.inForce'), children: a.filedVersionNo ? t('versionNo', { n: a.filedVersionNo }) : '—' },
          { key: 'updated', label: t('cols.updatedAt'), children: fmtDateTime(a.updatedAt) },
        ]} />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'filing', label: t('tabs.filing'), children: <FilingTab a={a} /> },
            {
              key: 'content',
              label: t('tabs.content'),
              children: (
                <SectionsView kind="agreement" defs={AGREEMENT_DEFS} values={a} custom={{
                  resourceIds: (
                    <Space orientation="vertical" size={0}>
                      {a.resources.map((r) => (
                        <span key={r.id}>{r.code} {r.name} {!r.operability.operable && <ToneTag tone="orange">{ta('notOperable')}:{r.operability.message}</ToneTag>}</span>
                      ))}
                    </Space>
                  ),
                  dates: `${a.startsOn} ~ ${a.endsOn}`,
                }} />
              ),
            },
            { key: 'term', label: ta('expiryTitle'), children: <TermTab a={a} /> },
            ...(a.canEdit ? [{ key: 'edit', label: t('tabs.edit'), children: <AgreementForm key={a.version} agreement={a} /> }] : []),
            {
              key: 'versions',
              label: t('tabs.versions'),
              children: <VersionsPanel versions={a.versions} filedVersionNo={a.filedVersionNo} diffOptions={(from, to) => trpc.agreement.diff.queryOptions({ id: a.id, from, to })} label={words.label} value={words.value} />,
            },
            { key: 'timeline', label: t('tabs.timeline'), children: <FilingHistory timeline={a.timeline} /> },
          ]}
        />
      </Card>
      {ending && (
        <ReasonModal
          title={t('endTitle')}
          label={t('endReason')}
          warning={t('confirm.end')}
          okText={t('actions.end')}
          pending={m.end.isPending}
          onClose={() => setEnding(false)}
          onSubmit={(reason) => m.end.mutate({ ...ref, reason })}
        />
      )}
    </Space>
  );
}
