import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { loadSecurityPolicy } from '@/server/auth/security-policy';
import { getDb } from '@/server/db';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { USER_LIST_DEFAULT } from '../_components/defaults';
import { UserList } from './_components/user-list';

export const metadata: Metadata = { title: '用户管理' };

export default async function UsersPage() {
  const user = await requirePermission('admin.user.read');
  const [policy] = await Promise.all([
    loadSecurityPolicy(await getDb()),
    getQueryClient().prefetchInfiniteQuery(trpc.admin.user.list.infiniteQueryOptions(USER_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
    prefetch(trpc.admin.org.options.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <UserList
        canWrite={can(user, 'admin.user.write')}
        selfId={user.id}
        passwordRule={{ min: policy.passwordMinLength, classes: policy.passwordMinClasses }}
      />
    </HydrateClient>
  );
}
