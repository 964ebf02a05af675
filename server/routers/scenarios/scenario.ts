import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { complianceReviews, dataProducts, operatingAgreements, organizations, scenarioApplications } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { conflict, DomainError, invalidField, notFound, precondition } from '@/server/domain/errors';
import { authorityOf, type Authority } from '@/server/domain/filings';
import { registrationPhase } from '@/server/routers/catalog/query';
import { timelineOf } from '@/server/domain/timeline';
import { transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { assertNotSuspended } from '@/server/routers/rectification/suspensions';
import {
  agreementInForce, agreementsInForce, assertOperable, isAgencyOf, lockInScope, isAuthority, isOperatorOf, mustOperate, resourcesOf, reviewingAuthority, scenarioScope, today,
} from './access';
import { complianceMachine, scenarioMachine } from './machines';
import { insertRound, insertScenario, saveCheckpoints, saveVersioned, scenarioFields } from './service';
import { roundsOf, selectScenarios } from './query';
import {
  ZComplianceRequestInput, ZId, ZListScenariosInput, ZRecordInput, ZRef, ZRejectInput, ZScenarioInput, ZUpdateScenarioInput,
  type Checkpoints,
} from './schema';

/**
 * 一场景一审核 (HN-15): the operator's scenario and data-demand application under one of its filed
 * agreements, reviewed by the implementing agency and then the agency's same-level public data
 * authority; then, before release, rounds of compliance review on the five checkpoints of HN-15 ¶2.
 */
type ScenarioRow = typeof scenarioApplications.$inferSelect;

const lockScenario = (tx: DbOrTx, user: SessionUser, id: string) => lockInScope(tx, scenarioApplications, id, scenarioScope(user), '应用场景申请');

/** A compliance round and its scenario, in the caller's scope, both locked. */
export async function lockRound(tx: DbOrTx, user: SessionUser, id: string) {
  const [r] = await tx.select({ round: complianceReviews, scenario: scenarioApplications }).from(complianceReviews)
    .innerJoin(scenarioApplications, eq(scenarioApplications.id, complianceReviews.scenarioId))
    .where(and(eq(complianceReviews.id, id), scenarioScope(user))).for('update');
  if (!r) throw notFound('合规审核');
  return r;
}

/** HN-15 ¶2: the agency reviews; the same-level authority may review too. */
async function reviewsCompliance(db: DbOrTx, user: SessionUser, scenario: ScenarioRow) {
  return isAgencyOf(user, scenario) || isAuthority(user, await authorityOf(db, scenario.agencyOrgId));
}

async function mustReviewCompliance(db: DbOrTx, user: SessionUser, scenario: ScenarioRow) {
  if (!(await reviewsCompliance(db, user, scenario))) throw new DomainError('forbidden', '合规审核由该场景的实施机构或其同级公共数据主管部门办理(HN-15 ¶2)');
}

/** HN-15 ¶1: the data a scenario needs is picked from its agreement's resources. */
function mustBeInAgreement(agreement: { resourceIds: string[] }, resourceIds: string[]) {
  const outside = resourceIds.filter((r) => !agreement.resourceIds.includes(r));
  if (outside.length) throw invalidField('resourceIds', `所需数据须从运营协议授权的数据资源中选择,有 ${outside.length} 项不在协议范围内(HN-14(1)、HN-15 ¶1)`);
}

/** At submission every resource must still be in the agreement and operable (HN-10 ¶2, HN-15 ¶1). */
async function mustBeOperable(db: DbOrTx, user: SessionUser, row: ScenarioRow) {
  const agreement = await agreementInForce(db, user, row.agreementId);
  mustBeInAgreement(agreement, row.resourceIds);
  await assertOperable(db, row.resourceIds);
}

const EDITABLE = ['draft', 'rejected', 'withdrawn'];
const IN_REVIEW = ['agency_review', 'authority_review'];

/** What the caller may do on a scenario and on each of its rounds (buttons; the server checks again). */
async function actionsOf(db: DbOrTx, user: SessionUser, row: ScenarioRow, rounds: { status: string }[], activeProduct: boolean) {
  const authority = await authorityOf(db, row.agencyOrgId);
  const operator = isOperatorOf(user, row);
  const reviewer = (row.status === 'agency_review' && isAgencyOf(user, row)) || (row.status === 'authority_review' && isAuthority(user, authority));
  const openRound = rounds.some((r) => r.status === 'submitted');
  const approvedRound = rounds.some((r) => r.status === 'approved');
  const scenario = [
    ...(operator && EDITABLE.includes(row.status) ? ['edit', 'submit'] : []),
    ...(operator && IN_REVIEW.includes(row.status) ? ['withdraw'] : []),
    ...(reviewer ? ['approve', 'reject'] : []),
    ...(operator && row.status === 'approved' && !openRound && !approvedRound ? ['requestCompliance'] : []),
  ] as ('edit' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'requestCompliance')[];
  const complianceReviewer = isAgencyOf(user, row) || isAuthority(user, authority);
  const round = (r: { status: string }) => [
    ...(complianceReviewer && r.status === 'submitted' ? ['record', 'approve', 'reject'] : []),
    ...(operator && r.status === 'submitted' ? ['withdraw'] : []),
    ...(operator && r.status === 'approved' && !activeProduct ? ['register'] : []),
  ] as ('record' | 'approve' | 'reject' | 'withdraw' | 'register')[];
  return { scenario, round };
}

async function getScenario(db: DbOrTx, user: SessionUser, id: string) {
  const page = await selectScenarios(db, user, { sort: 'updatedAt', dir: 'desc' }, { limit: 1 }, eq(scenarioApplications.id, id));
  const head = page.items[0];
  if (!head) throw notFound('应用场景申请');
  const [row] = await db.select().from(scenarioApplications).where(eq(scenarioApplications.id, id));
  const [agreement] = await db.select({ id: operatingAgreements.id, name: operatingAgreements.name, startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn })
    .from(operatingAgreements).where(eq(operatingAgreements.id, row.agreementId));
  const rounds = await roundsOf(db, id);
  const products = (await db.select({
    id: dataProducts.id, complianceReviewId: dataProducts.complianceReviewId, name: dataProducts.name, status: dataProducts.status,
    registrationNo: dataProducts.registrationNo, effectiveOn: dataProducts.effectiveOn, pricingBasis: dataProducts.pricingBasis, createdAt: dataProducts.createdAt,
  }).from(dataProducts).where(eq(dataProducts.scenarioId, id)).orderBy(asc(dataProducts.createdAt)))
    .map((p) => ({ ...p, phase: registrationPhase(p, today()) }));
  const activeProduct = products.some((p) => p.status === 'submitted' || p.status === 'approved');
  const actions = await actionsOf(db, user, row, rounds, activeProduct);
  const timeline = await timelineOf(db, [
    { type: 'scenario_application', id },
    ...rounds.map((r) => ({ type: 'compliance_review', id: r.id })),
    ...products.map((p) => ({ type: 'data_product', id: p.id })),
  ]);
  return {
    ...head,
    description: row.description,
    purpose: row.purpose,
    resourceIds: row.resourceIds,
    rejectReason: row.rejectReason,
    rejectBasis: row.rejectBasis,
    agreement,
    resources: await resourcesOf(db, row.resourceIds),
    rounds: rounds.map((r) => ({ ...r, checkpoints: r.checkpoints as Checkpoints, actions: actions.round(r) })),
    products,
    actions: actions.scenario,
    timeline,
  };
}

const complianceRouter = createTRPCRouter({
  /** HN-15 ¶1: 在产品和服务发布前,提交合规审核申请 — one round at a time, for an approved scenario. */
  request: permissionProcedure('scenario.apply').input(ZComplianceRequestInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const s = await lockScenario(tx, ctx.user, input.scenarioId);
      mustOperate(ctx.user, s);
      if (s.status !== 'approved') throw precondition('应用场景及数据需求申请审核通过后,方可提交合规审核申请', 'HN-15 ¶1');
      await assertNotSuspended(tx, ctx.user.orgId, '提交合规审核申请'); // HN-22 ¶2
      await agreementInForce(tx, ctx.user, s.agreementId);
      const rounds = await tx.select({ status: complianceReviews.status }).from(complianceReviews).where(eq(complianceReviews.scenarioId, s.id));
      if (rounds.some((r) => r.status === 'submitted')) throw precondition('该场景已有待审核的合规审核申请');
      if (rounds.some((r) => r.status === 'approved')) throw precondition('该场景的合规审核已通过,请登记产品和服务', 'HN-15 ¶2');
      const row = await insertRound(tx, ctx.actor, s, input);
      return row;
    }),
  ),
  /** Record the five checkpoints (a save, versioned) before the decision (HN-15 ¶2). */
  record: permissionProcedure('scenario.review').input(ZRecordInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { round, scenario } = await lockRound(tx, ctx.user, input.id);
      await mustReviewCompliance(tx, ctx.user, scenario);
      if (round.version !== input.version) throw conflict();
      if (round.status !== 'submitted') throw precondition('只能在审核中记录检查结果');
      const row = await saveCheckpoints(tx, ctx.actor, round, input.version, input.checkpoints);
      return row;
    }),
  ),
  approve: permissionProcedure('scenario.review').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { scenario } = await lockRound(tx, ctx.user, input.id);
      await mustReviewCompliance(tx, ctx.user, scenario);
      return transition(tx, complianceMachine, ctx.actor, {
        id: input.id, version: input.version, action: 'approve',
        input: { reviewerId: ctx.user.id, scenario },
      });
    }),
  ),
  /** HN-15 ¶2: 审核不通过的,应当说明理由和依据. */
  reject: permissionProcedure('scenario.review').input(ZRejectInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { scenario } = await lockRound(tx, ctx.user, input.id);
      await mustReviewCompliance(tx, ctx.user, scenario);
      return transition(tx, complianceMachine, ctx.actor, {
        id: input.id, version: input.version, action: 'reject', reason: `${input.reason}(依据:${input.basis})`,
        input: { reason: input.reason, basis: input.basis, reviewerId: ctx.user.id, scenario },
      });
    }),
  ),
  withdraw: permissionProcedure('scenario.apply').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { scenario } = await lockRound(tx, ctx.user, input.id);
      mustOperate(ctx.user, scenario);
      return transition(tx, complianceMachine, ctx.actor, { id: input.id, version: input.version, action: 'withdraw', input: {} });
    }),
  ),
});

/** The step of the review the scenario is at, and whether the caller stands there (FORBIDDEN if not). */
async function reviewStep(db: DbOrTx, user: SessionUser, row: ScenarioRow): Promise<{ action: 'agencyApprove' | 'authorityApprove'; authority: Authority }> {
  const authority = await reviewingAuthority(db, row.agencyOrgId);
  if (row.status === 'authority_review') {
    if (!isAuthority(user, authority)) throw new DomainError('forbidden', '此步骤由实施机构同级的公共数据主管部门审核(HN-15 ¶2)');
    return { action: 'authorityApprove', authority };
  }
  if (!isAgencyOf(user, row)) throw new DomainError('forbidden', '此步骤由运营协议的实施机构审核(HN-15 ¶2)');
  return { action: 'agencyApprove', authority };
}

export const scenarioRouter = createTRPCRouter({
  list: permissionProcedure('scenario.read').input(ZListScenariosInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectScenarios(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  get: permissionProcedure('scenario.read').input(ZId).query(({ ctx, input }) => getScenario(ctx.db, ctx.user, input.id)),
  /** The caller's filed agreements in force, with the resources each authorizes and whether each may be operated. */
  agreementOptions: permissionProcedure('scenario.apply').query(async ({ ctx }) => {
    const rows = await agreementsInForce(ctx.db, ctx.user);
    const agencies = rows.length
      ? await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, rows.map((r) => r.agencyOrgId)))
      : [];
    return Promise.all(rows.map(async (a) => ({
      id: a.id, name: a.name, startsOn: a.startsOn, endsOn: a.endsOn,
      agencyName: agencies.find((o) => o.id === a.agencyOrgId)?.name ?? '',
      resources: await resourcesOf(ctx.db, a.resourceIds),
    })));
  }),
  create: permissionProcedure('scenario.apply').input(ZScenarioInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      // HN-22 ¶2: no new scenario application while the operator's authorized operation is suspended
      await assertNotSuspended(tx, ctx.user.orgId, '提出新的应用场景申请');
      const agreement = await agreementInForce(tx, ctx.user, input.agreementId);
      mustBeInAgreement(agreement, input.resourceIds);
      const { agreementId: _a, ...fields } = input;
      const row = await insertScenario(tx, ctx.actor, agreement, fields);
      return row;
    }),
  ),
  update: permissionProcedure('scenario.apply').input(ZUpdateScenarioInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const row = await lockScenario(tx, ctx.user, id);
      mustOperate(ctx.user, row);
      if (row.version !== version) throw conflict();
      if (!EDITABLE.includes(row.status)) throw precondition('审核中或已通过的申请不能修改(审核中的可先撤回)');
      const [agreement] = await tx.select({ resourceIds: operatingAgreements.resourceIds }).from(operatingAgreements).where(eq(operatingAgreements.id, row.agreementId));
      mustBeInAgreement(agreement, fields.resourceIds);
      return saveVersioned(tx, ctx.actor, scenarioApplications, 'scenario_application', { id, version, verb: 'update', before: scenarioFields(row), fields: scenarioFields(fields) });
    }),
  ),
  /** Submit (or resubmit after a rejection: a new review round) to the implementing agency. */
  submit: permissionProcedure('scenario.apply').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockScenario(tx, ctx.user, input.id);
      mustOperate(ctx.user, row);
      if (row.version !== input.version) throw conflict();
      if (EDITABLE.includes(row.status)) await assertNotSuspended(tx, ctx.user.orgId, '提交应用场景申请'); // HN-22 ¶2
      if (EDITABLE.includes(row.status)) await mustBeOperable(tx, ctx.user, row);
      return transition(tx, scenarioMachine, ctx.actor, { id: row.id, version: input.version, action: 'submit', input: {} });
    }),
  ),
  withdraw: permissionProcedure('scenario.apply').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockScenario(tx, ctx.user, input.id);
      mustOperate(ctx.user, row);
      return transition(tx, scenarioMachine, ctx.actor, { id: row.id, version: input.version, action: 'withdraw', input: {} });
    }),
  ),
  /** The agency passes it to the authority; the authority approves it (HN-15 ¶2). */
  approve: permissionProcedure('scenario.review').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockScenario(tx, ctx.user, input.id);
      const step = await reviewStep(tx, ctx.user, row);
      return transition(tx, scenarioMachine, ctx.actor, { id: row.id, version: input.version, action: step.action, input: { authority: step.authority } });
    }),
  ),
  /** Either reviewer rejects, with the reason and the basis (HN-15 ¶2). */
  reject: permissionProcedure('scenario.review').input(ZRejectInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockScenario(tx, ctx.user, input.id);
      await reviewStep(tx, ctx.user, row);
      return transition(tx, scenarioMachine, ctx.actor, {
        id: row.id, version: input.version, action: 'reject', reason: `${input.reason}(依据:${input.basis})`,
        input: { reason: input.reason, basis: input.basis },
      });
    }),
  ),
  compliance: complianceRouter,
});
