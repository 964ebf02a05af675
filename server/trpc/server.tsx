import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache } from 'react';
import { appRouter } from '@/server/routers/_app';
import { createTRPCContext } from './context';
import { makeQueryClient } from './query-client';

/** Server-side prefetch for pages: `prefetch(trpc.x.y.queryOptions(input))`, then <HydrateClient>. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: async () => createTRPCContext({ headers: await headers() }),
  router: appRouter,
  queryClient: getQueryClient,
});

export async function prefetch(options: { queryKey: readonly unknown[] }) {
  await getQueryClient().prefetchQuery(options as never);
}

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
