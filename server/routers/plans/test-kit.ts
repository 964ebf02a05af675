import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { catalogResources, inboxItems, organizations } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { createOrg, createUser } from '@/db/seed/factories';
import type { OrgType, Role } from '@/server/domain/roles';
import { uploadAttachment } from '@/server/routers/attachments/service';
import { callerAs, sessionUserFor } from '@/server/test/harness';
import type { AgreementInput, PlanInput } from './schema';

/** Builders and lookups shared by the plan and agreement router tests (not a test file itself). */

export type Caller = Awaited<ReturnType<typeof callerAs>>;
export const NO_ID = '00000000-0000-4000-8000-000000000000';
export const tag = () => randomBytes(4).toString('hex');
/** A small PDF: the attachment check reads the first bytes. */
export const PDF = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(tag())]);

export async function orgId(db: Db, name: string) {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  if (!o) throw new Error(`no organization ${name}`);
  return o.id;
}

export async function resourceId(db: Db, code: string) {
  const [r] = await db.select({ id: catalogResources.id }).from(catalogResources).where(eq(catalogResources.code, code));
  if (!r) throw new Error(`no resource ${code}`);
  return r.id;
}

/** A user of an existing organization (or of a new one), as a caller. */
export async function extraUser(db: Db, username: string, roles: Role[], org: string | { name: string; type: OrgType; regionCode: string; industry?: string }) {
  const id = typeof org === 'string' ? await orgId(db, org) : (await createOrg(db, org)).id;
  await createUser(db, { username, displayName: username, orgId: id, roles, password: DEMO_PASSWORD });
  return callerAs(db, username);
}

/** Upload the 三重一大 minutes as `username`, through the attachment service. */
export async function uploadMinutes(db: Db, username: string, entityType: string, entityId: string) {
  const user = await sessionUserFor(db, username);
  const actor = { id: user.id, name: user.displayName, orgId: user.orgId, ip: '127.0.0.1' };
  return uploadAttachment(db, user, actor, { entityType, entityId, filename: '三重一大会议纪要.pdf', data: PDF() });
}

/** Open inbox items of an entity (any assignee). */
export async function openItems(db: Db, entityType: string, entityId: string) {
  return db.select().from(inboxItems).where(and(eq(inboxItems.entityType, entityType), eq(inboxItems.entityId, entityId)));
}

export function planSections(): PlanInput['sections'] {
  return {
    necessity: { necessity: '释放公共数据要素价值', feasibility: '平台和目录已具备' },
    mode: { type: 'domain', description: '按交通、市场监管领域分领域授权' },
    resources: { updateFrequency: '按目录约定每日更新', quality: '经数据校核,完整率 99%' },
    term: {
      years: 3, construction: '建设授权运营域', techSupport: '依托省一体化大数据平台', schedule: '2026 年上线',
      evaluationStandards: '按年度评价指标', exitMechanism: '评价不合格的退出', assetManagement: '按国有资产管理规定',
    },
    products: { items: [{ name: '企业信用画像', category: 'industry', form: 'api', description: '' }, { name: '惠企政策匹配', category: 'public', form: 'app', description: '' }] },
    security: { dataSecurity: '分类分级保护', networkSecurity: '等保三级', personalInfo: '去标识化', emergency: '应急预案' },
    accounting: { costAccounting: '单独核算', revenueDistribution: '按省办法分配' },
    supervision: { supervision: '主管部门监督检查', evaluation: '年度评价' },
    parties: '各方权利义务见附件',
    other: '无',
  };
}

export function agreementClauses(): AgreementInput['clauses'] {
  return {
    resources: '',
    term: '',
    products: { items: [{ name: '企业信用画像接口', category: 'industry', form: 'api', description: '' }], techStandards: '平台接口规范', securityReview: '合规审核', businessReview: '业务规范性审核' },
    platform: '省一体化大数据平台',
    assets: { equipment: '归乙方', products: '按附件约定' },
    disclosure: '每季度披露',
    accounting: { costAccounting: '单独核算', revenueDistribution: '按省办法分配' },
    security: { measures: '原始数据不出域', riskMonitoring: '实时监测', emergency: '应急预案' },
    evaluation: { evaluation: '年度评价', renewalExit: '合格续约,不合格退出' },
    liability: '按约定承担',
    disputes: '仲裁',
    changes: '协商一致并备案',
    other: '无',
  };
}
