import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { policies } from '@/db/schema';
import { appendAudit, diff, type AuditActor } from '@/server/domain/audit';
import { conflict, DomainError } from '@/server/domain/errors';
import { DEFAULT_INCIDENT_POLICY, incidentPolicyProblems, type IncidentPolicy } from '@/server/domain/incidents';
import { ZIncidentPolicy } from './schema';

/**
 * The incident policy table (DESIGN §2 admin: incident clocks): the grading guide's thresholds and
 * the reporting clocks. Edited by the secadmin (三权分立); every report reads it.
 */
export const INCIDENT_POLICY_KEY = 'incident';

export async function loadIncidentPolicy(db: DbOrTx): Promise<IncidentPolicy & { version: number }> {
  const [row] = await db.select().from(policies).where(eq(policies.key, INCIDENT_POLICY_KEY));
  if (!row) return { ...DEFAULT_INCIDENT_POLICY, version: 0 };
  const parsed = ZIncidentPolicy.safeParse(row.value);
  return parsed.success ? { ...parsed.data, version: row.version } : { ...DEFAULT_INCIDENT_POLICY, version: row.version };
}

export async function updateIncidentPolicy(db: DbOrTx, actor: AuditActor, input: IncidentPolicy & { version: number }) {
  const { version, ...value } = input;
  const problems = incidentPolicyProblems(value);
  if (Object.keys(problems).length) {
    const [field, message] = Object.entries(problems)[0];
    throw new DomainError('invalid', message, { field, fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, m]) => [k, [m]])) });
  }
  return db.transaction(async (tx) => {
    const before = await loadIncidentPolicy(tx);
    if (before.version !== version) throw conflict('事件报告策略已被他人修改,请刷新后重试');
    const { version: _v, ...beforeValue } = before;
    const change = diff<Record<string, unknown>>(flatten(beforeValue), flatten(value));
    if (Object.keys(change.after as object).length === 0) return before;
    // The version in the WHERE clause makes a concurrent save lose cleanly instead of overwriting.
    const written = version === 0
      ? await tx.insert(policies).values({ key: INCIDENT_POLICY_KEY, value, version: 1 }).onConflictDoNothing().returning({ key: policies.key })
      : await tx.update(policies).set({ value, version: version + 1, updatedAt: new Date() })
        .where(and(eq(policies.key, INCIDENT_POLICY_KEY), eq(policies.version, version))).returning({ key: policies.key });
    if (written.length === 0) throw conflict('事件报告策略已被他人修改,请刷新后重试');
    await appendAudit(tx, actor, { action: 'policy.incident.update', entityType: 'policy', entityId: INCIDENT_POLICY_KEY, ...change });
    return { ...value, version: version + 1 };
  });
}

/** thresholds.personalInfoPeople.large → one key each, so the audit diff names what changed. */
function flatten(p: IncidentPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = { seriousHours: p.seriousHours, ciiHours: p.ciiHours, promptHours: p.promptHours, summaryDays: p.summaryDays };
  for (const [k, band] of Object.entries(p.thresholds)) for (const [s, n] of Object.entries(band)) out[`thresholds.${k}.${s}`] = n;
  return out;
}
