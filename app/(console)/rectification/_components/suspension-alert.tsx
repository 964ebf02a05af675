'use client';

import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { fmtDate } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';

/**
 * On the operator's console home: its authorized operation is suspended (HN-22 ¶2) — since when, on
 * which basis, by whom, and what to do (rectify, then the data authority decides on resumption).
 */
export function SuspensionAlert() {
  const t = useTranslations('rectification.homeAlert');
  const trpc = useTRPC();
  const q = useQuery(trpc.suspension.mine.queryOptions());
  const s = q.data;
  if (!s) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="suspension-alert"
      style={{ marginBottom: 16 }}
      title={t('title', { date: fmtDate(s.startedAt) })}
      description={
        <>
          <div>{t('reason', { reason: s.reason, issuer: s.issuerName })} <Cite code={s.basis} /></div>
          <div>{t('effect')}</div>
          <div>
            {t('todo')}
            {s.orderId && <> <Link href={`/rectification/${s.orderId}`}>{t('openOrder', { no: s.orderNo ?? '' })}</Link></>}
          </div>
        </>
      }
    />
  );
}
