'use client';

import { Alert, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/server/trpc/react';

/** N working days after a start date, by the same calendar the deadline clocks use (DESIGN §3). */
export function DeadlineCalculator({ today }: { today: string }) {
  const t = useTranslations('security.calculator');
  const trpc = useTRPC();
  const [start, setStart] = useState(today);
  const [days, setDays] = useState<number | null>(7);
  const { data, isError, error } = useQuery({
    ...trpc.security.calendar.addWorkingDays.queryOptions({ start, days: days ?? 0 }),
    enabled: days !== null,
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={<Typography.Title level={5} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Form layout="inline" style={{ rowGap: 12, alignItems: 'center' }}>
        <Form.Item label={t('start')} htmlFor="calc-start">
          <DatePicker id="calc-start" value={dayjs(start)} allowClear={false} onChange={(d) => d && setStart(d.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item label={t('days')} htmlFor="calc-days">
          <InputNumber id="calc-days" min={0} max={365} precision={0} value={days} onChange={(v) => setDays(v)} suffix={t('unit')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('due')}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="calc-due">
            {data && days !== null ? t('dueValue', { date: data.due, weekday: dayjs(data.due).format('dddd') }) : '—'}
          </Typography.Text>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('help')}</Typography.Paragraph>
      {isError && <Alert type="error" showIcon title={error.message} style={{ marginTop: 12 }} />}
      {data && data.uncoveredYears.length > 0 && (
        <Alert type="warning" showIcon title={t('uncovered', { years: data.uncoveredYears.join('、') })} style={{ marginTop: 12 }} />
      )}
    </Card>
  );
}
