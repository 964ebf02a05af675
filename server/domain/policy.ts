import type { Role } from './roles';

/**
 * The one permission policy. Each permission lists the roles that hold it; `can()` is the only
 * place that answers "may this user do this?". The router matrix test walks every procedure ×
 * every role against this table. Domains add their permissions here.
 */
/** Every business role (not the 三权分立 admin roles): for permissions whose real check is the data scope. */
const EVERY_BUSINESS_ROLE = [
  'province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator',
  'secondary_developer', 'evaluator', 'regulator', 'platform', 'data_provider',
] as const satisfies readonly Role[];

export const PERMISSIONS = {
  // sysadmin (三权分立: system administration)
  'admin.org.read': ['sysadmin'],
  'admin.org.write': ['sysadmin'],
  'admin.user.read': ['sysadmin'],
  'admin.user.write': ['sysadmin'],
  'admin.region.read': ['sysadmin'],
  'admin.region.write': ['sysadmin'],
  // secadmin (security administration)
  'security.policy.read': ['secadmin'],
  'security.policy.write': ['secadmin'],
  'security.calendar.read': ['secadmin'],
  'security.calendar.write': ['secadmin'],
  // auditor (security audit)
  'audit.read': ['auditor'],
  'audit.verify': ['auditor'],
  'audit.export': ['auditor'],
  // business: the organization directory, scoped by org/region (DESIGN §1)
  'directory.org.read': EVERY_BUSINESS_ROLE,
  // evidence files: who may read or add one is decided per entity (server/routers/attachments/attachables.ts)
  'attachment.read': EVERY_BUSINESS_ROLE,
  'attachment.write': EVERY_BUSINESS_ROLE,
  // catalog and registration (HN-9, HN-10)
  'catalog.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency'],
  /** Maintain one's own organization's catalog (HN-9: 实施机构编制并动态更新目录). */
  'catalog.write': ['municipal_admin', 'implementing_agency'],
  /** Review submitted catalogs: the province, and a municipal authority for its city. */
  'catalog.review': ['province_admin', 'municipal_admin'],
  /** 停用 / 启用 a published resource: its owner, or its reviewer. */
  'catalog.status': ['province_admin', 'municipal_admin', 'implementing_agency'],
  /** The province-wide list of 一数一源 conflicts. */
  'catalog.conflicts.read': ['province_admin'],
  'registration.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency'],
  /** HN-10: the implementing agency applies for registration of resources in operation scope. */
  'registration.apply': ['implementing_agency'],
  /** HN-10 ¶2: the public data authority accepts and decides. */
  'registration.decide': ['province_admin', 'municipal_admin'],
  'registration.policy.write': ['province_admin'],
  // filings (HN-11 … HN-17, HN-22 ¶3): rows are further scoped per organization in each router
  /** 实施方案 (HN-11): drafted by the province or a city data authority, filed to the province and an industry dept. */
  'plan.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency'],
  'plan.write': ['province_admin', 'municipal_admin'],
  /** 备案 of a plan or an agreement: the province and the provincial industry department (HN-11 ¶2, HN-13 ¶2). */
  'filing.ack': ['province_admin', 'industry_dept'],
  /** 运营协议 (HN-13, HN-14): the implementing agency signs with the operator. */
  'agreement.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator'],
  'agreement.write': ['implementing_agency'],
  /** HN-14(2): an agreement term over 3 years needs the province's approval. */
  'agreement.exception.decide': ['province_admin'],
  /** 一场景一审核 (HN-15). */
  'scenario.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator'],
  'scenario.apply': ['operator'],
  'scenario.review': ['province_admin', 'municipal_admin', 'implementing_agency'],
  /** Registered products (HN-15 ¶2): the operator applies, the data authority registers (as HN-10). */
  'product.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator', 'secondary_developer'],
  'product.register': ['operator'],
  'product.decide': ['province_admin', 'municipal_admin'],
  /** 数据校核 (HN-16): the operator raises, the provider answers within 7 working days. */
  'quality.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator', 'data_provider'],
  'quality.raise': ['operator'],
  'quality.answer': ['data_provider'],
  /** 二级开发主体 (HN-17 ¶1): the operator selects, the implementing agency reviews. */
  'developer.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator', 'secondary_developer'],
  'developer.write': ['operator'],
  'developer.review': ['implementing_agency'],
  /** HN-17 ¶2: usage disclosures, published by the operator (the public page needs no login). */
  'disclosure.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator'],
  'disclosure.write': ['operator'],
  /** 季度报告 / 年度总结 (HN-22 ¶3). */
  'report.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator'],
  'report.write': ['operator'],
  'report.policy.write': ['province_admin'],
  // annual evaluation (HN-22): the province builds the indicator systems (HN-22 ¶1); campaigns are run
  // by the province (implementing agencies, HN-22 ¶1) or a data authority (operators, HN-22 ¶2)
  'indicator.read': ['province_admin', 'municipal_admin', 'evaluator'],
  'indicator.write': ['province_admin'],
  /** Campaigns: rows further scoped to the owner, its panel and its targets (server/routers/evaluation). */
  'campaign.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator', 'evaluator'],
  'campaign.manage': ['province_admin', 'municipal_admin'],
  /** A target's self-assessment (HN-22 ¶2: 如实提供有关资料). */
  'campaign.self': ['implementing_agency', 'operator'],
  /** Panel members: conflict-of-interest declarations and blind scoring. */
  'campaign.score': ['evaluator'],
  // rectification (HN-20, HN-22 ¶2, HN-24, ID-14)
  'rectification.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator', 'platform'],
  /** HN-20: the data authorities and implementing agencies 督促整改. */
  'rectification.issue': ['province_admin', 'municipal_admin', 'implementing_agency'],
  /** The target answers: plan, progress, verification, extension requests. */
  'rectification.respond': ['implementing_agency', 'operator', 'platform'],
  /** HN-22 ¶2: 暂停授权运营, its resumption and the 约谈 of the principal, by the data authority. */
  'suspension.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator'],
  'suspension.decide': ['province_admin', 'municipal_admin'],
  /** HN-24: 通报批评 by the data authority, with the same-level government's approval. */
  'criticism.read': ['province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator', 'platform'],
  'criticism.write': ['province_admin', 'municipal_admin'],
  // incident and risk reports (HN-18, ID-12 ¶3, the national incident-reporting rules)
  'incident.read': ['province_admin', 'municipal_admin', 'implementing_agency', 'operator', 'regulator', 'platform'],
  /** HN-18: an operator or implementing agency; ID-12 ¶3: the identity service platform and connected platforms. */
  'incident.report': ['implementing_agency', 'operator', 'platform'],
  /** A computed recipient acknowledges receipt (its own receipt rows only). */
  'incident.receive': ['province_admin', 'municipal_admin', 'implementing_agency', 'regulator'],
  /** Closure review by the public data authority (accept / ask for more, open a rectification order). */
  'incident.review': ['province_admin', 'municipal_admin'],
  /** The grading thresholds and reporting clocks are a security policy table (secadmin, 三权分立). */
  'security.incidentPolicy.read': ['secadmin'],
  'security.incidentPolicy.write': ['secadmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface PolicySubject {
  roles: readonly string[];
}

export function can(user: PolicySubject | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  const allowed: readonly string[] = PERMISSIONS[permission];
  return user.roles.some((r) => allowed.includes(r));
}

export function permissionsOf(user: PolicySubject): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(user, p));
}
