import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ReportDetailView } from '../_components/report-detail';

export const metadata: Metadata = { title: '运营报告' };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('report.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.report.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ReportDetailView id={id} />
    </HydrateClient>
  );
}
