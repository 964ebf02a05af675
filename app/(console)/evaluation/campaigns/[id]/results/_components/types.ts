import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

type Out = inferRouterOutputs<AppRouter>['evaluation'];
export type Overview = Out['overview'];
export type OverviewTarget = Overview['targets'][number];
export type DivergenceItem = Out['divergences']['items'][number];
export type Report = Out['report'];
export type Stats = Out['stats'];
export type Finding = Out['findings'][number];

/** Grade colours (text contrast ≥ 4.5 on white in tags and legends). */
export const GRADE_COLOR: Record<string, string> = { excellent: '#237804', good: '#0958d9', pass: '#ad6800', fail: '#a8071a' };
export const GRADE_TONE = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' } as const;
