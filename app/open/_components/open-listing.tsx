'use client';

import { Card, Collapse, Empty, Layout, Space, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { fmtDate } from '@/app/_components/format';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import { ToneTag } from '@/app/_components/tone-tag';
import { usePeriodLabel } from '@/app/(console)/filings/scenarios/_components/period-label';
import type { PublicOperator, PublicProduct } from '@/server/routers/scenarios/public';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** The public page's body: one section per operator, its products and its disclosures (HN-17 ¶2). */
export function OpenListing({ operators, today }: { operators: PublicOperator[]; today: string }) {
  const t = useTranslations('scenarios');
  const to = useTranslations('scenarios.open');
  const period = usePeriodLabel();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: '#0b3a82', color: '#fff', padding: '32px 24px 28px' }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
            <Typography.Text style={{ color: '#dbe6ff' }}>{to('subtitle')}</Typography.Text>
            <Space size={16}>
              <LocaleSwitch />
              <Link href="/login" style={{ color: '#fff', textDecoration: 'underline' }}>{to('login')}</Link>
            </Space>
          </Space>
          <Typography.Title level={1} style={{ color: '#fff', margin: '8px 0 12px', fontSize: 28 }}>{to('title')}</Typography.Title>
          <Typography.Paragraph style={{ color: '#e8eefc', margin: 0, maxWidth: 900 }} data-testid="open-basis">{to('basis')}</Typography.Paragraph>
        </div>
      </header>
      <main style={{ maxWidth: 1200, width: '100%', margin: '0 auto', padding: 24 }}>
        {operators.length === 0 ? (
          <Card><Empty description={to('empty')} /></Card>
        ) : (
          <Space orientation="vertical" size={24} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{to('operators', { n: operators.length })}</Typography.Text>
            {operators.map((o) => (
              <Card key={o.name} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{o.name}</Typography.Title>} data-testid="open-operator">
                <Typography.Title level={3} style={{ fontSize: 16 }}>{to('products')}</Typography.Title>
                <Table<PublicProduct>
                  rowKey="registrationNo"
                  size="middle"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={o.products}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={to('noProducts')} /> }}
                  columns={[
                    { title: to('cols.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                    { title: to('cols.form'), dataIndex: 'productForm', render: (v: string) => t(`productForm.${v}`) },
                    { title: to('cols.category'), dataIndex: 'useCategory', render: (v: string) => t(`useCategory.${v}`) },
                    { title: to('cols.pricing'), dataIndex: 'pricingBasis', render: (v: string) => t(`pricingBasis.${v}`) },
                    { title: to('cols.registrationNo'), dataIndex: 'registrationNo', render: (v: string) => <span style={mono}>{v}</span> },
                    {
                      title: to('cols.effectiveOn'), dataIndex: 'effectiveOn',
                      render: (v: string | null) => (v && v > today ? <ToneTag tone="gold">{to('inNotice', { date: v })}</ToneTag> : v ?? '—'),
                    },
                  ]}
                />
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>{to('disclosures')}</Typography.Title>
                {o.disclosures.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={to('noDisclosures')} />
                ) : (
                  <Collapse
                    defaultActiveKey={['0']}
                    items={o.disclosures.map((d, i) => ({
                      key: String(i),
                      label: <Space wrap><Typography.Text strong>{period(d.period)}</Typography.Text><span>{d.title}</span><Typography.Text type="secondary">{to('publishedAt', { date: fmtDate(d.publishedAt) })}</Typography.Text></Space>,
                      children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.body}</Typography.Paragraph>,
                    }))}
                  />
                )}
              </Card>
            ))}
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>{to('footer')}</Typography.Paragraph>
      </main>
    </Layout>
  );
}
