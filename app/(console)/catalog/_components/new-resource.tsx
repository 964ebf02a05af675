'use client';

import { Card, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { ResourceForm } from './resource-form';

export function NewResource() {
  const t = useTranslations('catalog');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('form.createTitle')} <Cite code="HN-9" /></Typography.Title>}>
      <ResourceForm />
    </Card>
  );
}
