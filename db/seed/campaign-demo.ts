import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { indicatorSystems, indicatorVersions } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import { addDays, shanghaiDate } from '@/server/domain/dates';
import { createCampaign, stepCampaign } from '@/server/routers/evaluation/campaigns';
import { DEMO_PASSWORD } from './demo';
import { createUser, demoSubject } from './factories';

/** The two further panel members of the demo (README's accounts table lists them). */
export const DEMO_EVALUATORS = [
  { username: 'evaluator2', displayName: '吴评审' },
  { username: 'evaluator3', displayName: '郑评审' },
] as const;

const EXPERT_GROUP = '河南省公共数据授权运营评价专家组';
const OPERATORS = ['河南数据集团有限公司', '郑州数据运营有限公司', '洛阳城市数据运营有限公司'];

/**
 * Demo evaluation campaigns (HN-22), after the indicator systems: the province's annual evaluation
 * of the three operators (HN-22 ¶2) with the default operator system, started so that each
 * operator has its 自评 task in 我的待办 and each panel member its 利益冲突声明. The demo runs on
 * real dates: the schedule is computed from the seed time.
 */
export async function seedDemoCampaigns(tx: DbOrTx, orgIds: Map<string, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const e of DEMO_EVALUATORS) {
    await createUser(tx, { ...e, orgId: orgIds.get(EXPERT_GROUP)!, roles: ['evaluator'], password: DEMO_PASSWORD, passwordHash });
  }
  // the default operator system (db/seed/evaluation-demo.ts), its latest published version
  const [v] = await tx.select({ id: indicatorVersions.id }).from(indicatorVersions)
    .innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
    .where(and(eq(indicatorSystems.targetKind, 'operator'), eq(indicatorVersions.status, 'published')))
    .orderBy(desc(indicatorVersions.publishedAt), desc(indicatorVersions.versionNo))
    .limit(1);
  if (!v) return;
  const province = await demoSubject(tx, 'province');
  const panel = await Promise.all(['evaluator', ...DEMO_EVALUATORS.map((e) => e.username)].map(async (u) => (await demoSubject(tx, u)).id));
  const today = shanghaiDate(new Date());
  const c = await createCampaign(tx, province, province, {
    name: '2025年度一级开发主体授权运营评价',
    year: 2025,
    targetKind: 'operator',
    versionId: v.id,
    targetOrgIds: OPERATORS.map((o) => orgIds.get(o)!),
    evaluatorUserIds: panel,
    leadUserId: panel[0],
    selfStartsOn: addDays(today, -3),
    selfEndsOn: addDays(today, 14),
    scoringEndsOn: addDays(today, 35),
    reviewEndsOn: addDays(today, 49),
    publishOn: addDays(today, 56),
    aggregation: 'trimmed',
    trimmedMin: 5,
    divergencePct: 30,
  });
  await stepCampaign(tx, province, province, { id: c.id, version: c.version, action: 'start' });
}
