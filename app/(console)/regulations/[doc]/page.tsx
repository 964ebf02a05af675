import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadRegulation, regulationBySlug, summarize } from '@/server/domain/regulations';
import { RegulationReader } from './_components/reader';
import { ReaderHeader } from './_components/reader-header';

type Params = Promise<{ doc: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const key = regulationBySlug((await params).doc);
  return key ? { title: loadRegulation(key).title } : {};
}

/**
 * The full text of one regulation, server-rendered: articles `#art-<n>`, paragraphs `#art-<n>-p<p>`, items
 * `#art-<n>-i<k>` (see server/domain/citations.ts), so a <Cite> link lands on and highlights its provision.
 */
export default async function RegulationPage({ params }: { params: Params }) {
  const key = regulationBySlug((await params).doc);
  if (!key) notFound();
  const reg = loadRegulation(key);
  return (
    <div style={{ maxWidth: 1280 }}>
      <ReaderHeader reg={summarize(reg)} />
      <RegulationReader doc={key} intro={reg.intro} chapters={reg.chapters} />
    </div>
  );
}
