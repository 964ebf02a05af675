import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { IncidentDetailView } from '../_components/incident-detail';

export const metadata: Metadata = { title: '安全事件报告' };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('incident.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.incident.get.queryOptions({ id }));
  await prefetch(trpc.incident.grading.queryOptions());
  return (
    <HydrateClient>
      <IncidentDetailView id={id} />
    </HydrateClient>
  );
}
