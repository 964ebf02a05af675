'use client';

import { QueryCache, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/routers/_app';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserClient: QueryClient | undefined;

function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

/** A 401 from any query means the session ended (idle timeout, disabled, reset): back to login. */
function onUnauthorized(err: unknown) {
  if (err instanceof TRPCClientError && err.data?.code === 'UNAUTHORIZED' && typeof window !== 'undefined') {
    // a full page load on purpose: it drops every cached query of the ended session
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.href = `/login?reason=expired&next=${encodeURIComponent(window.location.pathname)}`;
  }
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  if (typeof window !== 'undefined' && !(queryClient.getQueryCache() as QueryCache & { __hooked?: boolean }).__hooked) {
    const cache = queryClient.getQueryCache() as QueryCache & { __hooked?: boolean };
    cache.__hooked = true;
    cache.subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') onUnauthorized(e.action.error);
    });
    queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') onUnauthorized(e.action.error);
    });
  }
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
