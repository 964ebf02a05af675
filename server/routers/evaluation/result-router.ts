import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { addFinding, findingToOrder, listFindings, removeFinding, ZAddFindingInput, ZFindingRef, ZFindingToOrderInput } from './findings';
import {
  confirmResults, divergences, myResult, overview, publishResults, resolveLeaf, resultStats, targetReport,
  ZCampaignVersionRef, ZReportRef, ZResolveInput, ZResultsRef,
} from './results';

/**
 * Aggregation, divergence, review, publication and results of a campaign (HN-22), findings →
 * rectification orders (HN-22 ¶2). Every procedure scopes by campaign-access.ts: the owner (and
 * the province, read only), the panel lead for divergences, each target for its own published
 * result; anything else NOT_FOUND.
 */
export const evaluationRouter = createTRPCRouter({
  /** Progress, totals, grades, ranks, divergent leaves (owner / province). */
  overview: permissionProcedure('campaign.manage').input(ZResultsRef).query(({ ctx, input }) => overview(ctx.db, ctx.user, input.campaignId)),
  /** Divergent leaves with each evaluator's score and comment (owner / province; the lead once scoring is closed). */
  divergences: permissionProcedure('campaign.read').input(ZResultsRef).query(({ ctx, input }) => divergences(ctx.db, ctx.user, input.campaignId)),
  /** The lead's resolution of a divergent leaf, with a reason. */
  resolve: permissionProcedure('campaign.score').input(ZResolveInput).mutation(({ ctx, input }) => resolveLeaf(ctx.db, ctx.actor, ctx.user, input)),
  /** The owner confirms and freezes the results. */
  confirm: permissionProcedure('campaign.manage').input(ZCampaignVersionRef).mutation(({ ctx, input }) => confirmResults(ctx.db, ctx.actor, ctx.user, input)),
  /** The owner publishes the confirmed results (campaign machine). */
  publish: permissionProcedure('campaign.manage').input(ZCampaignVersionRef).mutation(({ ctx, input }) => publishResults(ctx.db, ctx.actor, ctx.user, input)),
  /** A target's own result, after publication (no evaluator names). */
  mine: permissionProcedure('campaign.self').input(ZResultsRef).query(({ ctx, input }) => myResult(ctx.db, ctx.user, input.campaignId)),
  /** One target's report (the manager any target; the target its own after publication). */
  report: permissionProcedure('campaign.read').input(ZReportRef).query(({ ctx, input }) => targetReport(ctx.db, ctx.user, input.targetId)),
  /** Grade distribution, mean per dimension, per region (after confirmation). */
  stats: permissionProcedure('campaign.manage').input(ZResultsRef).query(({ ctx, input }) => resultStats(ctx.db, ctx.user, input.campaignId)),
  findings: permissionProcedure('campaign.manage').input(ZResultsRef).query(({ ctx, input }) => listFindings(ctx.db, ctx.user, input.campaignId)),
  addFinding: permissionProcedure('campaign.manage').input(ZAddFindingInput).mutation(({ ctx, input }) => addFinding(ctx.db, ctx.actor, ctx.user, input)),
  removeFinding: permissionProcedure('campaign.manage').input(ZFindingRef).mutation(({ ctx, input }) => removeFinding(ctx.db, ctx.actor, ctx.user, input)),
  /** One step: the finding becomes a rectification order (once). */
  findingToOrder: permissionProcedure('rectification.issue').input(ZFindingToOrderInput).mutation(({ ctx, input }) => findingToOrder(ctx.db, ctx.actor, ctx.user, input)),
});
