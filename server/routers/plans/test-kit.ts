import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { inboxItems } from '@/db/schema';
import { uploadAttachment } from '@/server/routers/attachments/service';
import { actorOf, sessionUserFor } from '@/server/test/harness';
import type { AgreementInput, PlanInput } from './schema';

/** Builders and lookups shared by the plan and agreement router tests (not a test file itself). */

export const tag = () => randomBytes(4).toString('hex');
/** A small PDF: the attachment check reads the first bytes. */
export const PDF = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(tag())]);

/** Upload the 三重一大 minutes as `username`, through the attachment service. */
export async function uploadMinutes(db: Db, username: string, entityType: string, entityId: string) {
  const user = await sessionUserFor(db, username);
  return uploadAttachment(db, user, actorOf(user), { entityType, entityId, filename: '三重一大会议纪要.pdf', data: PDF() });
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
