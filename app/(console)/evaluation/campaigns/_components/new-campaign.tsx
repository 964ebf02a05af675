'use client';

import { Card, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { CampaignForm } from './campaign-form';

export function NewCampaign({ kinds }: { kinds: ('agency' | 'operator')[] }) {
  const t = useTranslations('campaigns.form');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('createTitle')} <Cite code="HN-22" /></Typography.Title>}>
      <CampaignForm kinds={kinds} />
    </Card>
  );
}
