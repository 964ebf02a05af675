import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { SelectionDetailView } from '../../scenarios/_components/selection-detail';

export const metadata: Metadata = { title: '二级开发主体' };

export default async function DeveloperPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('developer.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.developer.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <SelectionDetailView id={id} />
    </HydrateClient>
  );
}
