import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { CampaignView } from '../_components/campaign-view';

export const metadata: Metadata = { title: '评价活动' };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('campaign.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.campaign.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <CampaignView id={id} />
    </HydrateClient>
  );
}
