'use client';

import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { fmtDateTime } from '@/app/_components/format';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import { ResultReport } from '../../results/_components/result-report';
import styles from './report.module.css';

/** The per-target report as a page to print (打印 / 导出PDF: the browser's print dialog); the console's chrome is not printed. */
export function ReportView({ campaignId, targetId }: { campaignId: string; targetId: string }) {
  const t = useTranslations('results.report');
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.report.queryOptions({ targetId }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  if (r.campaign.id !== campaignId) notFound();
  return (
    <div className={styles.page}>
      <Space wrap className={`no-print ${styles.toolbar}`} style={{ justifyContent: 'space-between', width: '100%' }}>
        <Link href={`/evaluation/campaigns/${campaignId}/results`}><ArrowLeftOutlined /> {t('back')}</Link>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/evaluation/campaigns/${campaignId}/results/${targetId}`}>{t('xlsx')}</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">{t('print')}</Button>
        </Space>
      </Space>
      <article className={styles.sheet}>
        <header className={styles.head}>
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>{t('heading', { year: r.campaign.year })}</Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center', marginTop: 4 }}>{r.target.orgName}</Typography.Paragraph>
        </header>
        <ResultReport r={r} print />
        <footer className={styles.foot}>
          <Typography.Text type="secondary">{t('footer', { at: fmtDateTime(new Date()) })}</Typography.Text>
        </footer>
      </article>
    </div>
  );
}
