import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { Inbox } from './_components/inbox';

export const metadata: Metadata = { title: '我的待办' };

export default async function HomePage() {
  await prefetch(trpc.me.inbox.queryOptions());
  return (
    <HydrateClient>
      <Inbox />
    </HydrateClient>
  );
}
