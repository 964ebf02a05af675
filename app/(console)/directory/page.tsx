import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { regions } from '@/db/schema';
import { requirePermission } from '@/server/auth/current';
import { getDb } from '@/server/db';
import { scopeLevel } from '@/server/domain/scope';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/server';
import { DIRECTORY_LIST_DEFAULT } from '../admin/_components/defaults';
import { DirectoryList } from './_components/directory-list';

export const metadata: Metadata = { title: '机构名录' };

export default async function DirectoryPage() {
  const user = await requirePermission('directory.org.read');
  const t = await getTranslations('admin.directory');
  const level = scopeLevel(user);
  const [region] = level === 'region' ? await (await getDb()).select({ name: regions.name }).from(regions).where(eq(regions.code, user.regionCode)) : [];
  await getQueryClient().prefetchInfiniteQuery(trpc.directory.org.list.infiniteQueryOptions(DIRECTORY_LIST_DEFAULT, { getNextPageParam: (p) => p.nextCursor }));
  const scopeText = t(`scope.${level}`, { industry: user.industry ?? '', region: region?.name ?? user.regionCode });
  return (
    <HydrateClient>
      <DirectoryList scopeText={scopeText} />
    </HydrateClient>
  );
}
