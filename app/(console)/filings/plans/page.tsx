import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { PLAN_LIST_DEFAULT } from './_components/defaults';
import { PlanList } from './_components/plan-list';

export const metadata: Metadata = { title: '实施方案' };

export default async function PlansPage() {
  const user = await requirePermission('plan.read');
  const t = await getTranslations('plans.plan');
  const level = scopeLevel(user);
  await getQueryClient().prefetchInfiniteQuery(trpc.plan.list.infiniteQueryOptions(PLAN_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <PlanList scopeText={t(`scope.${level}`)} canWrite={can(user, 'plan.write')} canAck={can(user, 'filing.ack')} wide={level === 'province' || level === 'industry'} />
    </HydrateClient>
  );
}
