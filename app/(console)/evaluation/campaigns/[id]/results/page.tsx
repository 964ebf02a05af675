import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ResultsView } from './_components/results-view';

export const metadata: Metadata = { title: '评价结果' };

/** 评价结果 (HN-22): the owner's review and ranking, the panel lead's divergences, a target's own result. */
export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('campaign.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.campaign.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ResultsView id={id} />
    </HydrateClient>
  );
}
