import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First pages of the catalog lists, the same for the server prefetch and the browser. Plain module. */
export const CATALOG_PAGE_SIZE = 20;
export const CATALOG_LIST_DEFAULT = { limit: CATALOG_PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const REGISTRATION_LIST_DEFAULT = { limit: CATALOG_PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const CONFLICT_LIST_DEFAULT = { limit: 50 } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type ResourceRow = Outputs['catalog']['resource']['list']['items'][number];
export type ResourceDetail = Outputs['catalog']['resource']['get'];
export type RegistrationRow = Outputs['catalog']['registration']['list']['items'][number];
export type ConflictRow = Outputs['catalog']['conflicts']['list']['items'][number];
export type Operability = ResourceRow['operability'];
