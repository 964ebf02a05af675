import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { OrderForm } from '../_components/order-form';

export const metadata: Metadata = { title: '签发整改通知' };

export default async function NewOrderPage() {
  await requirePermission('rectification.issue');
  await prefetch(trpc.rectification.targets.queryOptions({}));
  return (
    <HydrateClient>
      <OrderForm />
    </HydrateClient>
  );
}
