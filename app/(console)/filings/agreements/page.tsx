import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/server/auth/current';
import { can } from '@/server/domain/policy';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { AGREEMENT_LIST_DEFAULT } from '../plans/_components/defaults';
import { AgreementList } from './_components/agreement-list';

export const metadata: Metadata = { title: '运营协议' };

export default async function AgreementsPage() {
  const user = await requirePermission('agreement.read');
  const t = await getTranslations('plans.agreement');
  const level = scopeLevel(user);
  await getQueryClient().prefetchInfiniteQuery(trpc.agreement.list.infiniteQueryOptions(AGREEMENT_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  return (
    <HydrateClient>
      <AgreementList
        scopeText={t(`scope.${level}`)}
        canWrite={can(user, 'agreement.write')}
        canAck={can(user, 'filing.ack')}
        canDecide={can(user, 'agreement.exception.decide')}
        wide={level === 'province' || level === 'industry'}
      />
    </HydrateClient>
  );
}
