import type { Metadata } from 'next';
import { currentUser } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { Inbox } from './_components/inbox';
import { SuspensionAlert } from './rectification/_components/suspension-alert';

export const metadata: Metadata = { title: '我的待办' };

export default async function HomePage() {
  await prefetch(trpc.me.inbox.queryOptions());
  // HN-22 ¶2: an operator whose authorized operation is suspended sees it first
  const user = await currentUser();
  const operator = !!user && user.roles.includes('operator') && can(user, 'suspension.read');
  if (operator) await prefetch(trpc.suspension.mine.queryOptions());
  return (
    <HydrateClient>
      {operator && <SuspensionAlert />}
      <Inbox />
    </HydrateClient>
  );
}
