'use client';

import { Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { DueTag } from '@/app/_components/due-tag';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { DueInfo } from './defaults';

const STATUS_TONE: Record<string, Tone> = {
  plan_pending: 'gold', plan_submitted: 'blue', in_progress: 'blue', verifying: 'orange', closed: 'green', cancelled: 'gray',
};

export function OrderStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations('rectification.status');
  return <ToneTag tone={STATUS_TONE[status] ?? 'gray'} data-testid={testId} data-status={status}>{t(status)}</ToneTag>;
}

/** The due time of an order: the countdown tag, and the days left or overdue in words (HN-22 ¶2 限期整改). */
export function OrderDue({ due, article }: { due: DueInfo; article?: string }) {
  const t = useTranslations('rectification.due');
  if (due.level === 'done') return <ToneTag tone="gray" data-testid="order-due" data-status="done">{t('done')}</ToneTag>;
  const text = due.level === 'overdue' ? t('overdueDays', { n: due.overdueDays ?? 1 }) : due.daysLeft === 0 ? t('today') : t('daysLeft', { n: due.daysLeft ?? 0 });
  return (
    <Space size={4} wrap data-testid="order-due" data-status={due.level}>
      <DueTag dueAt={due.dueAt} status={due.level} basis={article} />
      <Typography.Text type={due.level === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{text}</Typography.Text>
    </Space>
  );
}

export function MajorRiskTag() {
  const t = useTranslations('rectification');
  return <ToneTag tone="red">{t('majorRisk')}</ToneTag>;
}
