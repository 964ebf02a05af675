import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { PlanDetailView } from '../_components/plan-detail';

export const metadata: Metadata = { title: '实施方案' };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('plan.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.plan.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <PlanDetailView id={id} />
    </HydrateClient>
  );
}
