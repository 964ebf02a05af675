import type { Role } from './roles';

/**
 * The one permission policy. Each permission lists the roles that hold it; `can()` is the only
 * place that answers "may this user do this?". The router matrix test walks every procedure ×
 * every role against this table. Domains add their permissions here.
 */
/** Every business role (not the 三权分立 admin roles): for permissions whose real check is the data scope. */
const EVERY_BUSINESS_ROLE = [
  'province_admin', 'industry_dept', 'municipal_admin', 'implementing_agency', 'operator',
  'secondary_developer', 'evaluator', 'regulator', 'platform',
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
