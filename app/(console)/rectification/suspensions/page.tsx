import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { INTERVIEW_LIST_DEFAULT, SUSPENSION_LIST_DEFAULT } from '../_components/defaults';
import { SuspensionsView } from '../_components/suspension-list';

export const metadata: Metadata = { title: '暂停运营与约谈' };

/** 暂停运营与约谈 (HN-22 ¶2). Reading the list runs the overdue check first (server side). */
export default async function SuspensionsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requirePermission('suspension.read');
  const { tab } = await searchParams;
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchInfiniteQuery(trpc.suspension.list.infiniteQueryOptions(SUSPENSION_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
    qc.prefetchInfiniteQuery(trpc.suspension.interviews.infiniteQueryOptions(INTERVIEW_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
  ]);
  return (
    <HydrateClient>
      <SuspensionsView initialTab={tab === 'interviews' ? 'interviews' : 'suspensions'} canDecide={can(user, 'suspension.decide')} />
    </HydrateClient>
  );
}
