import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ScenarioDetailView } from '../_components/scenario-detail';

export const metadata: Metadata = { title: '应用场景申请' };

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('scenario.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.scenario.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ScenarioDetailView id={id} />
    </HydrateClient>
  );
}
