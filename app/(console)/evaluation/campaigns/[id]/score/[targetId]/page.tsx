import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ScoringScreen } from '../../../_components/scoring-screen';

export const metadata: Metadata = { title: '评分' };

export default async function ScoringPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  await requirePermission('campaign.score');
  const { id, targetId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id) || !/^[0-9a-f-]{36}$/i.test(targetId)) notFound();
  await prefetch(trpc.campaign.scoring.get.queryOptions({ targetId }));
  return (
    <HydrateClient>
      <ScoringScreen campaignId={id} targetId={targetId} />
    </HydrateClient>
  );
}
