'use client';

import { Cite } from '@/app/_components/citation';
import { Card, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { AgreementForm } from './agreement-form';

export function NewAgreement() {
  const t = useTranslations('plans.agreement');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('createTitle')} <Cite code="HN-14" /></Typography.Title>}>
      <AgreementForm />
    </Card>
  );
}
