'use client';

import { Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { DueTag } from '@/app/_components/due-tag';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { Clock } from './defaults';

const STATUS_TONE: Record<string, Tone> = { open: 'blue', clarifying: 'gold', answered: 'green', closed: 'gray', withdrawn: 'gray' };

export function QualityStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations('reports.quality.status');
  return <ToneTag tone={STATUS_TONE[status] ?? 'gray'} data-testid={testId}>{t(status)}</ToneTag>;
}

/** An answer given after the HN-16 deadline (counts in the evaluations). */
export function LateTag() {
  const t = useTranslations('reports.quality');
  return <ToneTag tone="red" data-testid="late-tag">{t('late')}</ToneTag>;
}

/** The HN-16 clock: the remaining-time tag, and the working days left (or past, or left when paused). */
export function ClockTag({ clock }: { clock: Clock | null }) {
  const t = useTranslations('reports.quality.clock');
  if (!clock) return <>—</>;
  // a finished clock needs no countdown (and antd's green preset tag lacks contrast)
  if (clock.status === 'done') return <ToneTag tone="green" data-testid="quality-clock" data-status="done">{t('done')}</ToneTag>;
  const days = clock.status === 'paused' ? t('paused', { n: clock.workingDays })
    : clock.status === 'overdue' ? t('overdue', { n: clock.workingDays })
    : clock.workingDays === 0 ? t('today') : t('running', { n: clock.workingDays });
  return (
    <Space size={4} wrap data-testid="quality-clock" data-status={clock.status}>
      <DueTag dueAt={clock.dueAt} status={clock.status} basis="HN-16" />
      <Typography.Text type={clock.status === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{days}</Typography.Text>
    </Space>
  );
}
