'use client';

import { Space, Tooltip, Typography } from 'antd';
import { useNow, useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { HourClockState } from './defaults';

const SEVERITY_TONE: Record<string, Tone> = { general: 'blue', large: 'gold', major: 'orange', critical: 'red' };
const STATUS_TONE: Record<string, Tone> = {
  reported: 'blue', handling: 'blue', handling_ended: 'gold', summary_submitted: 'gold', more_requested: 'orange', closed: 'gray',
};

export function SeverityTag({ severity, testId }: { severity: string; testId?: string }) {
  const t = useTranslations('incidents.severity');
  return <ToneTag tone={SEVERITY_TONE[severity] ?? 'gray'} data-testid={testId}>{t(severity)}</ToneTag>;
}

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations('incidents.status');
  return <ToneTag tone={STATUS_TONE[status] ?? 'gray'} data-testid={testId}>{t(status)}</ToneTag>;
}

/** 迟报: a recipient reached after its clock ran out (kept as evidence for the evaluations). */
export function LateTag({ n }: { n?: number }) {
  const t = useTranslations('incidents');
  return <ToneTag tone="red" data-testid="late-tag">{n && n > 1 ? t('lateN', { n }) : t('late')}</ToneTag>;
}

/** h:mm of a duration (hours may exceed 24: a clock in clock hours). */
export function hmm(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60000);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A reporting clock in clock hours from the discovery: the time left as h:mm, counting down on
 * screen, red once past; "已确认" once the recipient acknowledged.
 */
export function HourClock({ clock, basis, testId = 'hour-clock' }: { clock: HourClockState | null; basis?: string; testId?: string }) {
  const t = useTranslations('incidents.clock');
  const now = useNow({ updateInterval: 30_000 });
  if (!clock) return <Typography.Text type="secondary">—</Typography.Text>;
  if (clock.status === 'done') return <ToneTag tone="green" data-testid={testId} data-status="done">{t('done')}</ToneTag>;
  const left = new Date(clock.dueAt).getTime() - now.getTime();
  const overdue = left < 0;
  const tone: Tone = overdue ? 'red' : left <= 3600_000 ? 'orange' : 'blue';
  return (
    <Tooltip title={<>{t('dueAt', { at: fmtDateTime(clock.dueAt) })}{basis ? <> · <Cite code={basis} /></> : null}</>}>
      <ToneTag tone={tone} data-testid={testId} data-status={overdue ? 'overdue' : clock.status}>
        {overdue ? t('overdue', { time: hmm(left) }) : t('left', { time: hmm(left) })}
      </ToneTag>
    </Tooltip>
  );
}

/** The 30-day clock of the closing summary. */
export function SummaryClock({ clock, late }: { clock: HourClockState | null; late: boolean }) {
  const t = useTranslations('incidents.clock');
  const now = useNow({ updateInterval: 60_000 });
  if (!clock) return <Typography.Text type="secondary">—</Typography.Text>;
  if (late) return <ToneTag tone="red" data-testid="summary-clock" data-status="late">{t('summaryLate')}</ToneTag>;
  if (clock.status === 'done') return <ToneTag tone="green" data-testid="summary-clock" data-status="done">{t('summaryDone')}</ToneTag>;
  const left = new Date(clock.dueAt).getTime() - now.getTime();
  const days = Math.floor(Math.abs(left) / 86_400_000);
  return (
    <Space size={4}>
      <ToneTag tone={left < 0 ? 'red' : days < 3 ? 'orange' : 'blue'} data-testid="summary-clock" data-status={left < 0 ? 'overdue' : 'running'}>
        {left < 0 ? t('summaryOverdue', { days }) : t('summaryLeft', { days })}
      </ToneTag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dueAt', { at: fmtDateTime(clock.dueAt) })}</Typography.Text>
    </Space>
  );
}
