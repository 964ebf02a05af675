import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { allowedKinds } from '@/server/routers/evaluation/campaigns';
import { NewCampaign } from '../_components/new-campaign';

export const metadata: Metadata = { title: '新建评价活动' };

export default async function NewCampaignPage() {
  const user = await requirePermission('campaign.manage');
  return <NewCampaign kinds={allowedKinds(user)} />;
}
