import type { Metadata } from 'next';
import { requirePermission } from '@/server/auth/current';
import { shanghaiDate } from '@/server/domain/deadlines';
import { HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { CalendarView } from './_components/calendar-view';

export const metadata: Metadata = { title: '工作日历' };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission('security.calendar.read');
  const today = shanghaiDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2004 && asked <= 2100 ? asked : thisYear;
  await Promise.all([
    prefetch(trpc.security.calendar.year.queryOptions({ year })),
    // next year's coverage, for the "not loaded yet" reminder
    prefetch(trpc.security.calendar.year.queryOptions({ year: thisYear + 1 })),
  ]);
  return (
    <HydrateClient>
      <CalendarView initialYear={year} today={today} />
    </HydrateClient>
  );
}
