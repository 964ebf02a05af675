import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { INDICATOR_LIST_DEFAULT } from './_components/defaults';
import { IndicatorList } from './_components/indicator-list';

export const metadata: Metadata = { title: '评价指标体系' };

/** 评价指标体系 (HN-22 ¶1 / ¶2): the province builds them; city authorities and evaluators read the published ones. */
export default async function IndicatorsPage() {
  const user = await requirePermission('indicator.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.indicator.list.infiniteQueryOptions(INDICATOR_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <IndicatorList canWrite={can(user, 'indicator.write')} />
    </HydrateClient>
  );
}
