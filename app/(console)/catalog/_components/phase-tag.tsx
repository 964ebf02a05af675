'use client';

import { Tag } from 'antd';
import { useTranslations } from 'next-intl';

const COLOR: Record<string, string> = { submitted: 'processing', in_notice: 'gold', effective: 'success', rejected: 'error', withdrawn: 'default' };

/** 待审核 / 公示中 / 已生效 / 不予登记 / 已撤回. */
export function PhaseTag({ phase }: { phase: string }) {
  const t = useTranslations('catalog.registration.phase');
  return <Tag color={COLOR[phase]} data-testid="registration-phase">{t(phase)}</Tag>;
}
