import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/**
 * The first page of each list, the same on the server (prefetch) and in the browser (first render),
 * so that the hydrated query is the one the client asks for. Plain module: no 'use client'.
 */
export const PAGE_SIZE = 50;
export const ORG_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'name', dir: 'asc' } as const;
export const USER_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'username', dir: 'asc' } as const;
export const DIRECTORY_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'name', dir: 'asc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type OrgRow = Outputs['admin']['org']['list']['items'][number];
export type UserRow = Outputs['admin']['user']['list']['items'][number];
export type RegionRow = Outputs['admin']['region']['list'][number];
export type DirectoryRow = Outputs['directory']['org']['list']['items'][number];
