'use client';

import { Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { fmtDate } from './format';
import { ToneTag } from './tone-tag';

/** What the tag tells (server/routers/rectification/suspension-sql.ts SuspensionInfo, or a suspension row). */
export interface SuspensionTagInfo {
  startedAt: Date | string;
  basis: string;
  issuerName: string;
  reason?: string | null;
}

/**
 * 「暂停运营」 next to an operator wherever it is listed (HN-22 ¶2: 暂停公共数据资源授权运营工作), with
 * since when, on which basis and by whom in the tooltip. Renders nothing when there is no active
 * suspension.
 */
export function SuspensionTag({ s }: { s: SuspensionTagInfo | null | undefined }) {
  const t = useTranslations('rectification.suspensionTag');
  if (!s) return null;
  const title = (
    <>
      <div>{t('since', { date: fmtDate(s.startedAt) })}</div>
      <div>{t('basis', { basis: s.basis })}</div>
      <div>{t('issuer', { issuer: s.issuerName })}</div>
      {s.reason && <div>{s.reason}</div>}
    </>
  );
  return (
    <Tooltip title={title}>
      <ToneTag tone="red" data-testid="suspension-tag" tabIndex={0} aria-label={`${t('label')}:${t('since', { date: fmtDate(s.startedAt) })},${t('basis', { basis: s.basis })}`} style={{ marginInlineStart: 6 }}>
        {t('label')}
      </ToneTag>
    </Tooltip>
  );
}
