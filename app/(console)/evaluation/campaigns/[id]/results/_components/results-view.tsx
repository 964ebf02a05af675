'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { QueryErrorView } from '@/app/_components/query-error';
import { CampaignStatusTag } from '../../../_components/parts';
import { useTRPC } from '@/server/trpc/react';
import { DivergenceList } from './divergence-list';
import { ManagerResults } from './manager-results';
import { TargetResult } from './target-result';

/**
 * 评价结果 of a campaign, by who looks (HN-22): the owner and the province the review (progress,
 * divergences, confirmation, publication, ranking, charts, findings); the panel lead the divergent
 * leaves to resolve once scoring is closed; a target its own result once published.
 */
export function ResultsView({ id }: { id: string }) {
  const t = useTranslations('results');
  const trpc = useTRPC();
  const q = useQuery(trpc.campaign.get.queryOptions({ id }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const c = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href={`/evaluation/campaigns/${c.id}`}><ArrowLeftOutlined /> {t('back')}</Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="results-title">{t('title', { name: c.name })}</Typography.Title>
        <CampaignStatusTag status={c.status} testId="results-status" />
      </Space>
      {c.viewer.manager ? (
        <ManagerResults campaignId={c.id} />
      ) : c.viewer.lead ? (
        c.status === 'review' || c.status === 'published'
          ? <DivergenceList campaignId={c.id} />
          : <Alert type="info" showIcon title={t('lead.notYet')} />
      ) : c.viewer.target ? (
        c.status === 'published' ? <TargetResult campaignId={c.id} /> : <Alert type="info" showIcon title={t('mine.notYet')} data-testid="not-published" />
      ) : (
        <Alert type="info" showIcon title={t('nothing')} />
      )}
    </Space>
  );
}
