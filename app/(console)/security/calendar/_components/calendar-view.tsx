'use client';

import { DownloadOutlined, LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Space, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';
import { DayDialog } from './day-dialog';
import { DeadlineCalculator } from './deadline-calculator';
import { LoadYearDialog } from './load-year-dialog';
import { MonthGrid } from './month-grid';
import { KIND_STYLE, KINDS, type CalendarDay } from './types';

const MIN_YEAR = 2004;
const MAX_YEAR = 2100;

export function CalendarView({ initialYear, today }: { initialYear: number; today: string }) {
  const t = useTranslations('security.calendar');
  const en = useLocale() === 'en';
  const trpc = useTRPC();
  const [year, setYear] = useState(initialYear);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [loading, setLoading] = useState(false);
  const thisYear = Number(today.slice(0, 4));

  const { data, isFetching } = useQuery({ ...trpc.security.calendar.year.queryOptions({ year }), placeholderData: keepPreviousData });
  const { data: next } = useQuery(trpc.security.calendar.year.queryOptions({ year: thisYear + 1 }));

  const changeYear = (y: number) => {
    if (y < MIN_YEAR || y > MAX_YEAR) return;
    setYear(y);
    // Keep the year in the address (reload, share) without a server round trip.
    window.history.replaceState(null, '', `?year=${y}`);
  };

  const months = useMemo(() => {
    const by: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of data?.days ?? []) by[Number(d.date.slice(5, 7)) - 1].push(d);
    return by;
  }, [data]);
  const counts = useMemo(() => {
    const c = { workday: 0, restday: 0, holiday: 0, adjusted_workday: 0 };
    for (const d of data?.days ?? []) c[d.kind]++;
    return c;
  }, [data]);

  const dayLabel = useCallback(
    (d: CalendarDay) => [d.date, dayjs(d.date).format('dddd'), t(`kind.${d.kind}`), en ? d.nameEn : d.name, t(`source.${d.source}`)].filter(Boolean).join(' · '),
    [t, en],
  );
  const onPick = useCallback((d: CalendarDay) => setPicked(d), []);

  const shown = data?.year === year ? data : undefined;
  return (
    <Flex vertical gap={16}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={`/api/security/calendar/template?year=${year}`}>{t('template')}</Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setLoading(true)}>{t('loadYear')}</Button>
          </Space>
        }
      >
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('prevYear')} onClick={() => changeYear(year - 1)} disabled={year <= MIN_YEAR} />
            <DatePicker
              picker="year"
              aria-label={t('year')}
              value={dayjs(`${year}-01-01`)}
              allowClear={false}
              disabledDate={(d) => d.year() < MIN_YEAR || d.year() > MAX_YEAR}
              onChange={(d) => d && changeYear(d.year())}
              style={{ width: 120 }}
            />
            <Button icon={<RightOutlined />} aria-label={t('nextYear')} onClick={() => changeYear(year + 1)} disabled={year >= MAX_YEAR} />
          </Space.Compact>
          {year !== thisYear && <Button type="link" onClick={() => changeYear(thisYear)}>{t('thisYear')}</Button>}
          {isFetching && <Spin size="small" />}
        </Flex>

        {shown && !shown.covered && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="calendar-not-covered"
            title={t('notCovered', { year })}
            description={t('notCoveredHelp', { overrides: shown.loadedCount })}
            action={<Button size="small" type="primary" onClick={() => setLoading(true)}>{t('loadYear')}</Button>}
            style={{ marginBottom: 16 }}
          />
        )}
        {shown?.covered && (
          <Alert
            type="info"
            showIcon
            title={shown.lastLoad
              ? t('coveredLoaded', { year, at: fmtDateTime(shown.lastLoad.at), by: shown.lastLoad.by ?? '—', n: shown.loadedCount })
              : t('coveredPackage', { year, n: shown.loadedCount })}
            style={{ marginBottom: 16 }}
          />
        )}
        {year === thisYear && next && !next.covered && (
          <Alert
            type="warning"
            showIcon
            title={t('nextNotCovered', { year: thisYear + 1 })}
            action={<Button size="small" onClick={() => changeYear(thisYear + 1)}>{t('viewYear', { year: thisYear + 1 })}</Button>}
            style={{ marginBottom: 16 }}
          />
        )}

        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }} aria-label={t('legend')} role="group">
          {KINDS.map((k) => (
            <Space key={k} size={6}>
              <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, background: KIND_STYLE[k].background, border: '1px solid #d9d9d9' }} />
              <Typography.Text>{t(`kind.${k}`)}</Typography.Text>
              <Tag variant="filled">{t('days', { n: counts[k] })}</Tag>
            </Space>
          ))}
          <Space size={6}>
            <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, boxShadow: 'inset 0 0 0 2px #1d4ed8' }} />
            <Typography.Text>{t('source.loaded')}</Typography.Text>
          </Space>
          <Space size={6}>
            <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, border: '1px dashed #8c8c8c' }} />
            <Typography.Text>{t('source.fallback')}</Typography.Text>
          </Space>
        </Flex>

        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(218px, 1fr))', gap: 12 }} data-testid="calendar-grid">
          {shown
            ? months.map((days, i) => days.length > 0 && (
              <MonthGrid key={`${year}-${i}`} year={year} month={i + 1} days={days} today={today} onPick={onPick} dayLabel={dayLabel} />
            ))
            : <Spin />}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('clickHint')}</Typography.Paragraph>
      </Card>

      <DeadlineCalculator today={today} />

      <DayDialog day={picked} onClose={() => setPicked(null)} />
      <LoadYearDialog open={loading} year={year} onClose={() => setLoading(false)} onLoaded={(y) => changeYear(y)} />
    </Flex>
  );
}
