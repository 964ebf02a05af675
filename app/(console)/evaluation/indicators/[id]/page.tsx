import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { SystemView } from '../_components/system-view';

export const metadata: Metadata = { title: '评价指标体系' };

export default async function IndicatorSystemPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('indicator.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.indicator.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <SystemView id={id} />
    </HydrateClient>
  );
}
