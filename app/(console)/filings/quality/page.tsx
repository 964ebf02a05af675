import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { QUALITY_LIST_DEFAULT } from './_components/defaults';
import { QualityList } from './_components/quality-list';

export const metadata: Metadata = { title: '数据校核' };

export default async function QualityPage() {
  const user = await requirePermission('quality.read');
  const t = await getTranslations('reports.quality');
  const level = scopeLevel(user);
  const scope = level === 'province' || level === 'region' ? level : user.roles.includes('data_provider') ? 'provider' : user.roles.includes('operator') ? 'operator' : 'owner';
  await getQueryClient().prefetchInfiniteQuery(trpc.quality.list.infiniteQueryOptions(QUALITY_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <QualityList scopeText={t(`scope.${scope}`)} canRaise={can(user, 'quality.raise')} supervises={scope === 'province' || scope === 'region' || scope === 'owner'} />
    </HydrateClient>
  );
}
