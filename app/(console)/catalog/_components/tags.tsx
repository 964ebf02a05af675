'use client';

import { Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { Operability } from './defaults';

const GRADE_TONE: Record<string, Tone> = { core: 'red', important: 'orange', general: 'gray' };
const STATUS_TONE: Record<string, Tone> = { draft: 'gray', pending: 'blue', published: 'green', disabled: 'red' };

/** 核心 / 重要 / 一般 (GB/T 43697-2024). */
export function GradeTag({ grade }: { grade: string }) {
  const t = useTranslations('catalog');
  return <ToneTag tone={GRADE_TONE[grade] ?? 'gray'}>{t(`grade.${grade}`)}</ToneTag>;
}

/** The working copy's status, and the version in force when a change is in progress. */
export function StatusTags({ status, publishedVersionNo }: { status: string; publishedVersionNo: number | null }) {
  const t = useTranslations('catalog');
  return (
    <span data-testid="resource-status">
      <ToneTag tone={STATUS_TONE[status] ?? 'gray'}>{t(`status.${status}`)}</ToneTag>
      {publishedVersionNo !== null && status !== 'published' && status !== 'disabled' && <ToneTag tone="green">{t('publishedTag', { n: publishedVersionNo })}</ToneTag>}
    </span>
  );
}

/** 可投入运营 / 不得投入运营 (HN-10 ¶2), with the reason. */
export function OperabilityTag({ op }: { op: Operability }) {
  const t = useTranslations('catalog');
  if (op.operable) {
    return <Tooltip title={t('detail.registrationNo', { no: op.registrationNo, date: op.effectiveOn })}><ToneTag tone="green">{t('operable')}</ToneTag></Tooltip>;
  }
  return (
    <Tooltip title={<>{op.message} <Cite code="HN-10" /></>}>
      <ToneTag tone="orange" data-testid="not-operable">{t('notOperable')}</ToneTag>
    </Tooltip>
  );
}
