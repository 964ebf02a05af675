import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { ORDER_LIST_DEFAULT } from './_components/defaults';
import { OrderList } from './_components/order-list';

export const metadata: Metadata = { title: '整改通知' };

/** 整改通知 (HN-20, HN-22 ¶2, ID-14): the issuer's and the target's list. */
export default async function RectificationPage() {
  const user = await requirePermission('rectification.read');
  const t = await getTranslations('rectification.list.scope');
  const level = scopeLevel(user);
  const roles = user.roles as readonly string[];
  const scope = level === 'province' ? 'province' : roles.includes('industry_dept') ? 'industry' : roles.includes('municipal_admin') ? 'region'
    : roles.includes('implementing_agency') ? 'agency' : 'target';
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(trpc.rectification.list.infiniteQueryOptions(ORDER_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
    prefetch(trpc.rectification.counts.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <OrderList scopeText={t(scope)} canIssue={can(user, 'rectification.issue')} wide={scope === 'province' || scope === 'industry'} />
    </HydrateClient>
  );
}
