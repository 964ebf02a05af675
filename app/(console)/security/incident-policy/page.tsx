import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { IncidentPolicyForm } from './_components/incident-policy-form';

export const metadata: Metadata = { title: '事件报告策略' };

export default async function IncidentPolicyPage() {
  await requirePermission('security.incidentPolicy.read');
  await prefetch(trpc.incidentPolicy.get.queryOptions());
  return (
    <HydrateClient>
      <IncidentPolicyForm />
    </HydrateClient>
  );
}
