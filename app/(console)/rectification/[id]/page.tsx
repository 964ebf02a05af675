import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { OrderDetailView } from '../_components/order-detail';

export const metadata: Metadata = { title: '整改通知' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('rectification.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.rectification.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <OrderDetailView id={id} />
    </HydrateClient>
  );
}
