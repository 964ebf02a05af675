import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, prefetch, trpc } from '@/server/trpc/server';
import { REPORT_LIST_DEFAULT } from './_components/defaults';
import { ReportList } from './_components/report-list';

export const metadata: Metadata = { title: '运营报告' };

export default async function ReportsPage() {
  const user = await requirePermission('report.read');
  const t = await getTranslations('reports.periodic');
  const level = scopeLevel(user);
  const scope = level === 'province' || level === 'region' ? level : user.roles.includes('operator') ? 'operator' : 'agency';
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(trpc.report.list.infiniteQueryOptions(REPORT_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor })),
    prefetch(trpc.report.overview.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ReportList scopeText={t(`scope.${scope}`)} canWrite={can(user, 'report.write')} canSetPolicy={can(user, 'report.policy.write')} viewer={scope === 'operator' || scope === 'agency' ? scope : 'authority'} />
    </HydrateClient>
  );
}
