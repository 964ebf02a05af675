import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { REGISTRATION_LIST_DEFAULT } from '../_components/defaults';
import { RegistrationList } from '../_components/registration-list';

export const metadata: Metadata = { title: '资源登记' };

export default async function RegistrationsPage() {
  const user = await requirePermission('registration.read');
  await getQueryClient().prefetchInfiniteQuery(trpc.catalog.registration.list.infiniteQueryOptions(REGISTRATION_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <RegistrationList canApply={can(user, 'registration.apply')} canSetPolicy={can(user, 'registration.policy.write')} />
    </HydrateClient>
  );
}
