import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ORG_LIST_DEFAULT } from '../_components/defaults';
import { OrgList } from './_components/org-list';

export const metadata: Metadata = { title: '机构管理' };

export default async function OrgsPage() {
  const user = await requirePermission('admin.org.read');
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(trpc.admin.org.list.infiniteQueryOptions(ORG_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
    prefetch(trpc.admin.region.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <OrgList canWrite={can(user, 'admin.org.write')} />
    </HydrateClient>
  );
}
