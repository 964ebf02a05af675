import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { incidentRecipients, incidents } from '@/db/schema';
import type { ScopeSubject } from '@/server/domain/scope';

/**
 * Who sees an incident (DESIGN §1), from the session only: the reporting organization its own; each
 * recipient organization the incidents it receives; the province all; a municipal authority those of
 * its region as well. Anything else is not selected, so it surfaces as NOT_FOUND.
 */
const has = (u: ScopeSubject, role: string) => (u.roles as readonly string[]).includes(role);

/** The caller's organization is a recipient of the incident. */
export const receivedBy = (orgId: string): SQL =>
  sql`exists (select 1 from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.orgId} = ${orgId})`;

export function incidentScope(u: ScopeSubject): SQL {
  if (has(u, 'province_admin')) return sql`true`;
  const parts: SQL[] = [eq(incidents.reporterOrgId, u.orgId), receivedBy(u.orgId)];
  if (has(u, 'municipal_admin')) parts.push(eq(incidents.regionCode, u.regionCode));
  return or(...parts)!;
}

/** In scope and this id. */
export const incidentWhere = (u: ScopeSubject, id: string) => and(eq(incidents.id, id), incidentScope(u))!;
