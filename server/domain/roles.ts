/** Roles and organization types of DESIGN.md §1. Labels live in messages/*.json (roles.*, orgTypes.*). */
export const ROLES = [
  'province_admin',
  'industry_dept',
  'municipal_admin',
  'implementing_agency',
  'operator',
  'secondary_developer',
  'evaluator',
  'regulator',
  'platform',
  'data_provider',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** 三权分立 (等保 L3): these three see accounts / policy / audit only, never business data. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ROLES.filter((r) => !(ADMIN_ROLES as readonly Role[]).includes(r));

export function isAdminRole(role: Role): boolean {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}

export const ORG_TYPES = [
  'province_authority', // 省公共数据主管部门 (河南省行政审批和政务信息管理局), HN-4
  'industry_dept', // 省级行业主管部门
  'municipal_authority', // 市级公共数据主管部门
  'implementing_agency', // 实施机构, HN-3
  'operator', // 一级开发主体, HN-7/8
  'secondary_developer', // 二级开发主体, HN-17
  'evaluation_body', // 评价机构 / 专家组, HN-22
  'regulator', // 网信 / 公安 / 密码 / 保密, HN-20, ID-3
  'platform', // 接入网号/网证的互联网平台, ID-7
  'identity_service', // 国家网络身份认证公共服务平台, ID-2
  'data_provider', // 公共数据提供单位 (委办局), the authoritative source of catalog resources, HN-9
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Which roles a user of an organization of this type may hold (a user's roles must fit its org). */
export const ROLES_BY_ORG_TYPE: Record<OrgType, readonly Role[]> = {
  province_authority: ['province_admin', 'evaluator', 'sysadmin', 'secadmin', 'auditor'],
  industry_dept: ['industry_dept', 'implementing_agency', 'evaluator'],
  municipal_authority: ['municipal_admin', 'evaluator'],
  implementing_agency: ['implementing_agency'],
  operator: ['operator'],
  secondary_developer: ['secondary_developer'],
  evaluation_body: ['evaluator'],
  regulator: ['regulator'],
  platform: ['platform'],
  identity_service: ['platform'],
  /** Providers are named in catalogs (maintained by the implementing agency) and answer data-quality requests (HN-16). */
  data_provider: ['data_provider'],
};

export const PROVINCE_REGION = '410000';
