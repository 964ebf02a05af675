'use client';

import { Descriptions, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import type { RegulationSummary } from '@/server/domain/regulations';

const DATE_KINDS: Record<string, 'issued' | 'promulgated' | 'effective'> = { 印发: 'issued', 公布: 'promulgated', 施行: 'effective' };

/** Document number, issuing body, dates, structure and citation format of a regulation. */
export function DocFacts({ reg, column = 1 }: { reg: RegulationSummary; column?: number }) {
  const t = useTranslations('regulations');
  const citeFormat = reg.doc === 'HN' ? 'HN-14 · HN-3.2 · HN-14(2)' : 'ID-8 · ID-8.2 · ID-11(1)';
  return (
    <Descriptions
      size="small"
      column={column}
      styles={{ label: { whiteSpace: 'nowrap', color: '#595959' } }}
      items={[
        { key: 'no', label: t('documentNumber'), children: reg.documentNumber ?? '—' },
        { key: 'issuer', label: t('issuer'), children: reg.issuers.join('、') },
        {
          key: 'dates',
          label: t('dates'),
          children: (
            <span>
              {reg.dates.map((d) => {
                const k = DATE_KINDS[d.kind];
                return (
                  <span key={d.date + d.kind} style={{ marginRight: 12, whiteSpace: 'nowrap' }}>
                    {k ? t(`dateKind.${k}`) : d.kind} <time dateTime={d.date}>{d.date}</time>
                  </span>
                );
              })}
              {reg.publishedAt && (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {t('publishedAt')} <time dateTime={reg.publishedAt}>{reg.publishedAt}</time>
                </span>
              )}
            </span>
          ),
        },
        {
          key: 'structure',
          label: t('structure'),
          children: (
            <span data-testid={`article-count-${reg.doc}`}>
              {reg.chapterCount ? `${t('chapterCount', { n: reg.chapterCount })} · ` : ''}
              {t('articleCount', { n: reg.articleCount })}
            </span>
          ),
        },
        { key: 'cite', label: t('citeAs'), children: <Tag style={{ fontFamily: 'monospace' }}>{citeFormat}</Tag> },
      ]}
    />
  );
}
