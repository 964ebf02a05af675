import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { DisclosureDetailView } from '../../scenarios/_components/disclosure-detail';

export const metadata: Metadata = { title: '使用情况披露' };

export default async function DisclosurePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('disclosure.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.disclosure.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <DisclosureDetailView id={id} />
    </HydrateClient>
  );
}
