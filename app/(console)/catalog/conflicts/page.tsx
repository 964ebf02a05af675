import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { ConflictList } from '../_components/conflict-list';
import { CONFLICT_LIST_DEFAULT } from '../_components/defaults';

export const metadata: Metadata = { title: '一数一源冲突' };

export default async function ConflictsPage() {
  await requirePermission('catalog.conflicts.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.catalog.conflicts.list.infiniteQueryOptions(CONFLICT_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <ConflictList />
    </HydrateClient>
  );
}
