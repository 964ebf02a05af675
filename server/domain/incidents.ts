/**
 * Rules of incident and risk reports (HN-18, ID-12 ¶3, and the national 网络安全事件报告管理办法 in
 * force since 2025-11-01 with its grading guide). Pure: safe in client components. The numbers are
 * defaults of a policy table the secadmin can change; the router reads the table and passes it in.
 */

/** HN-18 first sentence (risk in data relationships: stop processing at once), second sentence (data incidents), others. */
export const INCIDENT_TYPES = ['relationship_risk', 'loss', 'leakage', 'tampering', 'destruction', 'availability', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** HN-18 second sentence: 数据丢失、泄露、篡改、毁损. */
export const DATA_SECURITY_TYPES: readonly IncidentType[] = ['loss', 'leakage', 'tampering', 'destruction'];

/** 一般 / 较大 / 重大 / 特别重大, in rising order. */
export const SEVERITIES = ['general', 'large', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity) => SEVERITIES.indexOf(s);
export const atLeast = (s: Severity, floor: Severity) => severityRank(s) >= severityRank(floor);

export interface IncidentPolicy {
  /** Grading guide: the smallest count / amount that makes an incident at least this severe. */
  thresholds: {
    personalInfoPeople: Record<Exclude<Severity, 'general'>, number>;
    directLossYuan: Record<Exclude<Severity, 'general'>, number>;
  };
  /** Reporting clock in hours from discovery for 较大 and above, and for critical information infrastructure operators. */
  seriousHours: number;
  ciiHours: number;
  /** "及时" for the rest. */
  promptHours: number;
  /** Closing summary: days after handling ends. */
  summaryDays: number;
}

export const DEFAULT_INCIDENT_POLICY: IncidentPolicy = {
  thresholds: {
    personalInfoPeople: { large: 1_000_000, major: 10_000_000, critical: 100_000_000 },
    directLossYuan: { large: 5_000_000, major: 20_000_000, critical: 100_000_000 },
  },
  seriousHours: 4,
  ciiHours: 1,
  promptHours: 24,
  summaryDays: 30,
};

export interface ImpactFacts {
  personalInfoPeople?: number | null;
  directLossYuan?: number | null;
}

/** The least severity the recorded facts require under the grading guide (the reporter may grade higher). */
export function minimumSeverity(facts: ImpactFacts, policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY): Severity {
  let floor: Severity = 'general';
  for (const s of ['large', 'major', 'critical'] as const) {
    const people = facts.personalInfoPeople ?? 0;
    const loss = facts.directLossYuan ?? 0;
    if (people >= policy.thresholds.personalInfoPeople[s] || loss >= policy.thresholds.directLossYuan[s]) floor = s;
  }
  return floor;
}

/** Who receives a report, computed from the rules (never typed by hand), each with its basis. */
export type RecipientKind = 'agency' | 'authority' | 'cyberspace_same_level' | 'cyberspace_province' | 'police';

export interface IncidentFacts {
  /** HN: an operator's or agency's public-data incident; ID: the identity service platform or a connected platform. */
  regime: 'HN' | 'ID';
  type: IncidentType;
  severity: Severity;
  crimeSuspected: boolean;
}

export function incidentRecipients(i: IncidentFacts): { kind: RecipientKind; basis: string }[] {
  const out: { kind: RecipientKind; basis: string }[] = [];
  const add = (kind: RecipientKind, basis: string) => {
    if (!out.some((r) => r.kind === kind)) out.push({ kind, basis });
  };
  if (i.regime === 'HN') {
    // HN-18: 及时向实施机构和本级公共数据主管部门报告
    add('agency', 'HN-18');
    add('authority', 'HN-18');
    // HN-18: 发生数据丢失、泄露、篡改、毁损等重大数据安全事件时,同时向本级网信部门报告
    if (DATA_SECURITY_TYPES.includes(i.type) && atLeast(i.severity, 'major')) add('cyberspace_same_level', 'HN-18');
  } else {
    // ID-12 ¶3: 向有关部门报告 — the competent departments of the identity service (ID-3: 公安, 网信)
    add('police', 'ID-12.3');
    add('cyberspace_province', 'ID-12.3');
  }
  // National incident-reporting rules: 较大 and above also go to the provincial 网信 office.
  if (atLeast(i.severity, 'large')) add('cyberspace_province', '网络安全事件报告管理办法');
  if (i.crimeSuspected) add('police', '网络安全事件报告管理办法');
  return out;
}

/** The reporting clock, in clock hours from discovery, whatever the calendar. */
export function reportingHours(severity: Severity, cii: boolean, policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY): number {
  if (!atLeast(severity, 'large')) return policy.promptHours;
  return cii ? Math.min(policy.ciiHours, policy.seriousHours) : policy.seriousHours;
}

export function reportingDueAt(discoveredAt: Date, severity: Severity, cii: boolean, policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY): Date {
  return new Date(discoveredAt.getTime() + reportingHours(severity, cii, policy) * 3600_000);
}

/** The closing summary (cause, handling, harm, accountability, remediation, lessons) is due 30 days after handling ends. */
export function summaryDueAt(handlingEndedAt: Date, policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY): Date {
  return new Date(handlingEndedAt.getTime() + policy.summaryDays * 86_400_000);
}

/** A report made after its clock ran out is late reporting (迟报), kept as evidence for evaluations. */
export function isLate(reportedAt: Date, dueAt: Date): boolean {
  return reportedAt.getTime() > dueAt.getTime();
}
