'use client';

import { Tag, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import type { Operability } from './defaults';

const GRADE_COLOR: Record<string, string> = { core: 'red', important: 'orange', general: 'default' };
const STATUS_COLOR: Record<string, string> = { draft: 'default', pending: 'processing', published: 'success', disabled: 'error' };

/** 核心 / 重要 / 一般 (GB/T 43697-2024). */
export function GradeTag({ grade }: { grade: string }) {
  const t = useTranslations('catalog');
  return <Tag color={GRADE_COLOR[grade]}>{t(`grade.${grade}`)}</Tag>;
}

/** The working copy's status, and the version in force when a change is in progress. */
export function StatusTags({ status, publishedVersionNo }: { status: string; publishedVersionNo: number | null }) {
  const t = useTranslations('catalog');
  return (
    <span data-testid="resource-status">
      <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>
      {publishedVersionNo !== null && status !== 'published' && status !== 'disabled' && <Tag color="green">{t('publishedTag', { n: publishedVersionNo })}</Tag>}
    </span>
  );
}

/** 可投入运营 / 不得投入运营 (HN-10 ¶2), with the reason. */
export function OperabilityTag({ op }: { op: Operability }) {
  const t = useTranslations('catalog');
  if (op.operable) {
    return <Tooltip title={t('detail.registrationNo', { no: op.registrationNo, date: op.effectiveOn })}><Tag color="success">{t('operable')}</Tag></Tooltip>;
  }
  return (
    <Tooltip title={<>{op.message} <Cite code="HN-10" /></>}>
      <Tag color="warning" data-testid="not-operable">{t('notOperable')}</Tag>
    </Tooltip>
  );
}
