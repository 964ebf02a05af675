import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import {
  ZCampaignRef, ZCreateCampaignInput, ZDeclareInput, ZFormOptionsInput, ZId, ZListCampaignsInput, ZRef, ZSaveScoreInput, ZSaveSelfInput, ZStepInput,
  ZSubmitScoresInput, ZSubmitSelfInput, ZTargetRef, ZUpdateCampaignInput,
} from './campaign-schema';
import { createCampaign, deleteCampaign, formOptions, getCampaign, selectCampaigns, stepCampaign, updateCampaign } from './campaigns';
import { declare, myTargets, saveScore, scoringView, submitScores } from './scoring';
import { getSelf, saveSelf, submitSelf } from './self-assessment';

/**
 * 年度评价 campaigns (HN-22): set-up, self-assessment, conflicts of interest, blind scoring.
 * Rows are scoped in campaign-access.ts: the owner and the province, the panel members, each
 * target for its own row; anything else is NOT_FOUND.
 */
export const campaignRouter = createTRPCRouter({
  list: permissionProcedure('campaign.read').input(ZListCampaignsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectCampaigns(ctx.db, ctx.user, filter, { cursor, limit }, new Date());
  }),
  get: permissionProcedure('campaign.read').input(ZId).query(({ ctx, input }) => getCampaign(ctx.db, ctx.user, input.id, new Date())),
  /** What the set-up form offers for a target kind (published versions, targets in reach, evaluators). */
  formOptions: permissionProcedure('campaign.manage').input(ZFormOptionsInput).query(({ ctx, input }) => formOptions(ctx.db, ctx.user, input.targetKind)),
  create: permissionProcedure('campaign.manage').input(ZCreateCampaignInput).mutation(({ ctx, input }) => createCampaign(ctx.db, ctx.actor, ctx.user, input)),
  /** Edit a draft (settings, targets, panel, schedule). */
  update: permissionProcedure('campaign.manage').input(ZUpdateCampaignInput).mutation(({ ctx, input }) => updateCampaign(ctx.db, ctx.actor, ctx.user, input)),
  remove: permissionProcedure('campaign.manage').input(ZRef).mutation(({ ctx, input }) => deleteCampaign(ctx.db, ctx.actor, ctx.user, input)),
  /** The owner's steps: start (self-assessment), open scoring, close scoring (review). */
  step: permissionProcedure('campaign.manage').input(ZStepInput).mutation(({ ctx, input }) => stepCampaign(ctx.db, ctx.actor, ctx.user, input)),

  /** 自评 by the target (HN-22 ¶2). */
  self: createTRPCRouter({
    get: permissionProcedure('campaign.self').input(ZCampaignRef).query(({ ctx, input }) => getSelf(ctx.db, ctx.user, input.campaignId, new Date())),
    save: permissionProcedure('campaign.self').input(ZSaveSelfInput).mutation(({ ctx, input }) => saveSelf(ctx.db, ctx.actor, ctx.user, input)),
    submit: permissionProcedure('campaign.self').input(ZSubmitSelfInput).mutation(({ ctx, input }) => submitSelf(ctx.db, ctx.actor, ctx.user, input)),
  }),

  /** The panel: conflict-of-interest declarations and blind scoring (HN-22). */
  scoring: createTRPCRouter({
    /** The evaluator's home for a campaign: its targets, COI status, progress, deadline. */
    targets: permissionProcedure('campaign.score').input(ZCampaignRef).query(({ ctx, input }) => myTargets(ctx.db, ctx.user, input.campaignId, new Date())),
    declare: permissionProcedure('campaign.score').input(ZDeclareInput).mutation(({ ctx, input }) => declare(ctx.db, ctx.actor, ctx.user, input)),
    /** The scoring screen of one target (others' scores only after this evaluator's own submission). */
    get: permissionProcedure('campaign.score').input(ZTargetRef).query(({ ctx, input }) => scoringView(ctx.db, ctx.user, input.targetId, new Date())),
    save: permissionProcedure('campaign.score').input(ZSaveScoreInput).mutation(({ ctx, input }) => saveScore(ctx.db, ctx.actor, ctx.user, input)),
    submit: permissionProcedure('campaign.score').input(ZSubmitScoresInput).mutation(({ ctx, input }) => submitScores(ctx.db, ctx.actor, ctx.user, input)),
  }),
});
