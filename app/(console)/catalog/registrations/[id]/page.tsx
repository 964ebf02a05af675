import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { RegistrationDetailView } from '../../_components/registration-detail';

export const metadata: Metadata = { title: '登记申请' };

export default async function RegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('registration.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  await prefetch(trpc.catalog.registration.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <RegistrationDetailView id={id} />
    </HydrateClient>
  );
}
