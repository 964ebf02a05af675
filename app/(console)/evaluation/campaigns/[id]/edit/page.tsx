import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { allowedKinds } from '@/server/routers/evaluation/campaigns';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { EditCampaign } from '../../_components/edit-campaign';

export const metadata: Metadata = { title: '修改评价活动' };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('campaign.manage');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.campaign.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <EditCampaign id={id} kinds={allowedKinds(user)} />
    </HydrateClient>
  );
}
