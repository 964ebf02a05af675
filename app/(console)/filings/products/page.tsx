import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { PRODUCT_LIST_DEFAULT } from '../scenarios/_components/defaults';
import { ProductList } from '../scenarios/_components/product-list';

export const metadata: Metadata = { title: '产品和服务' };

export default async function ProductsPage() {
  const user = await requirePermission('product.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.product.list.infiniteQueryOptions(PRODUCT_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <ProductList canDecide={can(user, 'product.decide')} />
    </HydrateClient>
  );
}
