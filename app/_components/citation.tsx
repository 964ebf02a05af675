import Link from 'next/link';
import { citationAnchor } from '@/server/domain/citations';

/**
 * A citation such as HN-14(2) or ID-8.2, linked to the article in the regulation reader.
 * Every rule the console enforces shows its article through this component.
 */
export function Cite({ code, children, plain }: { code: string; children?: React.ReactNode; plain?: boolean }) {
  // `plain` for table column titles: antd copies them into an aria-hidden measure row, where a link
  // would be a hidden focus target (WCAG 4.1.2). The header still names the article, unlinked.
  const href = plain ? null : citationAnchor(code);
  return href ? <Link href={href} target="_blank" title={code} style={{ textDecoration: 'underline' }}>{children ?? code}</Link> : <span>{children ?? code}</span>;
}
