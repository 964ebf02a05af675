import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  campaignEvaluators, campaigns, campaignTargets, evaluationScores, evaluatorTargets, indicatorNodes, indicatorSystems, indicatorVersions, organizations,
  selfAssessments, users,
} from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { createOrg, createUser } from '@/db/seed/factories';
import { hashPassword } from '@/server/auth/password';
import { addDays, shanghaiDate } from '@/server/domain/dates';
import { DEFAULT_GRADE_BANDS, TARGET_ORG_TYPE, type CampaignStatus, type RubricLevel, type TargetKind } from '@/server/domain/evaluation';
import type { Role } from '@/server/domain/roles';
import { actorOf, addUser, callerAs, demoUser, openSeededDb, orgId as orgIdIn, sessionUserFor } from '@/server/test/harness';
import type { CreateCampaignInput } from './campaign-schema';

/**
 * Shared set-up of the evaluation tests (campaigns, scoring, results, bench): an indicator-system
 * version and campaigns at any status, written by direct inserts so that a test (or the bench)
 * starts where it needs to without walking the workflow, plus the callers of a seeded province.
 */
export type { Caller } from '@/server/test/harness';
export { NO_ID } from '@/server/test/harness';

export interface SeededLeaf {
  code: string;
  maxScore: number;
}

let seq = 0;
const uid = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

function rubric(max: number): RubricLevel[] {
  return [
    { label: '好', min: Math.round(max * 0.8 * 100) / 100, max, guidance: '完全符合要求,材料齐全' },
    { label: '中', min: Math.round(max * 0.6 * 100) / 100, max: Math.round(max * 0.8 * 100) / 100, guidance: '基本符合,个别材料欠缺' },
    { label: '差', min: 0, max: Math.round(max * 0.6 * 100) / 100, guidance: '不符合要求' },
  ];
}

/** Equal weights summing to exactly 100 (two decimals; the last one takes the rest). */
function weights(n: number): number[] {
  const w = Math.floor((100 / n) * 100) / 100;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.round((100 - w * (n - 1)) * 100) / 100 : w));
}

/**
 * An indicator system with one version. Default tree (4 leaves): D1 (60) → D1.I1 (50) → C1, C2
 * (max 10 each, C1 pre-filled with reports_on_time), D1.I2 (max 20, quality_answers); D2 (40) →
 * D2.I1 (max 100, rectifications_closed, veto below 60). With `shape`: `dimensions` dimensions
 * of `leavesPerDimension` leaves each (max 10), for volume.
 */
export async function seedVersion(db: DbOrTx, o: {
  kind?: TargetKind; status?: 'published' | 'draft'; systemId?: string; versionNo?: number; ownerOrgId?: string; name?: string;
  shape?: { dimensions: number; leavesPerDimension: number };
} = {}) {
  const kind = o.kind ?? 'operator';
  let systemId = o.systemId;
  if (!systemId) {
    const owner = o.ownerOrgId ?? (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.type, 'province_authority')))[0].id;
    const [s] = await db.insert(indicatorSystems).values({ targetKind: kind, name: o.name ?? `测试指标体系${uid()}`, ownerOrgId: owner }).returning();
    systemId = s.id;
  }
  const status = o.status ?? 'published';
  const versionNo = o.versionNo ?? 1;
  const [v] = await db.insert(indicatorVersions).values({
    systemId, versionNo, status, gradeBands: DEFAULT_GRADE_BANDS, publishedAt: status === 'published' ? new Date() : null,
  }).returning();
  if (status === 'published') await db.update(indicatorSystems).set({ publishedVersionNo: versionNo }).where(eq(indicatorSystems.id, systemId));
  type Node = typeof indicatorNodes.$inferInsert;
  const nodes: Node[] = [];
  const node = (n: Omit<Node, 'versionId' | 'depth'> & { depth?: number }) => nodes.push({ versionId: v.id, depth: n.code.split('.').length, ...n });
  if (o.shape) {
    const dw = weights(o.shape.dimensions);
    const lw = weights(o.shape.leavesPerDimension);
    for (let d = 0; d < o.shape.dimensions; d++) {
      node({ code: `D${d + 1}`, parentCode: null, seq: d + 1, name: `维度${d + 1}`, weight: dw[d] });
      for (let l = 0; l < o.shape.leavesPerDimension; l++) {
        node({ code: `D${d + 1}.L${l + 1}`, parentCode: `D${d + 1}`, seq: l + 1, name: `检查项${d + 1}-${l + 1}`, weight: lw[l], maxScore: 10, rubric: rubric(10), evidence: '相关材料', article: 'HN-22' });
      }
    }
  } else {
    node({ code: 'D1', parentCode: null, seq: 1, name: '制度执行', weight: 60 });
    node({ code: 'D1.I1', parentCode: 'D1', seq: 1, name: '报告报送', weight: 50 });
    node({ code: 'D1.I1.C1', parentCode: 'D1.I1', seq: 1, name: '季度报告按期报送', weight: 50, maxScore: 10, rubric: rubric(10), evidence: '季度运营报告', article: 'HN-22 ¶3', factKey: 'reports_on_time' });
    node({ code: 'D1.I1.C2', parentCode: 'D1.I1', seq: 2, name: '年度总结报告', weight: 50, maxScore: 10, rubric: rubric(10), evidence: '年度总结报告', article: 'HN-22 ¶3' });
    node({ code: 'D1.I2', parentCode: 'D1', seq: 2, name: '数据校核答复', weight: 50, maxScore: 20, rubric: rubric(20), evidence: '校核答复记录', article: 'HN-16', factKey: 'quality_answers' });
    node({ code: 'D2', parentCode: null, seq: 2, name: '安全与整改', weight: 40 });
    node({ code: 'D2.I1', parentCode: 'D2', seq: 1, name: '整改按期完成', weight: 100, maxScore: 100, rubric: rubric(100), evidence: '整改报告', article: 'HN-22 ¶2', factKey: 'rectifications_closed', vetoBelow: 60 });
  }
  for (let i = 0; i < nodes.length; i += 2000) await db.insert(indicatorNodes).values(nodes.slice(i, i + 2000));
  const parents = new Set(nodes.map((n) => n.parentCode).filter(Boolean));
  const leaves: SeededLeaf[] = nodes.filter((n) => !parents.has(n.code)).map((n) => ({ code: n.code, maxScore: Number(n.maxScore ?? 100) }));
  return { systemId, versionId: v.id, leaves };
}

/** A schedule around today: self-assessment from 3 days ago to in 14 days, then scoring, review, publication. */
export function scheduleAround(now = new Date()) {
  const today = shanghaiDate(now);
  return { selfStartsOn: addDays(today, -3), selfEndsOn: addDays(today, 14), scoringEndsOn: addDays(today, 35), reviewEndsOn: addDays(today, 49), publishOn: addDays(today, 56) };
}

export interface SeedCampaignOptions {
  ownerOrgId: string;
  status?: CampaignStatus;
  kind?: TargetKind;
  /** An existing published version; else one is seeded (`shape` as seedVersion's). */
  versionId?: string;
  shape?: { dimensions: number; leavesPerDimension: number };
  /** Existing target organizations, or `targets` new ones of the kind's type. */
  targetOrgIds?: string[];
  targets?: number;
  /** Existing evaluator users, or `evaluators` new ones (demo password). */
  evaluatorUserIds?: string[];
  evaluators?: number;
  leadUserId?: string | null;
  /** Declarations of every panel member × target once started (default pending). */
  coi?: 'pending' | 'clear';
  /** A score per target × evaluator × leaf (null: not scored), written when started. */
  scores?: (t: number, e: number, leaf: SeededLeaf) => number | null;
  /** Mark every clear assignment submitted. */
  submitted?: boolean;
  selfSubmitted?: boolean;
  name?: string;
  year?: number;
  regionCode?: string;
  aggregation?: 'mean' | 'trimmed';
  trimmedMin?: number;
  divergencePct?: number;
  confirmedAt?: Date | null;
  schedule?: Partial<ReturnType<typeof scheduleAround>>;
}

/** A campaign at any status by direct inserts (no inbox items): targets, panel, declarations, self-assessment rows, scores. */
export async function seedCampaign(db: DbOrTx, o: SeedCampaignOptions) {
  const kind = o.kind ?? 'operator';
  let versionId = o.versionId;
  let leaves: SeededLeaf[];
  if (versionId) {
    const rows = await db.select({ code: indicatorNodes.code, parentCode: indicatorNodes.parentCode, maxScore: indicatorNodes.maxScore }).from(indicatorNodes).where(eq(indicatorNodes.versionId, versionId));
    const parents = new Set(rows.map((r) => r.parentCode).filter(Boolean));
    leaves = rows.filter((r) => !parents.has(r.code)).map((r) => ({ code: r.code, maxScore: Number(r.maxScore ?? 100) }));
  } else {
    const v = await seedVersion(db, { kind, shape: o.shape });
    versionId = v.versionId;
    leaves = v.leaves;
  }
  const region = o.regionCode ?? '410000';
  const targetOrgIds = [...(o.targetOrgIds ?? [])];
  for (let i = 0; i < (o.targets ?? 0); i++) {
    targetOrgIds.push((await createOrg(db, { name: `测试评价对象${uid()}`, type: TARGET_ORG_TYPE[kind], regionCode: region })).id);
  }
  const evaluatorUserIds = [...(o.evaluatorUserIds ?? [])];
  if (o.evaluators) {
    const [body] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.type, 'evaluation_body'));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (let i = 0; i < o.evaluators; i++) {
      const u = await createUser(db, { username: `ev_${uid()}`, orgId: body.id, roles: ['evaluator'], password: DEMO_PASSWORD, passwordHash });
      evaluatorUserIds.push(u.id);
    }
  }
  const status = o.status ?? 'draft';
  const started = status !== 'draft';
  const [campaign] = await db.insert(campaigns).values({
    year: o.year ?? new Date().getFullYear() - 1, targetKind: kind, name: o.name ?? `测试评价活动${uid()}`, versionId, ownerOrgId: o.ownerOrgId,
    regionCode: region, status, ...scheduleAround(), ...o.schedule,
    aggregation: o.aggregation ?? 'trimmed', trimmedMin: o.trimmedMin ?? 5, divergencePct: o.divergencePct ?? 30,
    leadUserId: o.leadUserId === undefined ? evaluatorUserIds[0] ?? null : o.leadUserId, confirmedAt: o.confirmedAt ?? null,
  }).returning();
  const targets = targetOrgIds.length
    ? await db.insert(campaignTargets).values(targetOrgIds.map((orgId) => ({
      campaignId: campaign.id, orgId, ...(o.selfSubmitted ? { selfStatus: 'submitted', selfSubmittedAt: new Date() } : {}),
    }))).returning({ id: campaignTargets.id, orgId: campaignTargets.orgId })
    : [];
  // keep the order of targetOrgIds
  targets.sort((a, b) => targetOrgIds.indexOf(a.orgId) - targetOrgIds.indexOf(b.orgId));
  if (evaluatorUserIds.length) await db.insert(campaignEvaluators).values(evaluatorUserIds.map((userId) => ({ campaignId: campaign.id, userId })));
  if (started) {
    const clear = o.coi === 'clear';
    const chunk = async <T>(rows: T[], insert: (c: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 5000) await insert(rows.slice(i, i + 5000));
    };
    await chunk(targets.flatMap((t) => evaluatorUserIds.map((e) => ({
      targetId: t.id, evaluatorUserId: e, coi: clear ? 'clear' : 'pending', declaredAt: clear ? new Date() : null, submittedAt: clear && o.submitted ? new Date() : null,
    }))), (c) => db.insert(evaluatorTargets).values(c));
    await chunk(targets.flatMap((t) => leaves.map((l) => ({ targetId: t.id, nodeCode: l.code }))), (c) => db.insert(selfAssessments).values(c));
    if (o.scores) {
      const rows: (typeof evaluationScores.$inferInsert)[] = [];
      targets.forEach((t, ti) => evaluatorUserIds.forEach((e, ei) => leaves.forEach((l) => {
        const s = o.scores!(ti, ei, l);
        if (s !== null) rows.push({ targetId: t.id, evaluatorUserId: e, nodeCode: l.code, score: s });
      })));
      await chunk(rows, (c) => db.insert(evaluationScores).values(c));
    }
  }
  return { campaign, campaignId: campaign.id, versionId, leaves, targets, evaluatorUserIds };
}

/** Usernames of evaluator user ids (to make callers of seeded evaluators). */
export async function usernameOf(db: DbOrTx, userId: string) {
  const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, userId));
  return u.username;
}

/**
 * A seeded province with the callers the evaluation tests need: the province, Zhengzhou's and
 * Luoyang's data authorities, three operators (河南数据集团 410000, 郑州数据运营 410100, 洛阳城市数据运营
 * 410300), an implementing agency, four evaluators (ev_a… ev_c and an outsider ev_x never on a
 * panel), an industry department (no campaign permission) and no session.
 */
export async function openCampaignKit() {
  const h = await openSeededDb();
  const orgId = (name: string) => orgIdIn(h.db, name);
  const add = (username: string, org: string, role: Role) => addUser(h.db, username, [role], org);
  await add('ly_admin', '洛阳市公共数据主管部门', 'municipal_admin');
  await add('zz_operator', '郑州数据运营有限公司', 'operator');
  await add('ly_operator', '洛阳城市数据运营有限公司', 'operator');
  await add('op_b', '河南数据集团有限公司', 'operator');
  for (const u of ['ev_a', 'ev_b', 'ev_c', 'ev_x']) await add(u, '河南省公共数据授权运营评价专家组', 'evaluator');
  await add('province_b', '河南省行政审批和政务信息管理局', 'province_admin');
  const as = (u: string | null) => callerAs(h.db, u);
  const c = {
    anon: await as(null),
    province: await as(demoUser('province_admin')),
    provinceB: await as('province_b'),
    zz: await as(demoUser('municipal_admin')),
    lyAdmin: await as('ly_admin'),
    operator: await as(demoUser('operator')),
    opB: await as('op_b'),
    zzOperator: await as('zz_operator'),
    lyOperator: await as('ly_operator'),
    agency: await as(demoUser('implementing_agency')),
    evA: await as('ev_a'),
    evB: await as('ev_b'),
    evC: await as('ev_c'),
    evX: await as('ev_x'),
    jiaotong: await as(demoUser('industry_dept')),
  };
  const subject = async (username: string) => {
    const user = await sessionUserFor(h.db, username);
    return { actor: actorOf(user, null), user };
  };
  const userId = async (username: string) => (await h.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
  const orgs = {
    province: await orgId('河南省行政审批和政务信息管理局'),
    zz: await orgId('郑州市行政审批和政务信息管理局'),
    ly: await orgId('洛阳市公共数据主管部门'),
    henanData: await orgId('河南数据集团有限公司'),
    zzData: await orgId('郑州数据运营有限公司'),
    lyData: await orgId('洛阳城市数据运营有限公司'),
    zzAgency: await orgId('郑州市大数据发展中心'),
    lyAgency: await orgId('洛阳市大数据中心'),
  };
  const ev = { a: await userId('ev_a'), b: await userId('ev_b'), c: await userId('ev_c'), x: await userId('ev_x') };
  return { h, c, orgId, orgs, ev, subject, userId };
}

/** A create input for the set-up form, with a schedule around today. */
export function campaignInput(o: Partial<CreateCampaignInput> & Pick<CreateCampaignInput, 'versionId'>): CreateCampaignInput {
  return {
    name: `测试评价活动${uid()}`, year: new Date().getFullYear() - 1, targetKind: 'operator', targetOrgIds: [], evaluatorUserIds: [], leadUserId: null,
    aggregation: 'trimmed', trimmedMin: 5, divergencePct: 30, ...scheduleAround(), ...o,
  };
}
