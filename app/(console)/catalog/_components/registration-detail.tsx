'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import { PhaseTag } from './phase-tag';
import { ReasonModal } from './reason-modal';

/** One registration application (HN-10) and the authority's decision. */
export function RegistrationDetailView({ id }: { id: string }) {
  const t = useTranslations('catalog.registration');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const q = useQuery(trpc.catalog.registration.get.queryOptions({ id }));
  const policy = useQuery(trpc.catalog.registration.policy.get.queryOptions());
  const [refusing, setRefusing] = useState(false);
  const { done, onError } = useMutationFeedback(trpc.catalog.pathKey(), { onDone: () => setRefusing(false) });
  const approve = useMutation(trpc.catalog.registration.approve.mutationOptions({ onSuccess: () => done(t('detail.done.approve')), onError }));
  const reject = useMutation(trpc.catalog.registration.reject.mutationOptions({ onSuccess: () => done(t('detail.done.reject')), onError }));
  const withdraw = useMutation(trpc.catalog.registration.withdraw.mutationOptions({ onSuccess: () => done(t('detail.done.withdraw')), onError }));

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  const ref = { id: r.id, version: r.version };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/catalog/registrations"><ArrowLeftOutlined /> {t('title')}</Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{r.registrationNo ?? t('form.title')}</Typography.Title>
            <PhaseTag phase={r.phase} />
            <Cite code="HN-10" />
          </Space>
        }
        extra={
          <Space>
            {r.actions.includes('approve') && (
              <Button type="primary" loading={approve.isPending} onClick={() => modal.confirm({
                title: t('detail.approve'),
                content: t('detail.confirmApprove', { n: policy.data?.noticeWorkingDays ?? 10 }),
                okText: t('detail.approve'),
                onOk: () => approve.mutateAsync(ref).catch(() => undefined),
              })}>{t('detail.approve')}</Button>
            )}
            {r.actions.includes('reject') && <Button danger onClick={() => setRefusing(true)}>{t('detail.reject')}</Button>}
            {r.actions.includes('withdraw') && (
              <Button onClick={() => modal.confirm({ title: t('detail.withdraw'), okText: t('detail.withdraw'), onOk: () => withdraw.mutateAsync(ref).catch(() => undefined) })}>{t('detail.withdraw')}</Button>
            )}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'res', label: t('cols.resource'), children: <Link href={`/catalog/${r.resourceId}`}>{r.resourceCode} {r.resourceName}</Link> },
          { key: 'kind', label: t('cols.kind'), children: t(`kind.${r.kind}`) },
          { key: 'app', label: t('cols.applicant'), children: r.applicantName },
          { key: 'region', label: t('cols.region'), children: r.regionName },
          { key: 'asset', label: <>{t('detail.asset')} <Cite code="HN-10" /></>, children: r.notAsset ? t('detail.notAsset', { basis: r.notAssetBasis ?? '' }) : `${r.assetOwner ?? '—'} · ${r.bookValue ?? '—'} 元` },
          { key: 'created', label: t('cols.createdAt'), children: fmtDateTime(r.createdAt) },
          { key: 'notice', label: t('cols.notice'), children: r.noticeStartsOn ? `${r.noticeStartsOn} ~ ${r.noticeEndsOn}` : '—' },
          { key: 'eff', label: t('cols.effectiveOn'), children: r.effectiveOn ?? '—' },
          { key: 'decided', label: t('detail.decidedAt'), children: r.decidedAt ? fmtDateTime(r.decidedAt) : '—' },
          { key: 'reason', label: t('detail.decisionReason'), children: r.decisionReason ?? '—' },
          { key: 'desc', label: t('form.description'), children: r.description || '—', span: 'filled' },
        ]} />
      </Card>
      <Card size="small" title={<>{tc('attachments.title')} · {t('detail.asset')} <Cite code="HN-10" /></>}>
        <Attachments entityType="catalog_registration" entityId={r.id} />
      </Card>
      {refusing && (
        <ReasonModal title={t('detail.rejectTitle')} label={t('detail.rejectReason')} okText={t('detail.reject')} pending={reject.isPending}
          onClose={() => setRefusing(false)} onSubmit={(reason) => reject.mutate({ ...ref, reason })} />
      )}
    </Space>
  );
}
