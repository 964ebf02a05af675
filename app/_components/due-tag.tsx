'use client';

import { Tag, Tooltip } from 'antd';
import { useNow, useTranslations } from 'next-intl';
import { fmtDateTime } from './format';

export type DueStatus = 'running' | 'due_soon' | 'overdue' | 'paused' | 'done';

/** Human duration: "3天4小时", "45分钟" (or English). */
export function humanDuration(ms: number, en: boolean): string {
  const m = Math.max(1, Math.round(Math.abs(ms) / 60000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (en) return d ? `${d}d ${h}h` : h ? `${h}h ${min}m` : `${min}m`;
  return d ? `${d}天${h ? `${h}小时` : ''}` : h ? `${h}小时${min ? `${min}分钟` : ''}` : `${min}分钟`;
}

const COLOR: Record<DueStatus, string> = { running: 'blue', due_soon: 'orange', overdue: 'red', paused: 'default', done: 'green' };

/**
 * The one deadline element (DESIGN §3): time left, due soon, overdue, paused. The status comes from
 * the server (deadlines.ts); the text is computed against the browser clock.
 */
export function DueTag({ dueAt, status, basis }: { dueAt: Date | string; status: DueStatus; basis?: string | null }) {
  const t = useTranslations('common.due');
  const en = t('paused') === 'Paused';
  // ticks every 30 s, so running clocks count down on screen
  const now = useNow({ updateInterval: 30_000 });
  const left = new Date(dueAt).getTime() - now.getTime();
  const time = humanDuration(left, en);
  const text = status === 'overdue' ? t('overdue', { time }) : status === 'paused' ? t('paused') : status === 'done' ? t('done') : status === 'due_soon' ? t('dueSoon', { time }) : t('running', { time });
  return (
    <Tooltip title={<>{t('dueAt', { at: fmtDateTime(dueAt) })}{basis ? ` · ${basis}` : ''}</>}>
      <Tag color={COLOR[status]} data-testid="due-tag" data-status={status} style={status === 'due_soon' ? { color: '#873800' } : undefined /* antd's orange text fails WCAG AA contrast */}>{text}</Tag>
    </Tooltip>
  );
}
