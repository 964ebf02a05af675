'use client';

import { CopyOutlined, PrinterOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Input, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { Fragment, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RegulationArticle, RegulationChapter, RegulationDocKey, RegulationItem, RegulationParagraph } from '@/server/domain/regulations';
import styles from './reader.module.css';

const ITEM_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const itemMarker = (n: number) => `（${ITEM_NUMERALS[n] ?? n}）`;

function subscribeHash(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}
/** :target is not updated by history.pushState (client-side navigation), so the reader also marks the target itself. */
const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
const readHash = () => decodeURIComponent(window.location.hash.slice(1));
const noHash = () => '';

/** The text an article is searched in: its heading, citation and every paragraph and item. */
function searchText(a: RegulationArticle): string {
  return [a.heading, a.citation, ...a.paragraphs.flatMap((p) => [p.text, ...p.items.map((i) => itemMarker(i.number) + i.text)])].join('\n').toLowerCase();
}

function Highlight({ text, q }: { text: string; q: string }) {
  if (!q) return <>{text}</>;
  const lower = text.toLowerCase();
  const out: React.ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, from)) {
    if (at > from) out.push(text.slice(from, at));
    out.push(<mark key={at} className={styles.mark}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  out.push(text.slice(from));
  return <>{out}</>;
}

/** The publication context, the table of contents, the search box and the text of a regulation. */
export function RegulationReader({ doc, intro, chapters }: { doc: RegulationDocKey; intro: string[]; chapters: RegulationChapter[] }) {
  const t = useTranslations('regulations');
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [tocOpen, setTocOpen] = useState(false);
  const [introOpen, setIntroOpen] = useState(false);
  const hash = useSyncExternalStore(subscribeHash, readHash, noHash);
  const q = useDeferredValue(query.trim().toLowerCase());

  const index = useMemo(() => new Map(chapters.flatMap((c) => c.articles.map((a) => [a.number, searchText(a)] as const))), [chapters]);
  const visible = useMemo(() => (q ? new Set([...index].filter(([, s]) => s.includes(q)).map(([n]) => n)) : null), [index, q]);
  const activeArticle = /^art-(\d+)/.exec(hash)?.[1];

  // The publication notice is printed with the text.
  useEffect(() => {
    const open = () => setIntroOpen(true);
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  // Keep the current article visible in the (scrolling, sticky) table of contents without moving the page.
  useEffect(() => {
    const link = activeArticle ? document.getElementById(`toc-art-${activeArticle}`) : null;
    const box = link?.closest('nav');
    if (!link || !box || box.scrollHeight <= box.clientHeight) return;
    const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + link.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
  }, [activeArticle]);

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      message.success(t('copied', { code }));
    } catch {
      message.info(code);
    }
  };

  const shown = (a: RegulationArticle) => !visible || visible.has(a.number);

  return (
    <div className={styles.layout}>
      <nav className={styles.toc} aria-label={t('toc')}>
        <Button
          className={styles.tocToggle}
          icon={<UnorderedListOutlined />}
          onClick={() => setTocOpen((o) => !o)}
          aria-expanded={tocOpen}
          aria-controls="regulation-toc"
          block
        >
          {tocOpen ? t('hideToc') : t('showToc')}
        </Button>
        <div id="regulation-toc" className={styles.tocBody} data-open={tocOpen}>
          <div className={styles.tocTitle}>{t('toc')}</div>
          {chapters.map((c) => {
            const arts = c.articles.filter(shown);
            if (!arts.length) return null;
            return (
              <Fragment key={c.heading || 'body'}>
                {c.title && <div className={styles.tocChapter} lang="zh-CN">{c.title}</div>}
                <ul className={styles.tocList} lang="zh-CN">
                  {arts.map((a) => (
                    <li key={a.number}>
                      <a
                        id={`toc-art-${a.number}`}
                        href={`#${a.anchor}`}
                        className={String(a.number) === activeArticle ? `${styles.tocLink} ${styles.tocActive}` : styles.tocLink}
                        aria-current={String(a.number) === activeArticle ? 'location' : undefined}
                        onClick={() => setTocOpen(false)}
                      >
                        {a.heading}
                        <span className={styles.tocCite}>{a.citation}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </Fragment>
            );
          })}
        </div>
      </nav>

      <div className={styles.main}>
        <div className={styles.toolbar}>
          <Input
            className={styles.search}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="regulation-search"
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('print')}</Button>
        </div>
        {q && (
          <div className={styles.searchStatus} role="status" data-testid="search-status">
            {visible?.size ? t('matches', { n: visible.size, q: query.trim() }) : t('noMatch', { q: query.trim() })}
          </div>
        )}

        <div className={styles.text}>
          {intro.length > 0 && !q && (
            <details className={styles.intro} open={introOpen} onToggle={(e) => setIntroOpen(e.currentTarget.open)}>
              <summary>{t('publication')}</summary>
              <div lang="zh-CN">
                {intro.map((line, k) => (
                  <p key={k}>{line}</p>
                ))}
              </div>
            </details>
          )}
          {chapters.map((c) => {
            const arts = c.articles.filter(shown);
            if (!arts.length) return null;
            return (
              <section key={c.heading || 'body'} aria-label={c.title || t('implicitChapter')}>
                {c.title && (
                  <h2 className={styles.chapter} lang="zh-CN">
                    <span>{c.heading}</span>
                    <span>{c.name}</span>
                  </h2>
                )}
                {arts.map((a) => (
                  <Article key={a.number} doc={doc} a={a} q={q} hash={hash} level={c.title ? 3 : 2} onCopy={copy} copyLabel={t('copy', { code: a.citation })} />
                ))}
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Article(props: { doc: RegulationDocKey; a: RegulationArticle; q: string; hash: string; level: 2 | 3; onCopy: (code: string) => void; copyLabel: string }) {
  const { doc, a, q, hash, level, onCopy, copyLabel } = props;
  const Heading = level === 2 ? 'h2' : 'h3';
  const several = a.paragraphs.length > 1;
  const qualified = a.paragraphs.filter((x) => x.items.length).length > 1;
  const paragraphCode = (p: RegulationParagraph) => `${a.citation}.${p.number}`;
  const itemCode = (p: RegulationParagraph, it: RegulationItem) => `${a.citation}${qualified ? `.${p.number}` : ''}(${it.number})`;
  // The paragraph or item the address points at, shown next to the article's citation.
  let targetCode: string | null = null;
  if (hash.startsWith(`${a.anchor}-`)) {
    for (const p of a.paragraphs) {
      if (p.anchor === hash && several) targetCode = paragraphCode(p);
      for (const it of p.items) if (it.anchor === hash) targetCode = itemCode(p, it);
    }
  }
  return (
    <article id={a.anchor} className={cx(styles.article, hash === a.anchor && styles.isTarget, hash.startsWith(`${a.anchor}-`) && styles.hasTarget)} aria-labelledby={`${a.anchor}-h`} data-article={a.number} data-doc={doc}>
      <header className={styles.articleHead}>
        <Heading id={`${a.anchor}-h`} className={styles.articleHeading} lang="zh-CN">
          <Highlight text={a.heading} q={q} />
        </Heading>
        <a href={`#${a.anchor}`} className={styles.cite} data-testid="article-cite">
          {a.citation}
        </a>
        {targetCode && (
          <a href={`#${hash}`} className={`${styles.cite} ${styles.citeTarget}`} data-testid="target-cite">
            {targetCode}
          </a>
        )}
        <Tooltip title={copyLabel}>
          <button type="button" className={styles.copy} aria-label={copyLabel} onClick={() => onCopy(a.citation)}>
            <CopyOutlined />
          </button>
        </Tooltip>
      </header>
      {a.paragraphs.map((p) => (
        <div key={p.number} id={p.anchor} className={cx(styles.paragraph, hash === p.anchor && styles.isTarget)} lang="zh-CN">
          {p.text && (
            <p className={styles.paragraphText}>
              {several && (
                <a href={`#${p.anchor}`} className={styles.paraLink} title={paragraphCode(p)} aria-label={paragraphCode(p)}>
                  ¶
                </a>
              )}
              <Highlight text={p.text} q={q} />
            </p>
          )}
          {p.items.length > 0 && (
            <ol className={styles.items}>
              {p.items.map((it) => {
                const code = itemCode(p, it);
                return (
                  <li key={it.number} id={it.anchor} className={cx(styles.item, hash === it.anchor && styles.isTarget)}>
                    <a href={`#${it.anchor}`} className={styles.itemNo} title={code} aria-label={code}>
                      {itemMarker(it.number)}
                    </a>
                    <Highlight text={it.text} q={q} />
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ))}
    </article>
  );
}
