import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First page of the report list, the same for the server prefetch and the browser. Plain module. */
export const REPORT_LIST_DEFAULT = { limit: 20, sort: 'dueOn', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type PeriodRow = Outputs['report']['list']['items'][number];
export type ReportDetail = Outputs['report']['get'];
export type Overview = Outputs['report']['overview'];
