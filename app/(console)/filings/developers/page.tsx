import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { SELECTION_LIST_DEFAULT } from '../scenarios/_components/defaults';
import { SelectionList } from '../scenarios/_components/selection-list';

export const metadata: Metadata = { title: '二级开发主体' };

export default async function DevelopersPage() {
  const user = await requirePermission('developer.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.developer.list.infiniteQueryOptions(SELECTION_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <SelectionList canWrite={can(user, 'developer.write')} />
    </HydrateClient>
  );
}
