import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { CatalogList } from './_components/catalog-list';
import { CATALOG_LIST_DEFAULT } from './_components/defaults';

export const metadata: Metadata = { title: '数据资源目录' };

export default async function CatalogPage() {
  const user = await requirePermission('catalog.read');
  const t = await getTranslations('catalog');
  const level = scopeLevel(user);
  await getQueryClient().prefetchInfiniteQuery(trpc.catalog.resource.list.infiniteQueryOptions(CATALOG_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <CatalogList scopeText={t(`scope.${level}`)} canWrite={can(user, 'catalog.write')} wide={level === 'province' || level === 'industry'} />
    </HydrateClient>
  );
}
