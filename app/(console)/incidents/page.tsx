import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { INCIDENT_VIEWS } from '@/server/domain/incidents';
import { can } from '@/server/domain/policy';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { INCIDENT_LIST_DEFAULT } from './_components/defaults';
import { IncidentList } from './_components/incident-list';

export const metadata: Metadata = { title: '安全事件与风险报告' };

type View = (typeof INCIDENT_VIEWS)[number];

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const user = await requirePermission('incident.read');
  const t = await getTranslations('incidents.scope');
  const { view } = await searchParams;
  const initialView = (INCIDENT_VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : undefined;
  const r = user.roles as readonly string[];
  const scope = r.includes('province_admin') ? 'province' : r.includes('municipal_admin') ? 'region' : r.includes('regulator') ? 'regulator'
    : r.includes('implementing_agency') ? 'agency' : 'reporter';
  if (!initialView || initialView === 'all') {
    await getQueryClient().prefetchInfiniteQuery(trpc.incident.list.infiniteQueryOptions(INCIDENT_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
    await prefetch(trpc.incident.stats.queryOptions({ months: 12 }));
  }
  return (
    <HydrateClient>
      <IncidentList scopeText={t(scope)} canReport={can(user, 'incident.report')} initialView={initialView} />
    </HydrateClient>
  );
}
