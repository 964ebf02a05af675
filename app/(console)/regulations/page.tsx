import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadRegulation, summarize } from '@/server/domain/regulations';
import { DocCards } from './_components/doc-cards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('regulations');
  return { title: t('title') };
}

/** The two regulations the console encodes; every signed-in role may read them (no permission). */
export default function RegulationsPage() {
  return <DocCards docs={(['HN', 'ID'] as const).map((d) => summarize(loadRegulation(d)))} />;
}
