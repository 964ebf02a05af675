'use client';

import { ReadOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { RegulationSummary } from '@/server/domain/regulations';
import { DocFacts } from './doc-facts';

/** One card per regulation: title, summary, document number, issuing body, dates, article count. */
export function DocCards({ docs }: { docs: RegulationSummary[] }) {
  const t = useTranslations('regulations');
  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('lead')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {docs.map((d) => (
          <Col key={d.doc} xs={24} lg={12}>
            <Card
              data-testid={`regulation-card-${d.doc}`}
              style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
              styles={{ title: { whiteSpace: 'normal', padding: '12px 0' }, body: { flex: 1 } }}
              title={
                <h2 style={{ margin: 0, font: 'inherit' }} lang="zh-CN">
                  <Link href={`/regulations/${d.slug}`}>{d.title}</Link>
                </h2>
              }
              actions={[
                <Link key="read" href={`/regulations/${d.slug}`} style={{ color: '#1d4ed8' }}>
                  <ReadOutlined /> {t('read')}
                </Link>,
              ]}
            >
              <Typography.Paragraph type="secondary">{t(`docs.${d.doc}.summary`)}</Typography.Paragraph>
              <DocFacts reg={d} />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
