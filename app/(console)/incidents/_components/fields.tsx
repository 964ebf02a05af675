'use client';

import { DatePicker, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { SEVERITIES } from '@/server/domain/incidents';
import type { Grading } from './defaults';

const FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * A form field holding a Shanghai wall-clock time "YYYY-MM-DD HH:mm", edited with a date-time
 * picker (commit with Tab; Enter submits the form). `fromWallClock` turns it into the instant.
 */
export function DateTimeItem({ name, label, extra, required, message }: { name: string; label: string; extra?: React.ReactNode; required?: boolean; message?: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message: message ?? label }] : undefined}
      getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v, FORMAT) : null })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.format(FORMAT) : null)}
    >
      <DatePicker showTime={{ format: 'HH:mm' }} format={FORMAT} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

/** The grading guide's thresholds, from the policy table (the server refuses a grade below them). */
export function GradingHelp({ policy }: { policy: Grading | undefined }) {
  const t = useTranslations('incidents.grading');
  const ts = useTranslations('incidents.severity');
  if (!policy) return null;
  const n = (v: number) => v.toLocaleString('zh-CN');
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="grading-help">
      {SEVERITIES.filter((s) => s !== 'general').map((s) => (
        <span key={s} style={{ display: 'block' }}>
          {t('line', { severity: ts(s), people: n(policy.thresholds.personalInfoPeople[s as 'large']), loss: n(policy.thresholds.directLossYuan[s as 'large']) })}
        </span>
      ))}
      <span style={{ display: 'block' }}>{t('clocks', { serious: policy.seriousHours, cii: policy.ciiHours, prompt: policy.promptHours })} <Cite code="HN-18" /></span>
    </Typography.Text>
  );
}
