'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { PhaseTag } from '@/app/(console)/catalog/_components/phase-tag';
import { ReasonModal } from '@/app/(console)/catalog/_components/reason-modal';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { FilingTimeline } from '@/app/_components/timeline';
import { useTRPC } from '@/server/trpc/react';
import { useActionLabel } from './tags';

/** One product's registration (HN-15 ¶2 → HN-10): the decider's steps, the number, the notice, the timeline. */
export function ProductDetailView({ id, canReadScenario }: { id: string; canReadScenario: boolean }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.product.detail');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const label = useActionLabel();
  const q = useQuery(trpc.product.get.queryOptions({ id }));
  const policy = useQuery({ ...trpc.catalog.registration.policy.get.queryOptions(), enabled: !!q.data?.actions.includes('approve') });
  const [refusing, setRefusing] = useState(false);
  const key = trpc.product.pathKey();
  const { done, onError } = useMutationFeedback(key, { onDone: () => setRefusing(false) });
  const fail = useMutationError(key);
  const approve = useMutation(trpc.product.approve.mutationOptions({ onSuccess: () => done(td('done.approve')), onError }));
  const withdraw = useMutation(trpc.product.withdraw.mutationOptions({ onSuccess: () => done(td('done.withdraw')), onError }));
  const reject = useMutation(trpc.product.reject.mutationOptions());

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const p = q.data;
  const ref = { id: p.id, version: p.version };
  const scenario = canReadScenario ? <Link href={`/filings/scenarios/${p.scenarioId}`}>{p.scenarioName}</Link> : p.scenarioName;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/products"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{p.registrationNo ?? td('title')}</Typography.Title>
            <PhaseTag phase={p.phase} />
            <Cite code="HN-15.2">HN-15 ¶2</Cite>
            <Cite code="HN-10" />
          </Space>
        }
        extra={
          <Space>
            {p.actions.includes('approve') && (
              <Button type="primary" loading={approve.isPending} onClick={() => modal.confirm({
                title: td('approve'), content: td('confirmApprove', { n: policy.data?.noticeWorkingDays ?? 10 }), okText: td('approve'),
                onOk: () => approve.mutateAsync(ref).catch(() => undefined),
              })}>{td('approve')}</Button>
            )}
            {p.actions.includes('reject') && <Button danger onClick={() => setRefusing(true)}>{td('reject')}</Button>}
            {p.actions.includes('withdraw') && (
              <Button onClick={() => modal.confirm({ title: td('withdraw'), content: td('confirmWithdraw'), okText: td('withdraw'), onOk: () => withdraw.mutateAsync(ref).catch(() => undefined) })}>{td('withdraw')}</Button>
            )}
          </Space>
        }
      >
        {p.status === 'rejected' && p.decisionReason && <Alert type="error" showIcon title={`${td('decisionReason')}:${p.decisionReason}`} style={{ marginBottom: 16 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'name', label: t('product.cols.name'), children: <span data-testid="product-name">{p.name}</span> },
          { key: 'scenario', label: td('scenario'), children: scenario },
          { key: 'form', label: t('product.cols.productForm'), children: t(`productForm.${p.productForm}`) },
          { key: 'cat', label: <>{t('product.cols.useCategory')} <Cite code="HN-12(6)" /></>, children: t(`useCategory.${p.useCategory}`) },
          { key: 'pricing', label: <>{t('product.cols.pricingBasis')} <Cite code="HN-15.2">HN-15 ¶2</Cite> <Cite code="HN-21.3">HN-21 ¶3</Cite></>, children: t(`pricingBasis.${p.pricingBasis}`) },
          { key: 'price', label: td('priceNote'), children: p.priceNote ?? '—' },
          { key: 'operator', label: t('product.cols.operator'), children: p.operatorName },
          { key: 'agency', label: t('product.cols.agency'), children: p.agencyName },
          { key: 'notice', label: <>{t('product.cols.notice')} <Cite code="HN-10" /></>, children: p.noticeStartsOn ? `${p.noticeStartsOn} ~ ${p.noticeEndsOn}` : '—' },
          { key: 'eff', label: t('product.cols.effectiveOn'), children: p.effectiveOn ?? '—' },
          { key: 'decided', label: td('decidedAt'), children: fmtDateTime(p.decidedAt) },
          { key: 'desc', label: td('description'), children: p.description || '—', span: 'filled' },
        ]} />
      </Card>
      <Card title={t('timeline.title')}>
        <FilingTimeline events={p.timeline.events} files={p.timeline.files} label={label} />
      </Card>
      {refusing && (
        <ReasonModal title={td('rejectTitle')} label={td('rejectReason')} okText={td('reject')} pending={reject.isPending} onClose={() => setRefusing(false)}
          onSubmit={(reason, f) => reject.mutate({ ...ref, reason }, { onSuccess: () => done(td('done.reject')), onError: (e) => fail(e, f) })} />
      )}
    </Space>
  );
}
