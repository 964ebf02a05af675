'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { ScenarioForm } from './scenario-form';

/** The page of a new scenario application (HN-15 ¶1). */
export function NewScenario() {
  const t = useTranslations('scenarios');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href="/filings/scenarios"><ArrowLeftOutlined /> {t('back')}</Link>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('scenario.form.newTitle')} <Cite code="HN-15" /></Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('scenario.basisHint')}</Typography.Paragraph>
        <ScenarioForm />
      </Card>
    </Space>
  );
}
