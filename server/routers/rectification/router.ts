import { z } from 'zod';
import { notFound } from '@/server/domain/errors';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { createCriticism, criticisableOptions, ordersOfOrg, selectCriticisms } from './criticisms';
import { cancelInterview, holdInterview, scheduleInterview, selectInterviews } from './interviews';
import type { OrderAction } from './order-machine';
import {
  addProgress, decideExtension, getOrder, issueScoped, orderCounts, orderStep, requestExtension, selectOrders, targetOptions,
} from './orders';
import {
  ZAcceptInput, ZCancelInput, ZCancelInterviewInput, ZCriticismInput, ZExtensionDecideInput, ZExtensionRequestInput, ZHoldInterviewInput, ZId,
  ZIssueOrderInput, ZListCriticismsInput, ZListInterviewsInput, ZListOrdersInput, ZListSuspensionsInput, ZProgressInput, ZResumeInput, ZReturnInput,
  ZScheduleInterviewInput, ZSubmitPlanInput, ZTargetSearch, ZVerifyRequestInput,
} from './schema';
import { mySuspension, resumeSuspension, selectSuspensions } from './suspensions';

type StepInput = typeof ZSubmitPlanInput | typeof ZAcceptInput | typeof ZReturnInput | typeof ZCancelInput | typeof ZVerifyRequestInput;

/** A step of an order's workflow (order-machine.ts); the party check gives a precondition, not FORBIDDEN. */
const step = (action: OrderAction, permission: 'rectification.issue' | 'rectification.respond', input: StepInput) =>
  permissionProcedure(permission).input(input).mutation(({ ctx, input: ref }) => orderStep(ctx.db, ctx.actor, ctx.user, action, ref, new Date()));

/** 整改 (HN-20, HN-22 ¶2, ID-14). */
export const rectificationRouter = createTRPCRouter({
  /** Orders in the caller's scope (the issuer's and the target's lists), with the time left / overdue. */
  list: permissionProcedure('rectification.read').input(ZListOrdersInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectOrders(ctx.db, ctx.user, filter, { cursor, limit }, new Date());
  }),
  /** Counts for the tabs: all, open, due within 7 days, overdue. */
  counts: permissionProcedure('rectification.read').query(({ ctx }) => orderCounts(ctx.db, ctx.user, new Date())),
  get: permissionProcedure('rectification.read').input(ZId).query(async ({ ctx, input }) => {
    const r = await getOrder(ctx.db, ctx.user, ctx.actor, input.id, new Date());
    if (!r) throw notFound('整改通知');
    return r;
  }),
  /** Organizations the caller may order to rectify (HN-20). */
  targets: permissionProcedure('rectification.issue').input(ZTargetSearch).query(({ ctx, input }) => targetOptions(ctx.db, ctx.user, input.q)),
  issue: permissionProcedure('rectification.issue').input(ZIssueOrderInput).mutation(({ ctx, input }) => issueScoped(ctx.db, ctx.actor, ctx.user, input, new Date())),
  submitPlan: step('submitPlan', 'rectification.respond', ZSubmitPlanInput),
  acceptPlan: step('acceptPlan', 'rectification.issue', ZAcceptInput),
  returnPlan: step('returnPlan', 'rectification.issue', ZReturnInput),
  /** A progress update with % done (evidence files attach to the returned entry). */
  progress: permissionProcedure('rectification.respond').input(ZProgressInput).mutation(({ ctx, input }) => addProgress(ctx.db, ctx.actor, ctx.user, input, new Date())),
  requestVerify: step('requestVerify', 'rectification.respond', ZVerifyRequestInput),
  acceptVerify: step('acceptVerify', 'rectification.issue', ZAcceptInput),
  returnVerify: step('returnVerify', 'rectification.issue', ZReturnInput),
  cancel: step('cancel', 'rectification.issue', ZCancelInput),
  /** The due time moves only by a granted extension. */
  requestExtension: permissionProcedure('rectification.respond').input(ZExtensionRequestInput).mutation(({ ctx, input }) =>
    requestExtension(ctx.db, ctx.actor, ctx.user, input, new Date())),
  decideExtension: permissionProcedure('rectification.issue').input(ZExtensionDecideInput).mutation(({ ctx, input }) =>
    decideExtension(ctx.db, ctx.actor, ctx.user, input, new Date())),
});

/** 暂停授权运营 and 约谈 (HN-22 ¶2). */
export const suspensionRouter = createTRPCRouter({
  list: permissionProcedure('suspension.read').input(ZListSuspensionsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectSuspensions(ctx.db, ctx.user, filter, { cursor, limit }, new Date());
  }),
  /** The caller's own organization's active suspension (the console home shows it). */
  mine: permissionProcedure('suspension.read').query(({ ctx }) => mySuspension(ctx.db, ctx.user, new Date())),
  /** Resume operation: an explicit decision with a reason. */
  resume: permissionProcedure('suspension.decide').input(ZResumeInput).mutation(({ ctx, input }) => resumeSuspension(ctx.db, ctx.actor, ctx.user, input, new Date())),
  interviews: permissionProcedure('suspension.read').input(ZListInterviewsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectInterviews(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  scheduleInterview: permissionProcedure('suspension.decide').input(ZScheduleInterviewInput).mutation(({ ctx, input }) =>
    scheduleInterview(ctx.db, ctx.actor, ctx.user, input, new Date())),
  holdInterview: permissionProcedure('suspension.decide').input(ZHoldInterviewInput).mutation(({ ctx, input }) =>
    holdInterview(ctx.db, ctx.actor, ctx.user, input, new Date())),
  cancelInterview: permissionProcedure('suspension.decide').input(ZCancelInterviewInput).mutation(({ ctx, input }) =>
    cancelInterview(ctx.db, ctx.actor, ctx.user, input)),
});

/** 通报批评 (HN-24). */
export const criticismRouter = createTRPCRouter({
  list: permissionProcedure('criticism.read').input(ZListCriticismsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectCriticisms(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  create: permissionProcedure('criticism.write').input(ZCriticismInput).mutation(({ ctx, input }) => createCriticism(ctx.db, ctx.actor, ctx.user, input, new Date())),
  /** Organizations the caller may name (HN-24 本级: a municipal authority its region). */
  orgOptions: permissionProcedure('criticism.write').input(ZTargetSearch).query(({ ctx, input }) => criticisableOptions(ctx.db, ctx.user, input.q)),
  /** Orders targeting an organization, to link. */
  orders: permissionProcedure('criticism.write').input(z.object({ orgId: z.uuid({ message: '请选择被通报单位' }) })).query(({ ctx, input }) => ordersOfOrg(ctx.db, ctx.user, input.orgId)),
});
