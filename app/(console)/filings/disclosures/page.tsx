import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { shanghaiDate } from '@/server/domain/deadlines';
import { can } from '@/server/domain/policy';
import { previousQuarter } from '@/server/routers/scenarios/terms';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { DISCLOSURE_LIST_DEFAULT } from '../scenarios/_components/defaults';
import { DisclosureList } from '../scenarios/_components/disclosure-list';

export const metadata: Metadata = { title: '使用情况披露' };

export default async function DisclosuresPage() {
  const user = await requirePermission('disclosure.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.disclosure.list.infiniteQueryOptions(DISCLOSURE_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <DisclosureList canWrite={can(user, 'disclosure.write')} defaultPeriod={previousQuarter(shanghaiDate(new Date()))} />
    </HydrateClient>
  );
}
