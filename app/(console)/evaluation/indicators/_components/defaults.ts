import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First page of the indicator-system list, the same for the server prefetch and the browser. Plain module. */
export const INDICATOR_LIST_DEFAULT = { limit: 20, sort: 'updatedAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type SystemRow = Outputs['indicator']['list']['items'][number];
export type SystemDetail = Outputs['indicator']['get'];
export type VersionSummary = SystemDetail['versions'][number];
export type VersionTree = Outputs['indicator']['version'];
export type TreeNodeRow = VersionTree['nodes'][number];
export type VersionDiff = Outputs['indicator']['diff'];
export type ImportReport = Outputs['indicator']['importDryRun'];
