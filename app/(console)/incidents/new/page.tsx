import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ReportForm } from '../_components/report-form';

export const metadata: Metadata = { title: '报告安全事件' };

export default async function NewIncidentPage() {
  await requirePermission('incident.report');
  await prefetch(trpc.incident.options.queryOptions());
  return (
    <HydrateClient>
      <ReportForm />
    </HydrateClient>
  );
}
