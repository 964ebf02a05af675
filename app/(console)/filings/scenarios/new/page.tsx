import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { NewScenario } from '../_components/new-scenario';

export const metadata: Metadata = { title: '新建应用场景申请' };

export default async function NewScenarioPage() {
  await requirePermission('scenario.apply');
  await prefetch(trpc.scenario.agreementOptions.queryOptions());
  return (
    <HydrateClient>
      <NewScenario />
    </HydrateClient>
  );
}
