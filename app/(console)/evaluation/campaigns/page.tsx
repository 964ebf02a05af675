import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { CampaignList } from './_components/campaign-list';
import { CAMPAIGN_LIST_DEFAULT } from './_components/defaults';

export const metadata: Metadata = { title: '评价活动' };

export default async function CampaignsPage() {
  const user = await requirePermission('campaign.read');
  const t = await getTranslations('campaigns.list.scope');
  const scope = can(user, 'campaign.manage') ? (user.roles.includes('province_admin') ? 'province' : 'city') : can(user, 'campaign.score') ? 'evaluator' : 'target';
  await getQueryClient().prefetchInfiniteQuery(trpc.campaign.list.infiniteQueryOptions(CAMPAIGN_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <CampaignList scopeText={t(scope)} canManage={can(user, 'campaign.manage')} />
    </HydrateClient>
  );
}
