import { shanghaiDate } from '@/server/domain/deadlines';
import { notFound } from '@/server/domain/errors';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { getQuality, qualityAnswerRecord, qualityStep, raisableResources, raiseQuality, selectQuality, type QualityAction } from './quality';
import {
  createReport, deliverReport, developerSuggestions, getReport, markReportRead, reportAgreements, reportDiff, reportHistory, reportOverview,
  reportPolicy, saveReport, updateReportPolicy,
} from './report';
import { selectPeriods } from './report-query';
import {
  ZCloseRef, ZCorrectReportInput, ZDiffInput, ZId, ZListQualityInput, ZListReportsInput, ZMessageRef, ZPeriodInput, ZRaiseQualityInput, ZRef,
  ZReportPolicyInput, ZSaveReportInput, ZSubmitReportInput, ZYearInput,
} from './schema';

/** A step of a quality request: the clock and its rules live in quality.ts / quality-machine.ts. */
const qualityStepProcedure = (action: QualityAction, permission: 'quality.raise' | 'quality.answer', input: typeof ZMessageRef | typeof ZCloseRef) =>
  permissionProcedure(permission).input(input).mutation(({ ctx, input: ref }) => qualityStep(ctx.db, ctx.actor, ctx.user, action, ref, new Date()));

/** 数据校核 (HN-16). */
export const qualityRouter = createTRPCRouter({
  list: permissionProcedure('quality.read').input(ZListQualityInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectQuality(ctx.db, ctx.user, filter, { cursor, limit }, new Date());
  }),
  get: permissionProcedure('quality.read').input(ZId).query(async ({ ctx, input }) => {
    const r = await getQuality(ctx.db, ctx.user, ctx.actor, input.id, new Date());
    if (!r) throw notFound('数据校核需求');
    return r;
  }),
  /** Resources of the operator's agreements in force, with their data items. */
  resourceOptions: permissionProcedure('quality.raise').query(({ ctx }) => raisableResources(ctx.db, ctx.user.orgId, shanghaiDate(new Date()))),
  raise: permissionProcedure('quality.raise').input(ZRaiseQualityInput).mutation(({ ctx, input }) => raiseQuality(ctx.db, ctx.actor, ctx.user, input, new Date())),
  /** The provider asks the operator to clarify: the clock pauses. */
  clarify: qualityStepProcedure('clarify', 'quality.answer', ZMessageRef),
  /** The operator clarifies: the clock resumes with the working days that were left. */
  reply: qualityStepProcedure('reply', 'quality.raise', ZMessageRef),
  answer: qualityStepProcedure('answer', 'quality.answer', ZMessageRef),
  /** The operator accepts the answer. */
  close: qualityStepProcedure('close', 'quality.raise', ZCloseRef),
  /** The operator is not satisfied: a follow-up, with a new clock of 7 working days. */
  reopen: qualityStepProcedure('reopen', 'quality.raise', ZMessageRef),
  withdraw: qualityStepProcedure('withdraw', 'quality.raise', ZMessageRef),
  /** Per provider: requests of a year, answered late, open past due (for supervision and evaluations). */
  providerRecord: permissionProcedure('quality.read').input(ZYearInput).query(({ ctx, input }) => qualityAnswerRecord(ctx.db, ctx.user, input.year, new Date())),
});

/** 季度报告 / 年度总结 (HN-22 ¶3). */
export const reportRouter = createTRPCRouter({
  /** Filed, late, missing and pending periods of the agreements in the caller's scope. */
  list: permissionProcedure('report.read').input(ZListReportsInput).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    const { quarterlyDueDays } = await reportPolicy(ctx.db);
    return selectPeriods(ctx.db, ctx.user, filter, { cursor, limit }, new Date(), quarterlyDueDays);
  }),
  overview: permissionProcedure('report.read').query(({ ctx }) => reportOverview(ctx.db, ctx.user, new Date())),
  agreements: permissionProcedure('report.read').query(({ ctx }) => reportAgreements(ctx.db, ctx.user)),
  get: permissionProcedure('report.read').input(ZId).query(async ({ ctx, input }) => {
    const r = await getReport(ctx.db, ctx.user, ctx.actor, input.id, new Date());
    if (!r) throw notFound('运营报告');
    return r;
  }),
  history: permissionProcedure('report.read').input(ZId).query(({ ctx, input }) => reportHistory(ctx.db, ctx.user, input.id)),
  diff: permissionProcedure('report.read').input(ZDiffInput).query(({ ctx, input }) => reportDiff(ctx.db, ctx.user, input)),
  developerSuggestions: permissionProcedure('report.write').query(({ ctx }) => developerSuggestions(ctx.db, ctx.user)),
  create: permissionProcedure('report.write').input(ZPeriodInput).mutation(({ ctx, input }) => createReport(ctx.db, ctx.actor, ctx.user, input, new Date())),
  save: permissionProcedure('report.write').input(ZSaveReportInput).mutation(({ ctx, input }) => saveReport(ctx.db, ctx.actor, ctx.user, input)),
  /** Submit: the report is locked and goes to the agency and its data authority. */
  submit: permissionProcedure('report.write').input(ZSubmitReportInput).mutation(({ ctx, input }) => deliverReport(ctx.db, ctx.actor, ctx.user, 'submit', input, new Date())),
  /** Correct a submitted report: a new version, with its reason, delivered again. */
  correct: permissionProcedure('report.write').input(ZCorrectReportInput).mutation(({ ctx, input }) => deliverReport(ctx.db, ctx.actor, ctx.user, 'correct', input, new Date())),
  /** A recipient marks its receipt read (已阅). */
  markRead: permissionProcedure('report.read').input(ZRef).mutation(({ ctx, input }) => markReportRead(ctx.db, ctx.actor, ctx.user, input, new Date())),
  policy: createTRPCRouter({
    get: permissionProcedure('report.read').query(({ ctx }) => reportPolicy(ctx.db)),
    update: permissionProcedure('report.policy.write').input(ZReportPolicyInput).mutation(({ ctx, input }) => updateReportPolicy(ctx.db, ctx.actor, input)),
  }),
});
