'use client';

import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { KIND_STYLE, type CalendarDay } from './types';

const CELL = 27;

/** One month, Monday first; each day is a button that opens the day's settings. */
export const MonthGrid = memo(function MonthGrid({
  year, month, days, today, onPick, dayLabel,
}: {
  year: number;
  month: number; // 1–12
  days: CalendarDay[];
  today: string;
  onPick: (d: CalendarDay) => void;
  dayLabel: (d: CalendarDay) => string;
}) {
  const t = useTranslations('security.calendar');
  const weekdays = t('weekdaysShort').split(',');
  const lead = (new Date(`${days[0].date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const title = dayjs(`${year}-${String(month).padStart(2, '0')}-01`).format(t('monthFormat'));
  return (
    <section aria-label={title} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 8px 10px' }}>
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{title}</div>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(7, ${CELL}px)`, gap: 2, justifyContent: 'space-between' }}>
        {weekdays.map((w, i) => (
          <div key={w} aria-hidden style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#a8071a' : '#595959' }}>{w}</div>
        ))}
        {Array.from({ length: lead }, (_, i) => <div key={`lead-${i}`} aria-hidden />)}
        {days.map((d) => {
          const s = KIND_STYLE[d.kind];
          const isToday = d.date === today;
          const label = dayLabel(d);
          return (
            <button
              key={d.date}
              type="button"
              onClick={() => onPick(d)}
              aria-label={label}
              title={label}
              data-date={d.date}
              data-kind={d.kind}
              data-source={d.source}
              style={{
                position: 'relative',
                width: CELL,
                height: CELL,
                padding: 0,
                cursor: 'pointer',
                fontSize: 13,
                fontWeight: isToday ? 700 : 400,
                textDecoration: isToday ? 'underline' : undefined,
                color: s.color,
                background: s.background,
                borderRadius: 4,
                border: d.source === 'fallback' ? '1px dashed #8c8c8c' : '1px solid transparent',
                boxShadow: d.source === 'loaded' ? 'inset 0 0 0 2px #1d4ed8' : undefined,
              }}
            >
              {Number(d.date.slice(8))}
              {s.badge && (
                <span aria-hidden style={{ position: 'absolute', top: -5, right: -4, fontSize: 9, lineHeight: '12px', padding: '0 2px', borderRadius: 3, color: '#fff', background: d.kind === 'holiday' ? '#cf1322' : '#ad4e00' }}>
                  {t(`badge.${d.kind}`)}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </section>
  );
});
