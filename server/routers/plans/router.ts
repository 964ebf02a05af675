import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { implementationPlans, operatingAgreements, regions } from '@/db/schema';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { isInForce } from '@/server/domain/filings';
import type { ScopeSubject } from '@/server/domain/scope';
import { transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import {
  AGREEMENT_FILING, agreementDetail, agreementResourceOptions, agreementSnapshot, agreementStepInput, decideException, linkablePlans,
  lockAgreement, recordAgreementDecision, recordExitPath, writeAgreement,
} from './agreement';
import { mustOwn, notAfterToday, onOrBefore, orgsOfType } from './common';
import { diffSnapshots } from './diff';
import { agreementMachine, planMachine } from './machines';
import { lockPlan, PLAN_FILING, planDetail, planResourceOptions, planSnapshot, planStepInput, recordPlan, writePlan } from './plan';
import { agreementScope, planScope, selectAgreements, selectPlans } from './query';
import { AGREEMENT_KIND, decideReceipt, frozenSnapshot, PLAN_KIND, type FilingKind } from './receipts';
import {
  ZAgreementDecisionInput, ZAgreementInput, ZApprovalInput, ZDecisionInput, ZDiffInput, ZExceptionDecisionInput, ZExitPathInput, ZId,
  ZListAgreementsInput, ZListPlansInput, ZOptionsInput, ZPlanInput, ZReasonRef, ZRef, ZUpdateAgreementInput, ZUpdatePlanInput,
} from './schema';

const today = () => shanghaiDate(new Date());

/** The regions present in a scope, for the region filter. */
async function regionFacet(db: DbOrTx, column: PgColumn, table: typeof implementationPlans | typeof operatingAgreements, scope: SQL) {
  const codes = (await db.selectDistinct({ code: column }).from(table).where(scope)).map((r) => r.code as string);
  if (!codes.length) return [];
  return db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)).orderBy(asc(regions.sort));
}

/** Difference between two versions of a filing (0 = the working copy). */
async function versionDiff(db: DbOrTx, kind: FilingKind, id: string, from: number, to: number, current: () => Promise<unknown>) {
  const snap = (n: number) => (n === 0 ? current() : frozenSnapshot(db, kind, id, n));
  return { from, to, changes: diffSnapshots(await snap(from), await snap(to)) };
}

/** The working copy may be written: the caller's version is current and it is not out for filing. */
function mustBeEditable(row: { version: number; status: string }, version: number, label: string) {
  if (row.version !== version) throw conflict();
  if (row.status === 'filing') throw precondition(`备案中的${label}不能修改,如需修改请先撤回`);
  if (row.status === 'ended') throw precondition(`已终止的${label}不能修改`);
}

/** The 三重一大 and approval records belong to a working copy in draft or returned. */
function mustBeRecordable(row: { version: number; status: string }, version: number, label: string) {
  if (row.version !== version) throw conflict();
  if (row.status !== 'draft' && row.status !== 'returned') throw precondition(`只有草稿或已退回的${label}可以登记决策和审批记录;已备案的请先修改形成新的工作稿`);
}

async function ownedPlan(tx: DbOrTx, user: ScopeSubject, id: string) {
  const row = await lockPlan(tx, user, id);
  mustOwn(row.ownerOrgId, user, '只能修改本机构编制的实施方案(HN-11 ¶1)');
  return row;
}

async function ownedAgreement(tx: DbOrTx, user: ScopeSubject, id: string) {
  const row = await lockAgreement(tx, user, id);
  mustOwn(row.agencyOrgId, user, '只能修改本机构签订的运营协议(HN-13 ¶1)');
  return row;
}

/** After saving the working copy: a filed one goes back to 草稿 (its filed version stays in force); else its version moves on. */
async function afterSave(row: { status: string }, revise: () => Promise<unknown>, bump: () => Promise<unknown>) {
  await (row.status === 'filed' || row.status === 'effective' ? revise() : bump());
}

// ---- implementation plans (HN-11, HN-12)

export const planRouter = createTRPCRouter({
  list: permissionProcedure('plan.read').input(ZListPlansInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectPlans(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  facets: permissionProcedure('plan.read').query(async ({ ctx }) => ({
    regions: await regionFacet(ctx.db, implementationPlans.regionCode, implementationPlans, planScope(ctx.user)),
  })),
  get: permissionProcedure('plan.read').input(ZId).query(({ ctx, input }) => planDetail(ctx.db, ctx.user, ctx.actor, input.id)),
  /** HN-11 ¶2: the provincial industry departments a city's plan may be filed to. */
  industryOptions: permissionProcedure('plan.write').query(({ ctx }) => orgsOfType(ctx.db, 'industry_dept')),
  /** HN-12(4): published catalog resources of the caller's city (the province: all). */
  resourceOptions: permissionProcedure('plan.write').input(ZOptionsInput).query(({ ctx, input }) => planResourceOptions(ctx.db, ctx.user.regionCode, input.q)),
  create: permissionProcedure('plan.write').input(ZPlanInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => ({ id: await writePlan(tx, ctx.actor, { orgId: ctx.user.orgId, regionCode: ctx.user.regionCode }, input, null) })),
  ),
  update: permissionProcedure('plan.write').input(ZUpdatePlanInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const row = await ownedPlan(tx, ctx.user, id);
      mustBeEditable(row, version, '实施方案');
      await writePlan(tx, ctx.actor, { orgId: row.ownerOrgId, regionCode: row.regionCode }, fields, row);
      await afterSave(row,
        () => transition(tx, planMachine, ctx.actor, { id, version, action: 'revise', input: {}, scope: planScope(ctx.user) }),
        () => tx.update(implementationPlans).set({ version: version + 1 }).where(eq(implementationPlans.id, id)));
      return { id };
    }),
  ),
  /** HN-11 ¶1: the 三重一大 decision (its minutes are uploaded as attachments). */
  recordDecision: permissionProcedure('plan.write').input(ZDecisionInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await ownedPlan(tx, ctx.user, input.id);
      mustBeRecordable(row, input.version, '实施方案');
      notAfterToday('decisionOn', input.decisionOn, today(), '决策日期');
      if (!onOrBefore(input.decisionOn, row.approvalOn)) throw invalidField('decisionOn', `决策日期不能晚于政府审议通过日期 ${row.approvalOn}(HN-11 ¶1)`);
      await recordPlan(tx, ctx.actor, row, 'record_decision', { decisionOn: input.decisionOn, decisionMeeting: input.decisionMeeting });
      return { id: row.id };
    }),
  ),
  /** HN-11 ¶1: 经本级政府审议通过, after the 三重一大 decision. */
  recordApproval: permissionProcedure('plan.write').input(ZApprovalInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await ownedPlan(tx, ctx.user, input.id);
      mustBeRecordable(row, input.version, '实施方案');
      if (!row.decisionOn) throw precondition('请先登记“三重一大”决策记录,再登记本级政府审议通过记录', 'HN-11 ¶1');
      notAfterToday('approvalOn', input.approvalOn, today(), '审议通过日期');
      if (input.approvalOn < row.decisionOn) throw invalidField('approvalOn', `政府审议通过日期不能早于“三重一大”决策日期 ${row.decisionOn}(HN-11 ¶1)`);
      await recordPlan(tx, ctx.actor, row, 'record_approval', { approvalOn: input.approvalOn, approvalRef: input.approvalRef });
      return { id: row.id };
    }),
  ),
  /** HN-11 ¶2: a city's plan is filed to the province and the industry department at once. */
  file: permissionProcedure('plan.write').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockPlan(tx, ctx.user, input.id);
      return transition(tx, planMachine, ctx.actor, { ...input, action: 'file', scope: planScope(ctx.user), input: await planStepInput(tx, row) });
    }),
  ),
  /** A provincial plan takes effect without filing (HN-11 ¶2 covers 省辖市 only). */
  enact: permissionProcedure('plan.write').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockPlan(tx, ctx.user, input.id);
      return transition(tx, planMachine, ctx.actor, { ...input, action: 'enact', scope: planScope(ctx.user), input: await planStepInput(tx, row) });
    }),
  ),
  withdraw: permissionProcedure('plan.write').input(ZRef).mutation(({ ctx, input }) =>
    transition(ctx.db, planMachine, ctx.actor, { ...input, action: 'withdraw', scope: planScope(ctx.user), input: {} }),
  ),
  receipt: createTRPCRouter({
    /** 备案: the caller's organization acknowledges its receipt of the current version. */
    acknowledge: permissionProcedure('filing.ack').input(ZRef).mutation(({ ctx, input }) =>
      decideReceipt(ctx.db, ctx.actor, ctx.user, PLAN_KIND, PLAN_FILING, { ...input, action: 'acknowledge' }),
    ),
    /** 退回: with the reason the owner sees. */
    return: permissionProcedure('filing.ack').input(ZReasonRef).mutation(({ ctx, input }) =>
      decideReceipt(ctx.db, ctx.actor, ctx.user, PLAN_KIND, PLAN_FILING, { ...input, action: 'return' }),
    ),
  }),
  diff: permissionProcedure('plan.read').input(ZDiffInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(implementationPlans).where(and(eq(implementationPlans.id, input.id), planScope(ctx.user)));
    if (!row) throw notFound('实施方案');
    return versionDiff(ctx.db, PLAN_KIND, row.id, input.from, input.to, () => planSnapshot(ctx.db, row));
  }),
});

// ---- operating agreements (HN-13, HN-14)

export const agreementRouter = createTRPCRouter({
  list: permissionProcedure('agreement.read').input(ZListAgreementsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectAgreements(ctx.db, ctx.user, filter, { cursor, limit }, today());
  }),
  facets: permissionProcedure('agreement.read').query(async ({ ctx }) => ({
    regions: await regionFacet(ctx.db, operatingAgreements.regionCode, operatingAgreements, agreementScope(ctx.user)),
  })),
  get: permissionProcedure('agreement.read').input(ZId).query(({ ctx, input }) => agreementDetail(ctx.db, ctx.user, ctx.actor, input.id, today())),
  /** The parties an agreement may name (HN-13) and the plans in force it may implement. */
  options: permissionProcedure('agreement.write').query(async ({ ctx }) => ({
    operators: await orgsOfType(ctx.db, 'operator'),
    industries: await orgsOfType(ctx.db, 'industry_dept'),
    plans: await linkablePlans(ctx.db, ctx.user.regionCode),
  })),
  /** HN-14(1): the agency's own or its region's published resources, each with whether it may be operated. */
  resourceOptions: permissionProcedure('agreement.write').input(ZOptionsInput).query(({ ctx, input }) => agreementResourceOptions(ctx.db, ctx.user, today(), input.q)),
  create: permissionProcedure('agreement.write').input(ZAgreementInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => ({ id: await writeAgreement(tx, ctx.actor, ctx.user, input, null) })),
  ),
  update: permissionProcedure('agreement.write').input(ZUpdateAgreementInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const row = await ownedAgreement(tx, ctx.user, id);
      mustBeEditable(row, version, '运营协议');
      await writeAgreement(tx, ctx.actor, ctx.user, fields, row);
      await afterSave(row,
        () => transition(tx, agreementMachine, ctx.actor, { id, version, action: 'revise', input: {}, scope: agreementScope(ctx.user) }),
        () => tx.update(operatingAgreements).set({ version: version + 1 }).where(eq(operatingAgreements.id, id)));
      return { id };
    }),
  ),
  /** HN-13 ¶1: 经实施机构“三重一大”决策机制审议通过后签订. */
  recordDecision: permissionProcedure('agreement.write').input(ZAgreementDecisionInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await ownedAgreement(tx, ctx.user, input.id);
      mustBeRecordable(row, input.version, '运营协议');
      notAfterToday('decisionOn', input.decisionOn, today(), '决策日期');
      if (!onOrBefore(input.decisionOn, row.signedOn)) throw invalidField('decisionOn', `运营协议应当经“三重一大”决策审议通过后签订:决策日期不能晚于签订日期 ${row.signedOn}(HN-13 ¶1)`);
      await recordAgreementDecision(tx, ctx.actor, row, { decisionOn: input.decisionOn, decisionMeeting: input.decisionMeeting });
      return { id: row.id };
    }),
  ),
  /** HN-13 ¶2: filed to the province and the provincial industry department, each acknowledging on its own. */
  file: permissionProcedure('agreement.write').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockAgreement(tx, ctx.user, input.id);
      return transition(tx, agreementMachine, ctx.actor, { ...input, action: 'file', scope: agreementScope(ctx.user), input: await agreementStepInput(tx, row) });
    }),
  ),
  withdraw: permissionProcedure('agreement.write').input(ZRef).mutation(({ ctx, input }) =>
    transition(ctx.db, agreementMachine, ctx.actor, { ...input, action: 'withdraw', scope: agreementScope(ctx.user), input: {} }),
  ),
  /** HN-14(9), HN-14(12): the agreement ends by the recorded exit. */
  end: permissionProcedure('agreement.write').input(ZReasonRef).mutation(({ ctx, input }) =>
    transition(ctx.db, agreementMachine, ctx.actor, { id: input.id, version: input.version, reason: input.reason, action: 'end', scope: agreementScope(ctx.user), input: {} }),
  ),
  /** HN-14(9): renewal or exit at the end of the term, recorded by the agency. */
  recordExitPath: permissionProcedure('agreement.write').input(ZExitPathInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await ownedAgreement(tx, ctx.user, input.id);
      if (row.version !== input.version) throw conflict();
      if (!isInForce(row)) throw precondition('只有已备案且未终止的运营协议可以登记续约或退出安排', 'HN-14(9)');
      await recordExitPath(tx, ctx.actor, row, input.exitPath, input.exitNote);
      return { id: row.id };
    }),
  ),
  /** HN-14(2): the province approves or refuses a term over 3 years. */
  decideException: permissionProcedure('agreement.exception.decide').input(ZExceptionDecisionInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockAgreement(tx, ctx.user, input.id);
      if (row.version !== input.version) throw conflict();
      if (row.exceptionStatus !== 'pending') throw precondition('该协议没有待审批的运营期限例外申请', 'HN-14(2)');
      await decideException(tx, ctx.actor, row, input.decision, input.reason ?? null);
      return { id: row.id };
    }),
  ),
  receipt: createTRPCRouter({
    acknowledge: permissionProcedure('filing.ack').input(ZRef).mutation(({ ctx, input }) =>
      decideReceipt(ctx.db, ctx.actor, ctx.user, AGREEMENT_KIND, AGREEMENT_FILING, { ...input, action: 'acknowledge' }),
    ),
    return: permissionProcedure('filing.ack').input(ZReasonRef).mutation(({ ctx, input }) =>
      decideReceipt(ctx.db, ctx.actor, ctx.user, AGREEMENT_KIND, AGREEMENT_FILING, { ...input, action: 'return' }),
    ),
  }),
  diff: permissionProcedure('agreement.read').input(ZDiffInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(operatingAgreements).where(and(eq(operatingAgreements.id, input.id), agreementScope(ctx.user)));
    if (!row) throw notFound('运营协议');
    return versionDiff(ctx.db, AGREEMENT_KIND, row.id, input.from, input.to, () => agreementSnapshot(ctx.db, row));
  }),
});

