'use client';

import { useTranslations } from 'next-intl';
import { parsePeriod } from '@/server/routers/scenarios/terms';

/** A disclosure period in words: 2026-Q3 → 2026年第三季度 (or the English). */
export function usePeriodLabel() {
  const t = useTranslations('scenarios.period');
  return (p: string) => {
    const v = parsePeriod(p);
    return v ? t(v.part, { year: v.year }) : p;
  };
}
