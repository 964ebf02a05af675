import fs from 'node:fs';
import path from 'node:path';
import {
  REGULATION_DOCS, articleAnchorId, itemAnchorId, paragraphAnchorId, parseCitation, resolveCitationTarget,
  type ArticleShape, type RegulationDocKey,
} from './citations';

/**
 * The two regulation texts (content/regulations/*.md), parsed into chapters → articles (条) → paragraphs (款)
 * → items (项). Line structure of the files:
 *   `# <title> (<document number>, <date> <kind>, …)` — the header;
 *   English lines — a note about the file;
 *   publication context (the website's notice, the issuing 通知/令) — kept as the intro;
 *   `第X章 …` chapters (the identity measures have none: one implicit chapter);
 *   `第X条 …` starts an article, its text being the first paragraph;
 *   `(一)…` / `（一）…` items, belonging to the paragraph before them;
 *   any other line inside an article starts its next paragraph;
 *   `关键字: …` after the last article is the website's trailer.
 * Server only (reads the files); the reader gets the parsed, plain-JSON result.
 */

export type { RegulationDocKey } from './citations';

export interface RegulationItem {
  number: number;
  text: string;
  /** Element id in the reader, e.g. `art-14-i2`. */
  anchor: string;
}

export interface RegulationParagraph {
  number: number;
  text: string;
  items: RegulationItem[];
  /** Element id in the reader, e.g. `art-8-p2`. */
  anchor: string;
}

export interface RegulationArticle {
  number: number;
  /** As written: 第十四条. */
  heading: string;
  paragraphs: RegulationParagraph[];
  /** Element id in the reader, `art-<n>`. */
  anchor: string;
  /** HN-14 / ID-8. */
  citation: string;
}

export interface RegulationChapter {
  /** null for the implicit chapter of a document without chapters. */
  number: number | null;
  /** 第一章, or '' for the implicit chapter. */
  heading: string;
  /** 总则 (typographic spaces removed), or ''. */
  name: string;
  /** 第一章 总则, or ''. */
  title: string;
  articles: RegulationArticle[];
}

export interface RegulationDate {
  date: string; // YYYY-MM-DD
  /** As written in the header: 印发 / 公布 / 施行. */
  kind: string;
}

export interface Regulation {
  doc: RegulationDocKey;
  slug: string;
  title: string;
  /** 豫政办〔2025〕5号 / 公安部等六部门令第173号. */
  documentNumber: string | null;
  dates: RegulationDate[];
  /** 发布时间 on the publishing website, if given. */
  publishedAt: string | null;
  issuers: string[];
  /** The file's own (English) note on the text. */
  note: string[];
  /** Publication context before the text: the website's notice and the issuing 通知 / 令. */
  intro: string[];
  /** The text's own title lines just before its first chapter/article (e.g. 河南省…实施办法 / (试行)). */
  bodyTitle: string[];
  chapters: RegulationChapter[];
  /** Website lines after the last article (关键字: …). */
  trailer: string[];
  articleCount: number;
}

/** Issuing bodies, as named in the publication context (the tests check they appear there). */
const ISSUERS: Record<RegulationDocKey, string[]> = {
  HN: ['河南省人民政府办公厅'],
  ID: ['中华人民共和国公安部', '国家互联网信息办公室', '中华人民共和国民政部', '中华人民共和国文化和旅游部', '国家卫生健康委员会', '国家广播电视总局'],
};

// ---------------------------------------------------------------------------------------------------------------
// Chinese numerals

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL = '[零〇一二两三四五六七八九十百]+';

/** 一 → 1, 十四 → 14, 二十六 → 26, 九十九 → 99, 一百零五 → 105; null if not a well-formed numeral below 1000. */
export function chineseToInt(s: string): number | null {
  if (!s || !new RegExp(`^${NUMERAL}$`).test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zero = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      const v = DIGITS[ch];
      if (v === 0) {
        if (digit !== null || zero || lastUnit !== 100) return null; // 零 only fills the tens after 百
        zero = true;
      } else {
        if (digit !== null) return null; // 一二
        digit = v;
      }
      continue;
    }
    const unit = ch === '百' ? 100 : 10;
    if (unit >= lastUnit || zero) return null; // 十十, 十百, 一百零十
    if (digit === null) {
      if (unit === 10 && total === 0) digit = 1; // a bare 十 at the start: 十四
      else return null;
    }
    total += digit * unit;
    digit = null;
    lastUnit = unit;
  }
  if (digit !== null && lastUnit === 100 && !zero) return null; // 一百五 is ambiguous (150 colloquially)
  total += digit ?? 0;
  return total || null;
}

/** 1 → 一, 14 → 十四, 26 → 二十六, 99 → 九十九, 105 → 一百零五 (1..999). */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`out of range: ${n}`);
  const d = '零一二三四五六七八九';
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = '';
  if (h) out += `${d[h]}百`;
  if (t) out += `${h || t > 1 ? d[t] : ''}十`;
  else if (h && u) out += '零';
  if (u) out += d[u];
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const HEADER = /^#\s+(.+?)\s+\(([^()]+)\)\s*$/;
const CHAPTER = new RegExp(`^第(${NUMERAL})章[\\s\\u3000]*(.*)$`);
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:[\\s\\u3000]+(.*))?$`);
const ITEM = new RegExp(`^[（(](${NUMERAL})[)）][\\s\\u3000]*(.*)$`);
const TRAILER = /^关键[字词][:：]/;
const CJK = /[\u3400-\u9fff]/;

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');

export function parseRegulation(doc: RegulationDocKey, source: string): Regulation {
  const lines = source.split(/\r?\n/).map((l) => l.trim());
  let title = '';
  let documentNumber: string | null = null;
  const dates: RegulationDate[] = [];
  const note: string[] = [];
  const pre: string[] = [];
  const chapters: RegulationChapter[] = [];
  const trailer: string[] = [];
  let article: RegulationArticle | null = null;
  let inTrailer = false;

  const chapter = () => {
    if (!chapters.length) chapters.push({ number: null, heading: '', name: '', title: '', articles: [] });
    return chapters[chapters.length - 1];
  };
  const paragraph = (a: RegulationArticle, text: string) => {
    const p: RegulationParagraph = { number: a.paragraphs.length + 1, text, items: [], anchor: paragraphAnchorId(a.number, a.paragraphs.length + 1) };
    a.paragraphs.push(p);
    return p;
  };

  for (const line of lines) {
    if (!line) continue;
    if (!title) {
      const h = HEADER.exec(line);
      if (h) {
        title = h[1].trim();
        for (const part of h[2].split(/[,，]\s*/)) {
          const d = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(part.trim());
          if (d) dates.push({ date: d[1], kind: d[2].trim() });
          else if (!documentNumber) documentNumber = part.trim();
        }
        continue;
      }
      if (line.startsWith('# ')) {
        title = line.slice(2).trim();
        continue;
      }
    }
    if (inTrailer || (article && TRAILER.test(line))) {
      inTrailer = true;
      trailer.push(line);
      continue;
    }
    const c = CHAPTER.exec(line);
    if (c && chineseToInt(c[1]) !== null) {
      const name = compact(c[2]);
      const heading = `第${c[1]}章`;
      chapters.push({ number: chineseToInt(c[1]), heading, name, title: name ? `${heading} ${name}` : heading, articles: [] });
      article = null;
      continue;
    }
    const a = ARTICLE.exec(line);
    if (a && chineseToInt(a[1]) !== null) {
      const n = chineseToInt(a[1])!;
      article = { number: n, heading: `第${a[1]}条`, paragraphs: [], anchor: articleAnchorId(n), citation: `${doc}-${n}` };
      chapter().articles.push(article);
      if (a[2]?.trim()) paragraph(article, a[2].trim());
      continue;
    }
    if (!article) {
      if (!chapters.length) (CJK.test(line) ? pre : note).push(line);
      continue; // a chapter line followed by text before its first article does not occur
    }
    const i = ITEM.exec(line);
    if (i && chineseToInt(i[1]) !== null) {
      const p = article.paragraphs[article.paragraphs.length - 1] ?? paragraph(article, '');
      p.items.push({ number: chineseToInt(i[1])!, text: i[2].trim(), anchor: '' });
      continue;
    }
    paragraph(article, line);
  }

  // Item anchors: `art-<n>-i<k>` when the article has one list, qualified by paragraph when it has several.
  for (const ch of chapters) {
    for (const art of ch.articles) {
      const lists = art.paragraphs.filter((p) => p.items.length).length;
      for (const p of art.paragraphs) for (const it of p.items) it.anchor = itemAnchorId(art.number, p.number, it.number, lists > 1);
    }
  }

  // The text's own title lines (just before the body) are not publication context.
  const bodyTitle: string[] = [];
  for (let k = 1; k <= Math.min(3, pre.length); k++) {
    if (compact(pre.slice(-k).join('')) === compact(title)) {
      bodyTitle.push(...pre.splice(pre.length - k, k));
      break;
    }
  }
  const published = pre.map((l) => /发布时间[:：]\s*(\d{4}-\d{2}-\d{2})/.exec(l)?.[1]).find(Boolean) ?? null;

  return {
    doc,
    slug: REGULATION_DOCS[doc].slug,
    title,
    documentNumber,
    dates,
    publishedAt: published,
    issuers: ISSUERS[doc],
    note,
    intro: pre,
    bodyTitle,
    chapters,
    trailer,
    articleCount: chapters.reduce((s, ch) => s + ch.articles.length, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading and lookup

const cache = new Map<RegulationDocKey, Regulation>();

/** The parsed regulation, read once per process from content/regulations. */
export function loadRegulation(doc: RegulationDocKey): Regulation {
  let reg = cache.get(doc);
  if (!reg) {
    const file = path.join(process.cwd(), 'content/regulations', REGULATION_DOCS[doc].file);
    reg = parseRegulation(doc, fs.readFileSync(file, 'utf8'));
    cache.set(doc, reg);
  }
  return reg;
}

/** The regulation whose reader lives at /regulations/<slug>, or null. */
export function regulationBySlug(slug: string): RegulationDocKey | null {
  const hit = (Object.keys(REGULATION_DOCS) as RegulationDocKey[]).find((k) => REGULATION_DOCS[k].slug === slug);
  return hit ?? null;
}

export function articles(reg: Regulation): RegulationArticle[] {
  return reg.chapters.flatMap((c) => c.articles);
}

/** Paragraph count and item count per paragraph of every article (index = article number - 1). */
export function regulationShape(reg: Regulation): ArticleShape[] {
  return articles(reg).map((a) => a.paragraphs.map((p) => p.items.length));
}

export interface ArticleLookup {
  doc: RegulationDocKey;
  article: RegulationArticle;
  chapter: RegulationChapter;
  /** The paragraph the citation points at (or that holds the cited item); null if none was cited or it does not exist. */
  paragraph: RegulationParagraph | null;
  /** The cited item; null if none was cited or it does not exist. */
  item: RegulationItem | null;
  /** The most specific element id that exists for the citation. */
  anchor: string;
  /** False when the citation names a paragraph or item the article does not have. */
  exact: boolean;
}

/**
 * The article a citation such as HN-14(2), HN-7.2(3) or ID-8.2 points at, with the paragraph/item if cited.
 * An item without a paragraph (HN-14(2)) is in the article's first list. Null for a malformed citation or an
 * article the regulation does not have.
 */
export function findArticle(code: string): ArticleLookup | null {
  const c = parseCitation(code);
  if (!c) return null;
  const reg = loadRegulation(c.doc);
  for (const chapter of reg.chapters) {
    const article = chapter.articles.find((a) => a.number === c.article);
    if (!article) continue;
    const target = resolveCitationTarget(c, article.paragraphs.map((p) => p.items.length));
    const paragraph = target.paragraph ? article.paragraphs[target.paragraph - 1] : null;
    const item = paragraph && target.item ? paragraph.items[target.item - 1] : null;
    return { doc: c.doc, article, chapter, paragraph, item, anchor: target.id, exact: target.exact };
  }
  return null;
}

/** What the index cards and the reader header show about a document (no text). */
export type RegulationSummary = Pick<Regulation, 'doc' | 'slug' | 'title' | 'documentNumber' | 'dates' | 'publishedAt' | 'issuers'> & {
  chapterCount: number;
  articleCount: number;
};

export function summarize(reg: Regulation): RegulationSummary {
  const { doc, slug, title, documentNumber, dates, publishedAt, issuers, articleCount } = reg;
  const chapterCount = reg.chapters.filter((c) => c.number !== null).length;
  return { doc, slug, title, documentNumber, dates, publishedAt, issuers, chapterCount, articleCount };
}
