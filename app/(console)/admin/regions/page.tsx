import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { RegionTree } from './_components/region-tree';

export const metadata: Metadata = { title: '行政区划' };

export default async function RegionsPage() {
  const user = await requirePermission('admin.region.read');
  await prefetch(trpc.admin.region.list.queryOptions());
  return (
    <HydrateClient>
      <RegionTree canWrite={can(user, 'admin.region.write')} />
    </HydrateClient>
  );
}
