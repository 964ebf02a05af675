import Link from 'next/link';
import { citationAnchor } from '@/server/domain/citations';

/**
 * A citation such as HN-14(2) or ID-8.2, linked to the article in the regulation reader.
 * Every rule the console enforces shows its article through this component.
 */
export function Cite({ code, children }: { code: string; children?: React.ReactNode }) {
  const href = citationAnchor(code);
  return href ? <Link href={href} target="_blank" title={code} style={{ textDecoration: 'underline' }}>{children ?? code}</Link> : <span>{children ?? code}</span>;
}
