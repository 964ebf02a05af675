/**
 * Citations: HN-<article>[.<paragraph>][(<item>)] for 河南省公共数据资源授权运营实施办法(试行),
 * ID-<article>[.<paragraph>] for 国家网络身份认证公共服务管理办法. In the reader (/regulations/<doc>) an article
 * is the element `#art-<n>`, its paragraphs `#art-<n>-p<p>`, the items of its list `#art-<n>-i<k>` (an article
 * with several lists: `#art-<n>-p<p>-i<k>`). An item cited without a paragraph (HN-14(2)) is in the article's
 * first list. Client-safe: no file access; the shape of the texts is kept below and checked against the files
 * by server/domain/regulations.test.ts.
 */
export const REGULATION_DOCS = {
  HN: { slug: 'henan', file: 'henan-public-data-operation.md' },
  ID: { slug: 'identity', file: 'identity-authentication-measures.md' },
} as const;

export type RegulationDocKey = keyof typeof REGULATION_DOCS;

/** HN-11.2 and HN-11 ¶2 are the same paragraph (the issues write the second form). */
const CITATION = /^(HN|ID)-(\d{1,2})(?:\.(\d{1,2})|\s*¶(\d{1,2}))?(?:\((\d{1,2})\))?$/;

export function parseCitation(code: string): { doc: 'HN' | 'ID'; article: number; paragraph?: number; item?: number } | null {
  const m = CITATION.exec(code.trim());
  if (!m) return null;
  const paragraph = m[3] ?? m[4];
  return { doc: m[1] as 'HN' | 'ID', article: Number(m[2]), paragraph: paragraph ? Number(paragraph) : undefined, item: m[5] ? Number(m[5]) : undefined };
}

export const articleAnchorId = (article: number) => `art-${article}`;
export const paragraphAnchorId = (article: number, paragraph: number) => `art-${article}-p${paragraph}`;
/** `qualified` when the article has more than one list (the item number alone would be ambiguous). */
export const itemAnchorId = (article: number, paragraph: number, item: number, qualified = false) =>
  qualified ? `art-${article}-p${paragraph}-i${item}` : `art-${article}-i${item}`;

/** An article's shape: one entry per paragraph, the number of items in it. */
export type ArticleShape = readonly number[];

/**
 * Shape of every article (index = article number - 1), as parsed from content/regulations; the regulation tests
 * fail if this drifts from the files.
 */
export const REGULATION_SHAPE: Record<RegulationDocKey, readonly ArticleShape[]> = {
  HN: [
    [0], [0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0], [4, 0], [0, 5], [4], [0], [0, 0], [0, 0], [11], [0, 0], [13],
    [0, 0], [0], [0, 0], [0], [0], [0], [0, 0, 0, 0], [0, 0, 0], [0], [0], [0], [0],
  ],
  ID: [[0], [0, 0], [0], [0, 0, 0], [0, 0], [0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0], [4, 0, 0, 0], [0, 0, 0], [0], [0, 0], [0], [0]],
};

export interface CitationTarget {
  paragraph: number | null;
  item: number | null;
  /** The most specific element id that exists. */
  id: string;
  /** False when the cited paragraph or item does not exist (the id then falls back to what does). */
  exact: boolean;
}

export function resolveCitationTarget(c: { article: number; paragraph?: number; item?: number }, shape: ArticleShape): CitationTarget {
  let paragraph: number | null = null;
  let item: number | null = null;
  let exact = true;
  if (c.paragraph !== undefined) {
    if (c.paragraph >= 1 && c.paragraph <= shape.length) paragraph = c.paragraph;
    else exact = false;
  }
  if (c.item !== undefined) {
    const p = c.paragraph === undefined ? shape.findIndex((n) => n > 0) + 1 : (paragraph ?? 0);
    if (p >= 1 && c.item >= 1 && c.item <= shape[p - 1]) {
      paragraph = p;
      item = c.item;
    } else exact = false;
  }
  const lists = shape.filter((n) => n > 0).length;
  const id =
    item !== null && paragraph !== null ? itemAnchorId(c.article, paragraph, item, lists > 1)
    : paragraph !== null ? paragraphAnchorId(c.article, paragraph)
    : articleAnchorId(c.article);
  return { paragraph, item, id, exact };
}

/** True when the cited article (and paragraph/item, if any) exists in the text. */
export function isKnownCitation(code: string): boolean {
  const c = parseCitation(code);
  const shape = c && REGULATION_SHAPE[c.doc][c.article - 1];
  return !!c && !!shape && resolveCitationTarget(c, shape).exact;
}

/**
 * The reader link for a citation, pointing at the most specific element that exists: HN-14(2) →
 * /regulations/henan#art-14-i2, ID-8.2 → /regulations/identity#art-8-p2, HN-14.9 → …#art-14. An article the
 * text does not have still links to `#art-<n>` (the reader shows the document).
 */
export function citationAnchor(code: string): string | null {
  const c = parseCitation(code);
  if (!c) return null;
  const shape = c.article >= 1 ? REGULATION_SHAPE[c.doc][c.article - 1] : undefined;
  const id = shape ? resolveCitationTarget(c, shape).id : articleAnchorId(c.article);
  return `/regulations/${REGULATION_DOCS[c.doc].slug}#${id}`;
}
