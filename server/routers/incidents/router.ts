import { notFound } from '@/server/domain/errors';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { acknowledge, endHandling, followUp, openOrder, recordNotification, reportIncident, reportOptions, reviewIncident, submitSummary } from './incidents';
import { loadIncidentPolicy, updateIncidentPolicy } from './policy';
import { getIncident, incidentStats, selectIncidents } from './query';
import {
  ZEndHandlingInput, ZFollowUpInput, ZId, ZListIncidentsInput, ZNotifyInput, ZOpenOrderInput, ZReportIncidentInput, ZReviewInput, ZStatsInput,
  ZSummaryInput, ZUpdateIncidentPolicyInput,
} from './schema';

/** Incident and risk reports (HN-18, ID-12 ¶3, the national incident-reporting rules). */
export const incidentRouter = createTRPCRouter({
  list: permissionProcedure('incident.read').input(ZListIncidentsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectIncidents(ctx.db, ctx.user, filter, { cursor, limit }, new Date());
  }),
  /** Incidents per month and grade, per type, and the counters, for the list's filters. */
  stats: permissionProcedure('incident.read').input(ZStatsInput).query(({ ctx, input }) => incidentStats(ctx.db, ctx.user, input, new Date())),
  get: permissionProcedure('incident.read').input(ZId).query(async ({ ctx, input }) => {
    const r = await getIncident(ctx.db, ctx.user, ctx.actor, input.id, new Date());
    if (!r) throw notFound('安全事件');
    return r;
  }),
  /** The grading guide's thresholds and the clocks in force (the severity help of every form). */
  grading: permissionProcedure('incident.read').query(({ ctx }) => loadIncidentPolicy(ctx.db)),
  /** The reporter, its regime and clock, its agreements in force. */
  options: permissionProcedure('incident.report').query(({ ctx }) => reportOptions(ctx.db, ctx.user, new Date())),
  report: permissionProcedure('incident.report').input(ZReportIncidentInput).mutation(({ ctx, input }) => reportIncident(ctx.db, ctx.actor, ctx.user, input, new Date())),
  followUp: permissionProcedure('incident.report').input(ZFollowUpInput).mutation(({ ctx, input }) => followUp(ctx.db, ctx.actor, ctx.user, input, new Date())),
  notify: permissionProcedure('incident.report').input(ZNotifyInput).mutation(({ ctx, input }) => recordNotification(ctx.db, ctx.actor, ctx.user, input, new Date())),
  endHandling: permissionProcedure('incident.report').input(ZEndHandlingInput).mutation(({ ctx, input }) => endHandling(ctx.db, ctx.actor, ctx.user, input, new Date())),
  submitSummary: permissionProcedure('incident.report').input(ZSummaryInput).mutation(({ ctx, input }) => submitSummary(ctx.db, ctx.actor, ctx.user, input, new Date())),
  /** A recipient confirms receipt (its own receipts only). */
  acknowledge: permissionProcedure('incident.receive').input(ZId).mutation(({ ctx, input }) => acknowledge(ctx.db, ctx.actor, ctx.user, input.id, new Date())),
  /** Closure review: accept or ask for more; optionally a rectification order at the same time. */
  review: permissionProcedure('incident.review').input(ZReviewInput).mutation(({ ctx, input }) => reviewIncident(ctx.db, ctx.actor, ctx.user, input, new Date())),
  openOrder: permissionProcedure('incident.review').input(ZOpenOrderInput).mutation(({ ctx, input }) => openOrder(ctx.db, ctx.actor, ctx.user, input, new Date())),
});

/** The incident policy table: grading thresholds and reporting clocks (secadmin, 三权分立). */
export const incidentPolicyRouter = createTRPCRouter({
  get: permissionProcedure('security.incidentPolicy.read').query(({ ctx }) => loadIncidentPolicy(ctx.db)),
  update: permissionProcedure('security.incidentPolicy.write').input(ZUpdateIncidentPolicyInput).mutation(({ ctx, input }) => updateIncidentPolicy(ctx.db, ctx.actor, input)),
});
