import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First pages of the rectification lists, the same for the server prefetch and the browser. Plain module. */
export const ORDER_LIST_DEFAULT = { limit: 20, view: 'all', sort: 'issuedAt', dir: 'desc' } as const;
export const SUSPENSION_LIST_DEFAULT = { limit: 20, sort: 'startedAt', dir: 'desc' } as const;
export const INTERVIEW_LIST_DEFAULT = { limit: 20, dir: 'desc' } as const;
export const CRITICISM_LIST_DEFAULT = { limit: 20, sort: 'publishedOn', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type OrderRow = Outputs['rectification']['list']['items'][number];
export type OrderDetail = Outputs['rectification']['get'];
export type SuspensionRow = Outputs['suspension']['list']['items'][number];
export type InterviewRow = Outputs['suspension']['interviews']['items'][number];
export type CriticismRow = Outputs['criticism']['list']['items'][number];
export type DueInfo = OrderRow['due'];
