'use client';

import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import { ResultReport } from './result-report';

/** A target's own published result (HN-22): nothing of the other targets, no evaluator names. */
export function TargetResult({ campaignId }: { campaignId: string }) {
  const t = useTranslations('results.mine');
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.mine.queryOptions({ campaignId }));
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!q.data) return <Card loading />;
  const r = q.data;
  return (
    <Card
      title={t('title')}
      data-testid="my-result"
      extra={
        <Space wrap>
          <Link href={`/evaluation/campaigns/${campaignId}/report/${r.target.id}`}><Button icon={<PrinterOutlined />}>{t('printable')}</Button></Link>
          <Button icon={<DownloadOutlined />} href={`/api/evaluation/campaigns/${campaignId}/results/${r.target.id}`}>{t('xlsx')}</Button>
        </Space>
      }
    >
      <ResultReport r={r} />
    </Card>
  );
}
