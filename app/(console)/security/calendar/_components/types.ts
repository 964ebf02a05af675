import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type CalendarYear = Outputs['security']['calendar']['year'];
export type CalendarDay = CalendarYear['days'][number];
export type CalendarPreview = Outputs['security']['calendar']['previewYear'];

/** Colours of the four kinds of day; text/background pairs keep WCAG AA contrast. */
export const KIND_STYLE: Record<CalendarDay['kind'], { color: string; background: string; badge?: boolean }> = {
  workday: { color: '#1f1f1f', background: '#ffffff' },
  restday: { color: '#595959', background: '#f0f0f0' },
  holiday: { color: '#a8071a', background: '#fff1f0', badge: true },
  adjusted_workday: { color: '#873800', background: '#fff7e6', badge: true },
};

export const KINDS = ['workday', 'restday', 'holiday', 'adjusted_workday'] as const;
