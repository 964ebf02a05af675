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

/** Where an incident stands (incidents.status); only the workflow module assigns it. */
export const INCIDENT_STATUSES = ['reported', 'handling', 'handling_ended', 'summary_submitted', 'more_requested', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = INCIDENT_STATUSES.filter((s) => s !== 'closed');
/** States in which the reporter owes the closing summary (its 30-day clock runs). */
export const SUMMARY_OWED_STATUSES: readonly IncidentStatus[] = ['handling_ended', 'more_requested'];

/** The list's views: open, recipients' clocks running, late reporting, summaries overdue, reported by / received by the caller. */
export const INCIDENT_VIEWS = ['all', 'open', 'running', 'late', 'summary_overdue', 'mine', 'received'] as const;

export const RECIPIENT_KINDS = ['agency', 'authority', 'cyberspace_same_level', 'cyberspace_province', 'police'] as const satisfies readonly RecipientKind[];

/** HN-18 first sentence: a risk found in data relationships — processing must stop at once, and the form asks when. */
export const needsProcessingStop = (type: IncidentType) => type === 'relationship_risk';

/** The closing summary's sections (national rules: 原因、处置、危害、责任、整改、教训). */
export const SUMMARY_FIELDS = ['cause', 'handling', 'harm', 'accountability', 'remediation', 'lessons'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Notification of individuals (ID-12 ¶3 及时告知用户; PIPL Art 57): channels and the content items Art 57 lists. */
export const NOTIFY_CHANNELS = ['sms', 'email', 'notice'] as const;
export const NOTIFY_ITEMS = ['infoTypes', 'cause', 'harm', 'remedies', 'selfHelp', 'contact'] as const;
export type NotifyItem = (typeof NOTIFY_ITEMS)[number];

/**
 * PIPL Art 57: 发生或者可能发生个人信息泄露、篡改、丢失的 — the reporter must record whether it
 * notified the individuals (or why not) before its closing summary. ID-12 ¶3 asks every identity
 * platform to inform its users of an incident.
 */
export function notificationRequired(i: { regime: 'HN' | 'ID'; type: IncidentType; personalInfoPeople?: number | null }): boolean {
  if (i.regime === 'ID') return true;
  return ['loss', 'leakage', 'tampering'].includes(i.type) && (i.personalInfoPeople ?? 0) > 0;
}

/** The policy's own consistency: thresholds rise with the grade; the CII clock ≤ the 较大 clock ≤ the "promptly" target. */
export function incidentPolicyProblems(p: IncidentPolicy): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['personalInfoPeople', 'directLossYuan'] as const) {
    const t = p.thresholds[key];
    if (t.major <= t.large) out[`thresholds.${key}.major`] = '应大于「较大」的门槛';
    if (t.critical <= t.major) out[`thresholds.${key}.critical`] = '应大于「重大」的门槛';
  }
  if (p.ciiHours > p.seriousHours) out.ciiHours = '关键信息基础设施运营者的时限不应长于较大及以上事件的时限';
  if (p.seriousHours > p.promptHours) out.seriousHours = '较大及以上事件的时限不应长于一般事件的“及时”时限';
  return out;
}
