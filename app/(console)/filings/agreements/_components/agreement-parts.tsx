'use client';

import { useTranslations } from 'next-intl';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';

/** Days left of an agreement in force, toned at 90 and 30 days before its end (HN-14(9)). */
export function ExpiryTag({ status, daysLeft, expiry }: { status: string; daysLeft: number; expiry: 'expired' | 'within30' | 'within90' | null }) {
  const t = useTranslations('plans.expiry');
  if (status !== 'filed') return null;
  const tone: Tone = expiry === 'expired' || expiry === 'within30' ? 'red' : expiry === 'within90' ? 'gold' : 'gray';
  const text = expiry === 'expired' ? t('expired', { n: -daysLeft }) : expiry ? t(expiry, { n: daysLeft }) : t('left', { n: daysLeft });
  return <ToneTag tone={tone} data-testid="expiry-tag" data-level={expiry ?? 'none'}>{text}</ToneTag>;
}

const EXCEPTION_TONE: Record<string, Tone> = { pending: 'orange', approved: 'green', refused: 'red' };

/** The HN-14(2) exception of a term over 3 years: waiting on the province, approved or refused. */
export function ExceptionTag({ status }: { status: string }) {
  const t = useTranslations('plans.exception');
  if (status === 'none') return null;
  return <ToneTag tone={EXCEPTION_TONE[status] ?? 'gray'} data-testid="exception-tag">{t(status)}</ToneTag>;
}
