import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First pages of the plan and agreement lists, the same for the server prefetch and the browser. Plain module. */
export const FILINGS_PAGE_SIZE = 20;
export const PLAN_LIST_DEFAULT = { limit: FILINGS_PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const AGREEMENT_LIST_DEFAULT = { limit: FILINGS_PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type PlanRow = Outputs['plan']['list']['items'][number];
export type PlanDetail = Outputs['plan']['get'];
export type AgreementRow = Outputs['agreement']['list']['items'][number];
export type AgreementDetail = Outputs['agreement']['get'];
