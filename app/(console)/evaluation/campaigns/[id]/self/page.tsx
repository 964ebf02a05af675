import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { SelfAssessment } from '../../_components/self-assessment';

export const metadata: Metadata = { title: '自评' };

export default async function SelfAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('campaign.self');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.campaign.self.get.queryOptions({ campaignId: id }));
  return (
    <HydrateClient>
      <SelfAssessment campaignId={id} />
    </HydrateClient>
  );
}
