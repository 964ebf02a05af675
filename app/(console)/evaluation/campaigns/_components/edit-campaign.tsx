'use client';

import { Alert, Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import { CampaignForm } from './campaign-form';

/** Edit a draft campaign (its owner only; a started campaign's set-up is frozen). */
export function EditCampaign({ id, kinds }: { id: string; kinds: ('agency' | 'operator')[] }) {
  const t = useTranslations('campaigns.form');
  const trpc = useTRPC();
  const q = useQuery(trpc.campaign.get.queryOptions({ id }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const c = q.data;
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('editTitle', { name: c.name })} <Cite code="HN-22" /></Typography.Title>}>
      {c.viewer.owner && c.status === 'draft' ? <CampaignForm campaign={c} kinds={kinds} /> : <Alert type="warning" showIcon title={t('notEditable')} />}
    </Card>
  );
}
