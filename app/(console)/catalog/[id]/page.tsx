import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ResourceDetailView } from '../_components/resource-detail';

export const metadata: Metadata = { title: '数据资源' };

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('catalog.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.catalog.resource.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ResourceDetailView id={id} />
    </HydrateClient>
  );
}
