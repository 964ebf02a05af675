import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ReportView } from './report-view';

export const metadata: Metadata = { title: '评价报告' };

/** The printable per-target report (HN-22): print or save as PDF through the browser. */
export default async function ReportPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  await requirePermission('campaign.read');
  const { id, targetId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id) || !/^[0-9a-f-]{36}$/i.test(targetId)) notFound();
  await prefetch(trpc.evaluation.report.queryOptions({ targetId }));
  return (
    <HydrateClient>
      <ReportView campaignId={id} targetId={targetId} />
    </HydrateClient>
  );
}
