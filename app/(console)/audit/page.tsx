import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { AuditLog } from './_components/audit-log';

export const metadata: Metadata = { title: '审计日志' };

export default async function AuditPage() {
  await requirePermission('audit.read');
  await Promise.all([
    prefetch(trpc.audit.facets.queryOptions()),
    prefetch(trpc.audit.orgOptions.queryOptions()),
    // the first page, unfiltered, as the client will ask for it
    getQueryClient().prefetchInfiniteQuery(trpc.audit.list.infiniteQueryOptions({}, { getNextPageParam: (p) => p.nextCursor })),
  ]);
  return (
    <HydrateClient>
      <AuditLog />
    </HydrateClient>
  );
}
