import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { SCENARIO_LIST_DEFAULT } from './_components/defaults';
import { ScenarioList } from './_components/scenario-list';

export const metadata: Metadata = { title: '应用场景申请与合规审核' };

export default async function ScenariosPage() {
  const user = await requirePermission('scenario.read');
  const t = await getTranslations('scenarios.scenario.scope');
  await getQueryClient().prefetchInfiniteQuery(trpc.scenario.list.infiniteQueryOptions(SCENARIO_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  const scope = user.roles.includes('operator') ? 'operator' : user.roles.includes('implementing_agency') ? 'agency' : 'other';
  return (
    <HydrateClient>
      <ScenarioList scopeText={t(scope)} canApply={can(user, 'scenario.apply')} />
    </HydrateClient>
  );
}
