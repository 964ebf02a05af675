'use client';

import { Cite } from '@/app/_components/citation';
import { Card, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { PlanForm } from './plan-form';

export function NewPlan({ provincial }: { provincial: boolean }) {
  const t = useTranslations('plans.plan');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('createTitle')} <Cite code="HN-12" /></Typography.Title>}>
      <PlanForm provincial={provincial} />
    </Card>
  );
}
