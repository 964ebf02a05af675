import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First page of the incident list, the same for the server prefetch and the browser. Plain module. */
export const INCIDENT_LIST_DEFAULT = { limit: 20, sort: 'discoveredAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type IncidentRow = Outputs['incident']['list']['items'][number];
export type IncidentDetail = Outputs['incident']['get'];
export type IncidentStats = Outputs['incident']['stats'];
export type HourClockState = NonNullable<IncidentRow['clock']>;
export type ReportOptions = Outputs['incident']['options'];
export type Grading = Outputs['incident']['grading'];

export const TZ_OFFSET = '+08:00';
/** A Shanghai wall-clock text "YYYY-MM-DD HH:mm" (what the pickers hold) → the instant. */
export const fromWallClock = (v: string | null | undefined) => (v ? new Date(`${v.replace(' ', 'T')}:00${TZ_OFFSET}`) : null);
