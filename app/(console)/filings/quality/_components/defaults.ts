import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First page of the quality list, the same for the server prefetch and the browser. Plain module. */
export const QUALITY_LIST_DEFAULT = { limit: 20, sort: 'createdAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type QualityRow = Outputs['quality']['list']['items'][number];
export type QualityDetail = Outputs['quality']['get'];
export type Clock = NonNullable<QualityRow['clock']>;
