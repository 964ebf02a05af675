import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { QualityDetailView } from '../_components/quality-detail';

export const metadata: Metadata = { title: '数据校核需求' };

export default async function QualityRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('quality.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.quality.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <QualityDetailView id={id} />
    </HydrateClient>
  );
}
