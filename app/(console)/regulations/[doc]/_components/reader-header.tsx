'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { RegulationSummary } from '@/server/domain/regulations';
import { DocFacts } from '../../_components/doc-facts';

/** Title and facts of the document; in English mode a note that the legal text stays in Chinese. */
export function ReaderHeader({ reg }: { reg: RegulationSummary }) {
  const t = useTranslations('regulations');
  const english = useLocale() !== 'zh-CN';
  return (
    <>
      <div className="no-print" style={{ marginBottom: 8 }}>
        <Link href="/regulations">
          <ArrowLeftOutlined /> {t('back')}
        </Link>
      </div>
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 24px 8px' } }}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }} lang="zh-CN">
          {reg.title}
        </Typography.Title>
        {english && <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t(`docs.${reg.doc}.summary`)}</Typography.Paragraph>}
        <DocFacts reg={reg} column={2} />
        {english && <Alert type="info" showIcon title={t('originalNote')} style={{ margin: '8px 0' }} data-testid="original-note" />}
      </Card>
    </>
  );
}
