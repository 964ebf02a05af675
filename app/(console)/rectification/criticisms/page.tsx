import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { CRITICISM_LIST_DEFAULT } from '../_components/defaults';
import { CriticismList } from '../_components/criticism-list';

export const metadata: Metadata = { title: '通报批评' };

export default async function CriticismsPage() {
  const user = await requirePermission('criticism.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.criticism.list.infiniteQueryOptions(CRITICISM_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <CriticismList canWrite={can(user, 'criticism.write')} />
    </HydrateClient>
  );
}
