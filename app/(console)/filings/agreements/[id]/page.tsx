import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { AgreementDetailView } from '../_components/agreement-detail';

export const metadata: Metadata = { title: '运营协议' };

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('agreement.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.agreement.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <AgreementDetailView id={id} />
    </HydrateClient>
  );
}
