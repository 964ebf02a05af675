import { precondition } from '@/server/domain/errors';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import {
  createDraft, createSystem, diffVersions, discardDraft, getSystem, getVersion, loadTree, publishDraft, publishedVersions, saveDraft, selectSystems,
} from './indicators';
import {
  ZCreateDraftInput, ZCreateSystemInput, ZDiffInput, ZId, ZImportApplyInput, ZImportInput, ZListIndicatorsInput, ZPublishInput, ZRef, ZSaveDraftInput,
  ZTargetKindInput,
} from './indicator-schema';
import { planIndicatorImport } from './indicator-xlsx';

/** The draft an import goes into (a published version is frozen). */
async function importTarget(db: Parameters<typeof loadTree>[0], id: string) {
  const tree = await loadTree(db, id);
  if (tree.version.status !== 'draft') throw precondition(`v${tree.version.versionNo} 已发布,不能导入;请先新建草稿版本`, 'HN-22 ¶1');
  return { nodes: tree.nodes, gradeBands: tree.version.gradeBands };
}

/** 评价指标体系 (HN-22 ¶1 / ¶2): versioned trees of indicators, built by the province. */
export const indicatorRouter = createTRPCRouter({
  list: permissionProcedure('indicator.read').input(ZListIndicatorsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectSystems(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  /** A system and its versions (drafts for the province only). */
  get: permissionProcedure('indicator.read').input(ZId).query(({ ctx, input }) => getSystem(ctx.db, ctx.user, input.id)),
  /** One version's tree and grade bands. */
  version: permissionProcedure('indicator.read').input(ZId).query(({ ctx, input }) => getVersion(ctx.db, ctx.user, input.id)),
  /** For the campaign form: the published versions of one kind of target. */
  publishedVersions: permissionProcedure('indicator.read').input(ZTargetKindInput).query(({ ctx, input }) => publishedVersions(ctx.db, input.targetKind)),
  diff: permissionProcedure('indicator.read').input(ZDiffInput).query(({ ctx, input }) => diffVersions(ctx.db, ctx.user, input)),
  createSystem: permissionProcedure('indicator.write').input(ZCreateSystemInput).mutation(({ ctx, input }) => createSystem(ctx.db, ctx.actor, input)),
  /** A new draft copied from the latest published version (one draft per system). */
  createDraft: permissionProcedure('indicator.write').input(ZCreateDraftInput).mutation(({ ctx, input }) => createDraft(ctx.db, ctx.actor, input.systemId)),
  /** Replace the draft's whole tree and grade bands (checked; errors keyed nodes.<code>.<field>). */
  saveDraft: permissionProcedure('indicator.write').input(ZSaveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  publish: permissionProcedure('indicator.write').input(ZPublishInput).mutation(({ ctx, input }) => publishDraft(ctx.db, ctx.actor, input, new Date())),
  discardDraft: permissionProcedure('indicator.write').input(ZRef).mutation(({ ctx, input }) => discardDraft(ctx.db, ctx.actor, input)),
  /** Check an xlsx against the draft, row by row and column by column; writes nothing. */
  importDryRun: permissionProcedure('indicator.write').input(ZImportInput).mutation(async ({ ctx, input }) => {
    const draft = await importTarget(ctx.db, input.id);
    const { nodes: _n, ...report } = await planIndicatorImport(input.xlsxBase64, draft);
    return report;
  }),
  /** Check again and replace the draft's tree with the file's (all or nothing). */
  importApply: permissionProcedure('indicator.write').input(ZImportApplyInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const draft = await importTarget(tx, input.id);
      const plan = await planIndicatorImport(input.xlsxBase64, draft);
      if (plan.problems.length) throw precondition(`导入文件还有 ${plan.problems.length} 处问题,请按预检结果修改后重新上传`);
      const saved = await saveDraft(tx, ctx.actor, { id: input.id, version: input.version, gradeBands: plan.gradeBands, nodes: plan.nodes }, 'indicator_version.import');
      return { ...saved, summary: plan.summary };
    })),
});
