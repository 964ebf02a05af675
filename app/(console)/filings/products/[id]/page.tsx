import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ProductDetailView } from '../../scenarios/_components/product-detail';

export const metadata: Metadata = { title: '产品和服务' };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('product.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.product.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ProductDetailView id={id} canReadScenario={can(user, 'scenario.read')} />
    </HydrateClient>
  );
}
