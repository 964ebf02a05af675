import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { PolicyForm } from './_components/policy-form';

export const metadata: Metadata = { title: '安全策略' };

export default async function SecurityPolicyPage() {
  await requirePermission('security.policy.read');
  await prefetch(trpc.security.policy.get.queryOptions());
  return (
    <HydrateClient>
      <PolicyForm />
    </HydrateClient>
  );
}
