import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { policies } from '@/db/schema';
import { DEFAULT_SECURITY_POLICY, SECURITY_POLICY_KEY } from '@/server/auth/security-policy';
import { hashPassword } from '@/server/auth/password';
import { appendAudit } from '@/server/domain/audit';
import { packageCovers } from '@/server/domain/deadlines';
import type { OrgType, Role } from '@/server/domain/roles';
import { openInbox } from '@/server/domain/workflow';
import { seedDemoCatalog } from './catalog-demo';
import { seedDemoCampaigns } from './campaign-demo';
import { seedDemoIndicators } from './evaluation-demo';
import { seedDemoFilings } from './filings-demo';
import { seedDemoIncidents } from './incidents-demo';
import { seedDemoRectification } from './rectification-demo';
import { createOrg, createUser, isEmpty, seedRegions } from './factories';
import { HENAN_REGIONS } from './regions';

/** Demo seed only: every demo account has this password (README lists them). */
export const DEMO_PASSWORD = 'Henan#Demo2026';

/** One demo account per role (README's table is this list). */
export const DEMO_ACCOUNTS: { role: Role; username: string; displayName: string; org: string }[] = [
  { role: 'province_admin', username: 'province', displayName: '张省管', org: '河南省行政审批和政务信息管理局' },
  { role: 'industry_dept', username: 'jiaotong', displayName: '李交通', org: '河南省交通运输厅' },
  { role: 'municipal_admin', username: 'zhengzhou', displayName: '王郑州', org: '郑州市行政审批和政务信息管理局' },
  { role: 'implementing_agency', username: 'agency', displayName: '赵实施', org: '郑州市大数据发展中心' },
  { role: 'operator', username: 'operator', displayName: '钱运营', org: '河南数据集团有限公司' },
  { role: 'secondary_developer', username: 'developer', displayName: '孙开发', org: '郑州智数科技有限公司' },
  { role: 'evaluator', username: 'evaluator', displayName: '周评价', org: '河南省公共数据授权运营评价专家组' },
  { role: 'regulator', username: 'wangxin', displayName: '吴网信', org: '河南省委网络安全和信息化委员会办公室' },
  { role: 'platform', username: 'platform', displayName: '郑平台', org: '豫事办科技有限公司' },
  { role: 'data_provider', username: 'provider', displayName: '冯提供', org: '郑州市市场监督管理局' },
  { role: 'sysadmin', username: 'sysadmin', displayName: '系统管理员', org: '河南省行政审批和政务信息管理局' },
  { role: 'secadmin', username: 'secadmin', displayName: '安全管理员', org: '河南省行政审批和政务信息管理局' },
  { role: 'auditor', username: 'auditor', displayName: '安全审计员', org: '河南省行政审批和政务信息管理局' },
];

const ORGS: { name: string; type: OrgType; regionCode: string; industry?: string; cii?: boolean }[] = [
  { name: '河南省行政审批和政务信息管理局', type: 'province_authority', regionCode: '410000' },
  { name: '河南省交通运输厅', type: 'industry_dept', regionCode: '410000', industry: '交通运输' },
  { name: '河南省卫生健康委员会', type: 'industry_dept', regionCode: '410000', industry: '卫生健康' },
  { name: '河南省自然资源厅', type: 'industry_dept', regionCode: '410000', industry: '自然资源' },
  { name: '河南省交通运输厅信息中心', type: 'implementing_agency', regionCode: '410000', industry: '交通运输' },
  { name: '河南省卫生健康信息中心', type: 'implementing_agency', regionCode: '410000', industry: '卫生健康' },
  { name: '郑州市大数据发展中心', type: 'implementing_agency', regionCode: '410100' },
  { name: '洛阳市大数据中心', type: 'implementing_agency', regionCode: '410300' },
  { name: '河南数据集团有限公司', type: 'operator', regionCode: '410000', cii: true },
  { name: '郑州数据运营有限公司', type: 'operator', regionCode: '410100' },
  { name: '洛阳城市数据运营有限公司', type: 'operator', regionCode: '410300' },
  { name: '郑州智数科技有限公司', type: 'secondary_developer', regionCode: '410100' },
  { name: '洛阳云图信息技术有限公司', type: 'secondary_developer', regionCode: '410300' },
  { name: '豫事办科技有限公司', type: 'platform', regionCode: '410100' },
  { name: '中原出行网络科技有限公司', type: 'platform', regionCode: '410100' },
  { name: '河南省委网络安全和信息化委员会办公室', type: 'regulator', regionCode: '410000', industry: '网信' },
  { name: '河南省公安厅网络安全保卫总队', type: 'regulator', regionCode: '410000', industry: '公安' },
  { name: '河南省公共数据授权运营评价专家组', type: 'evaluation_body', regionCode: '410000' },
  // 公共数据提供单位 named in the demo catalogs (HN-9: 一数一源)
  { name: '郑州市市场监督管理局', type: 'data_provider', regionCode: '410100' },
  { name: '郑州市人力资源和社会保障局', type: 'data_provider', regionCode: '410100' },
  { name: '郑州市公安局', type: 'data_provider', regionCode: '410100' },
  { name: '郑州市不动产登记中心', type: 'data_provider', regionCode: '410100' },
  { name: '洛阳市市场监督管理局', type: 'data_provider', regionCode: '410300' },
  { name: '河南省市场监督管理局', type: 'data_provider', regionCode: '410000' },
];

/** The 19 municipal data authorities (17 cities, 济源示范区, 航空港区). */
function municipalAuthorities() {
  return HENAN_REGIONS.filter((r) => r.level === 'city').map((r) => ({
    name: r.code === '410100' ? '郑州市行政审批和政务信息管理局' : `${r.name}公共数据主管部门`,
    type: 'municipal_authority' as const,
    regionCode: r.code,
  }));
}

/**
 * Seed the demo province into an empty database. Serialized by an advisory lock so that two
 * processes starting on one PostgreSQL do not both seed.
 */
export async function seedDemo(db: Db, opts: { onlyIfEmpty: boolean }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7310002)`);
    if (opts.onlyIfEmpty && !(await isEmpty(tx))) return false;
    await seedRegions(tx);
    const byName = new Map<string, string>();
    for (const o of [...ORGS, ...municipalAuthorities()]) byName.set(o.name, (await createOrg(tx, o)).id);
    await tx.insert(policies).values({ key: SECURITY_POLICY_KEY, value: DEFAULT_SECURITY_POLICY }).onConflictDoNothing();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      await createUser(tx, { username: a.username, displayName: a.displayName, orgId: byName.get(a.org)!, roles: [a.role], password: DEMO_PASSWORD, passwordHash });
    }
    await seedDemoCatalog(tx, byName);
    await seedDemoFilings(tx, byName);
    await seedDemoIndicators(tx, byName);
    await seedDemoCampaigns(tx, byName);
    await seedDemoRectification(tx, byName);
    await seedDemoIncidents(tx, byName);
    const system = { id: null, name: 'system', orgId: null, ip: null };
    await appendAudit(tx, system, { action: 'system.seed', reason: 'demo province seeded', after: { orgs: byName.size, users: DEMO_ACCOUNTS.length } });
    await openCalendarReminder(tx, byName.get('河南省行政审批和政务信息管理局')!);
    return true;
  });
}

/**
 * The State Council publishes next year's holiday calendar around November; until the secadmin
 * loads it, working-day deadlines in that year fall back to Mon–Fri. Put the task in their inbox.
 */
async function openCalendarReminder(tx: Parameters<Parameters<Db['transaction']>[0]>[0], provinceOrgId: string) {
  const next = new Date().getFullYear() + 1;
  if (packageCovers(next)) return; // a fresh database has no loaded tables yet
  await openInbox(tx, 'calendar', String(next), [
    {
      assigneeOrgId: provinceOrgId,
      assigneeRole: 'secadmin',
      step: 'load_year',
      title: `载入 ${next} 年法定节假日和调休工作日`,
      href: '/security/calendar',
      deadline: { kind: 'calendar_days', amount: Math.max(1, Math.ceil((Date.UTC(next - 1, 11, 31) - Date.now()) / 86400000)) },
    },
  ]);
}
