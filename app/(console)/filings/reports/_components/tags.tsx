'use client';

import { Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutationError } from '@/app/_components/list-kit';
import { ToneTag, type Tone } from '@/app/_components/tone-tag';
import type { ReportKind } from '@/server/routers/reports/terms';
import { useTRPC } from '@/server/trpc/react';

const STATE_TONE: Record<string, Tone> = { submitted: 'green', late: 'orange', missing: 'red', pending: 'blue', draft: 'gray' };

/** 已报送 / 迟报 / 缺报 / 待报送 / 草稿 (HN-22 ¶3). */
export function ReportStateTag({ state }: { state: string }) {
  const t = useTranslations('reports.periodic.state');
  return <ToneTag tone={STATE_TONE[state] ?? 'gray'} data-testid="report-state">{t(state)}</ToneTag>;
}

/** 2025年第3季度 / 2025年度. */
export function usePeriodLabel() {
  const t = useTranslations('reports.periodic.period');
  return (p: { kind: ReportKind | string; year: number; quarter: number }) => (p.kind === 'annual' ? t('annual', { year: p.year }) : t('quarterly', { year: p.year, quarter: p.quarter }));
}

/**
 * The operator's way into a period: its report when one exists, else 填报 (the server refuses a
 * period that has not ended or lies outside the term, HN-22 ¶3).
 */
export function FillButton({ p }: { p: { agreementId: string; kind: ReportKind; year: number; quarter: number; reportId: string | null; status: string | null } }) {
  const t = useTranslations('reports.periodic');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const onError = useMutationError(trpc.report.pathKey());
  const create = useMutation(trpc.report.create.mutationOptions({
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: trpc.report.pathKey() });
      router.push(`/filings/reports/${r.id}`);
    },
    onError: (err) => onError(err),
  }));
  if (p.reportId) {
    return <Link href={`/filings/reports/${p.reportId}`}><Button size="small">{p.status === 'draft' ? t('continue') : t('view')}</Button></Link>;
  }
  return (
    <Button size="small" type="primary" loading={create.isPending} onClick={() => create.mutate({ agreementId: p.agreementId, kind: p.kind, year: p.year, quarter: p.quarter })}>
      {t('fill')}
    </Button>
  );
}
