/**
 * Citations: HN-<article>[.<paragraph>][(<item>)] for 河南省公共数据资源授权运营实施办法(试行),
 * ID-<article>[.<paragraph>] for 国家网络身份认证公共服务管理办法. An article's anchor in the reader
 * is `/regulations/<doc>#art-<n>`.
 */
export const REGULATION_DOCS = {
  HN: { slug: 'henan', file: 'henan-public-data-operation.md' },
  ID: { slug: 'identity', file: 'identity-authentication-measures.md' },
} as const;

const CITATION = /^(HN|ID)-(\d{1,2})(?:\.(\d{1,2}))?(?:\((\d{1,2})\))?$/;

export function parseCitation(code: string): { doc: 'HN' | 'ID'; article: number; paragraph?: number; item?: number } | null {
  const m = CITATION.exec(code.trim());
  if (!m) return null;
  return { doc: m[1] as 'HN' | 'ID', article: Number(m[2]), paragraph: m[3] ? Number(m[3]) : undefined, item: m[4] ? Number(m[4]) : undefined };
}

export function citationAnchor(code: string): string | null {
  const c = parseCitation(code);
  if (!c) return null;
  return `/regulations/${REGULATION_DOCS[c.doc].slug}#art-${c.article}`;
}
