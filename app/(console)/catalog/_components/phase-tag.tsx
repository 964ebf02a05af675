'use client';

import { useTranslations } from 'next-intl';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';

const TONE: Record<string, Tone> = { submitted: 'blue', in_notice: 'gold', effective: 'green', rejected: 'red', withdrawn: 'gray' };

/** 待审核 / 公示中 / 已生效 / 不予登记 / 已撤回. */
export function PhaseTag({ phase }: { phase: string }) {
  const t = useTranslations('catalog.registration.phase');
  return <ToneTag tone={TONE[phase] ?? 'gray'} data-testid="registration-phase">{t(phase)}</ToneTag>;
}
