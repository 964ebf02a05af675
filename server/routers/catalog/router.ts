import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { catalogItems, catalogResources, catalogVersions, organizations, policies, regions, registrations } from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import {
  CATALOG_POLICY_KEY, catalogScope, nextRegistrationNo, noticeDates, noticeDays, reviewerOrgOf, reviewsResource,
} from '@/server/domain/catalog';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, DomainError, notFound, precondition } from '@/server/domain/errors';
import { likePattern } from '@/server/domain/paging';
import { can } from '@/server/domain/policy';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';
import { availableTransitions, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { diffSnapshots } from './diff';
import { keepItemIds, planImport } from './import';
import { registrationMachine, resourceMachine, type Recipient } from './machines';
import { getResource, selectConflicts, selectRegistrations, selectResources } from './query';
import { snapshotOf, submissionOf, writeResource, type Snapshot } from './save';
import {
  ZConflictListInput, ZDiffInput, ZImportInput, ZListRegistrationsInput, ZListResourcesInput, ZNoticePolicyInput, ZReasonRef, ZRef,
  ZRegistrationInput, ZResourceInput, ZRestoreInput, ZUpdateResourceInput, type ResourceInput,
} from './schema';

const today = () => shanghaiDate(new Date());
const ZId = z.object({ id: z.uuid() });
/** Keeps an IN list non-empty. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

type ResourceRow = typeof catalogResources.$inferSelect;

/** The resource row in the caller's scope, locked for the transaction (NOT_FOUND outside it). */
async function lockResource(tx: DbOrTx, user: ScopeSubject, id: string): Promise<ResourceRow> {
  const [row] = await tx.select().from(catalogResources).where(and(eq(catalogResources.id, id), catalogScope(user))).for('update');
  if (!row) throw notFound('数据资源');
  return row;
}

function mustOwn(row: { ownerOrgId: string }, user: ScopeSubject) {
  if (row.ownerOrgId !== user.orgId) throw new DomainError('forbidden', '只能维护本机构的目录(HN-9)');
}

function mustReview(row: { ownerOrgId: string; regionCode: string }, user: ScopeSubject) {
  if (!reviewsResource(user, row)) {
    throw new DomainError('forbidden', row.ownerOrgId === user.orgId ? '本机构编制的目录由省级公共数据主管部门审核' : '省级目录由省级公共数据主管部门审核');
  }
}

/** Whose inbox a returned resource goes to: the owner's catalog maintainers. */
async function ownerRecipient(db: DbOrTx, orgId: string): Promise<Recipient> {
  const [o] = await db.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, orgId));
  return { orgId, role: o?.type === 'municipal_authority' ? 'municipal_admin' : 'implementing_agency' };
}

/** Submit the working copy for review (a new version), as one workflow step. */
async function submitResource(tx: DbOrTx, actor: WorkflowActor, user: ScopeSubject, row: ResourceRow, version: number, restoredFrom: number | null) {
  return transition(tx, resourceMachine, actor, {
    id: row.id,
    version,
    action: 'submit',
    scope: catalogScope(user),
    reason: restoredFrom ? `恢复 v${restoredFrom}` : null,
    input: await submissionOf(tx, row, restoredFrom),
  });
}

function inputFromSnapshot(s: Snapshot): ResourceInput {
  return ZResourceInput.parse({
    code: s.code, name: s.name, providerOrgId: s.providerOrgId, summary: s.summary, format: s.format, updateCycle: s.updateCycle,
    shareType: s.shareType, shareCondition: s.shareCondition, openType: s.openType,
    items: s.items.map((i) => ({ ...i, fieldCode: i.fieldCode ?? null })),
  });
}

async function versionSnapshot(db: DbOrTx, resourceId: string, versionNo: number): Promise<Snapshot> {
  if (versionNo === 0) return snapshotOf(db, resourceId);
  const [v] = await db.select({ snapshot: catalogVersions.snapshot }).from(catalogVersions)
    .where(and(eq(catalogVersions.resourceId, resourceId), eq(catalogVersions.versionNo, versionNo)));
  if (!v) throw notFound(`版本 v${versionNo}`);
  return v.snapshot as Snapshot;
}

const resourceRouter = createTRPCRouter({
  list: permissionProcedure('catalog.read').input(ZListResourcesInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectResources(ctx.db, ctx.user, filter, { cursor, limit }, today());
  }),
  /** Regions and providers present in the caller's scope, for the filters. */
  facets: permissionProcedure('catalog.read').query(async ({ ctx }) => {
    // Province-wide: an EXISTS probe per organization / region stops at its first row. A narrower
    // scope (a city, an industry, one organization) is small: read its distinct pairs in one pass.
    let providerCond, regionCond;
    if (scopeLevel(ctx.user) === 'province') {
      providerCond = sql`exists (select 1 from ${catalogResources} where ${catalogResources.providerOrgId} = ${organizations.id})`;
      regionCond = sql`exists (select 1 from ${catalogResources} where ${catalogResources.regionCode} = ${regions.code})`;
    } else {
      const pairs = await ctx.db
        .selectDistinct({ provider: catalogResources.providerOrgId, region: catalogResources.regionCode })
        .from(catalogResources)
        .where(catalogScope(ctx.user));
      providerCond = inArray(organizations.id, [...new Set(pairs.map((p) => p.provider)), NO_ID]);
      regionCond = inArray(regions.code, [...new Set(pairs.map((p) => p.region)), '']);
    }
    const providers = await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(providerCond).orderBy(asc(organizations.name));
    const regionRows = await ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(regionCond).orderBy(asc(regions.sort));
    return { providers, regions: regionRows };
  }),
  /** 数据提供单位 the caller's catalog may name: active organizations of its region (HN-9). */
  providerOptions: permissionProcedure('catalog.write').query(({ ctx }) =>
    ctx.db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(and(eq(organizations.regionCode, ctx.user.regionCode), eq(organizations.active, true)))
      .orderBy(asc(organizations.name)),
  ),
  get: permissionProcedure('catalog.read').input(ZId).query(async ({ ctx, input }) => {
    const r = await getResource(ctx.db, ctx.user, input.id, today());
    if (!r) throw notFound('数据资源');
    const row = { ...r, status: r.status } as unknown as ResourceRow;
    const actions = availableTransitions(resourceMachine, row, ctx.actor).filter((a) => {
      if (a === 'approve' || a === 'reject') return reviewsResource(ctx.user, r);
      return a !== 'revise';
    });
    const owned = r.ownerOrgId === ctx.user.orgId && can(ctx.user, 'catalog.write');
    return {
      ...r,
      actions,
      canEdit: owned && (r.status === 'draft' || r.status === 'published'),
      canRestore: owned && (r.status === 'draft' || r.status === 'published'),
      canRegister: r.ownerOrgId === ctx.user.orgId && can(ctx.user, 'registration.apply'),
    };
  }),
  create: permissionProcedure('catalog.write').input(ZResourceInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const owner = { id: ctx.user.orgId, regionCode: ctx.user.regionCode };
      const { id, unresolved } = await writeResource(tx, ctx.actor, owner, input, null, { action: 'catalog_resource.create' });
      return { id, unresolved };
    });
  }),
  /** Save the working copy. A published resource goes back to 草稿 until the change is approved. */
  update: permissionProcedure('catalog.write').input(ZUpdateResourceInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    return ctx.db.transaction(async (tx) => {
      const row = await lockResource(tx, ctx.user, id);
      mustOwn(row, ctx.user);
      if (row.version !== version) throw conflict();
      if (row.status === 'pending') throw precondition('待审核的资源不能修改,请先撤回');
      if (row.status === 'disabled') throw precondition('已停用的资源不能修改');
      const owner = { id: row.ownerOrgId, regionCode: row.regionCode };
      const { unresolved } = await writeResource(tx, ctx.actor, owner, fields, id, { action: 'catalog_resource.update' });
      if (row.status === 'published') {
        await transition(tx, resourceMachine, ctx.actor, { id, version, action: 'revise', input: {}, scope: catalogScope(ctx.user) });
      } else {
        await tx.update(catalogResources).set({ version: version + 1 }).where(eq(catalogResources.id, id));
      }
      return { id, unresolved };
    });
  }),
  submit: permissionProcedure('catalog.write').input(ZRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockResource(tx, ctx.user, input.id);
      return submitResource(tx, ctx.actor, ctx.user, row, input.version, null);
    }),
  ),
  withdraw: permissionProcedure('catalog.write').input(ZRef).mutation(({ ctx, input }) =>
    transition(ctx.db, resourceMachine, ctx.actor, { id: input.id, version: input.version, action: 'withdraw', input: {}, scope: catalogScope(ctx.user) }),
  ),
  approve: permissionProcedure('catalog.review').input(ZRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      mustReview(await lockResource(tx, ctx.user, input.id), ctx.user);
      return transition(tx, resourceMachine, ctx.actor, { id: input.id, version: input.version, action: 'approve', input: {}, scope: catalogScope(ctx.user) });
    }),
  ),
  /** Return to the owner with the reviewer's reason (shown on the resource and in the owner's 待办). */
  reject: permissionProcedure('catalog.review').input(ZReasonRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockResource(tx, ctx.user, input.id);
      mustReview(row, ctx.user);
      return transition(tx, resourceMachine, ctx.actor, {
        id: input.id, version: input.version, action: 'reject', reason: input.reason, scope: catalogScope(ctx.user),
        input: { reason: input.reason, owner: await ownerRecipient(tx, row.ownerOrgId) },
      });
    }),
  ),
  disable: permissionProcedure('catalog.status').input(ZReasonRef).mutation(({ ctx, input }) =>
    transition(ctx.db, resourceMachine, ctx.actor, { id: input.id, version: input.version, action: 'disable', reason: input.reason, input: {}, scope: catalogScope(ctx.user) }),
  ),
  enable: permissionProcedure('catalog.status').input(ZRef).mutation(({ ctx, input }) =>
    transition(ctx.db, resourceMachine, ctx.actor, { id: input.id, version: input.version, action: 'enable', input: {}, scope: catalogScope(ctx.user) }),
  ),
  /** Restore an older version: it becomes the working copy and is submitted for review as a new version. */
  restore: permissionProcedure('catalog.write').input(ZRestoreInput).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockResource(tx, ctx.user, input.id);
      mustOwn(row, ctx.user);
      if (row.version !== input.version) throw conflict();
      if (row.status !== 'draft' && row.status !== 'published') throw precondition('只有草稿或已发布的资源可以恢复历史版本');
      if (input.versionNo > row.lastVersionNo) throw notFound(`版本 v${input.versionNo}`);
      const snap = await versionSnapshot(tx, row.id, input.versionNo);
      const owner = { id: row.ownerOrgId, regionCode: row.regionCode };
      await writeResource(tx, ctx.actor, owner, inputFromSnapshot(snap), row.id, { action: 'catalog_resource.restore', reason: `恢复 v${input.versionNo}` });
      return submitResource(tx, ctx.actor, ctx.user, row, input.version, input.versionNo);
    }),
  ),
  /** Every version with its review outcome, newest first. */
  history: permissionProcedure('catalog.read').input(ZId).query(async ({ ctx, input }) => {
    const [r] = await ctx.db.select({ id: catalogResources.id }).from(catalogResources).where(and(eq(catalogResources.id, input.id), catalogScope(ctx.user)));
    if (!r) throw notFound('数据资源');
    return ctx.db
      .select({
        versionNo: catalogVersions.versionNo,
        status: catalogVersions.status,
        restoredFrom: catalogVersions.restoredFrom,
        submittedAt: catalogVersions.submittedAt,
        decidedAt: catalogVersions.decidedAt,
        reason: catalogVersions.reason,
        submittedBy: sql<string | null>`(select display_name from users where users.id = ${catalogVersions.submittedBy})`,
        decidedBy: sql<string | null>`(select display_name from users where users.id = ${catalogVersions.decidedBy})`,
      })
      .from(catalogVersions)
      .where(eq(catalogVersions.resourceId, input.id))
      .orderBy(desc(catalogVersions.versionNo));
  }),
  /** Field-level difference between two versions (0 = the current working copy). */
  diff: permissionProcedure('catalog.read').input(ZDiffInput).query(async ({ ctx, input }) => {
    const [r] = await ctx.db.select({ id: catalogResources.id }).from(catalogResources).where(and(eq(catalogResources.id, input.id), catalogScope(ctx.user)));
    if (!r) throw notFound('数据资源');
    const a = await versionSnapshot(ctx.db, input.id, input.from);
    const b = await versionSnapshot(ctx.db, input.id, input.to);
    return { from: input.from, to: input.to, ...diffSnapshots(a, b) };
  }),
});

/** 一数一源 conflicts province-wide (HN-9): items that repeat another provider's item. */
const conflictRouter = createTRPCRouter({
  list: permissionProcedure('catalog.conflicts.read').input(ZConflictListInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectConflicts(ctx.db, filter, { cursor, limit });
  }),
});

const importRouter = createTRPCRouter({
  /** Check the spreadsheet and report per row and cell; writes nothing. */
  dryRun: permissionProcedure('catalog.write').input(ZImportInput).mutation(async ({ ctx, input }) => {
    const plan = await planImport(ctx.db, { id: ctx.user.orgId, regionCode: ctx.user.regionCode }, input.xlsxBase64);
    const { valid: _v, ...report } = plan;
    return report;
  }),
  /** Check again and write every valid resource in one transaction (as 草稿, for review). */
  commit: permissionProcedure('catalog.write').input(ZImportInput).mutation(async ({ ctx, input }) => {
    const owner = { id: ctx.user.orgId, regionCode: ctx.user.regionCode };
    return ctx.db.transaction(async (tx) => {
      const plan = await planImport(tx, owner, input.xlsxBase64);
      if (!plan.valid.length) throw precondition('没有可导入的有效行,请按预检结果修改后重新上传');
      const ids: string[] = [];
      for (const v of plan.valid) {
        if (v.existingId) {
          const row = await lockResource(tx, ctx.user, v.existingId);
          if (row.version !== v.existingVersion || row.status === 'pending' || row.status === 'disabled') throw conflict('导入期间资源已被他人修改,请重新预检');
          const items = await tx.select({ id: catalogItems.id, name: catalogItems.name }).from(catalogItems).where(eq(catalogItems.resourceId, row.id));
          await writeResource(tx, ctx.actor, owner, keepItemIds(v.input, items), row.id, { action: 'catalog_resource.import_update' });
          if (row.status === 'published') await transition(tx, resourceMachine, ctx.actor, { id: row.id, version: row.version, action: 'revise', input: {} });
          else await tx.update(catalogResources).set({ version: row.version + 1 }).where(eq(catalogResources.id, row.id));
          ids.push(row.id);
        } else {
          ids.push((await writeResource(tx, ctx.actor, owner, v.input, null, { action: 'catalog_resource.import_create' })).id);
        }
      }
      await appendAudit(tx, ctx.actor, { action: 'catalog.import', entityType: 'catalog_resource', after: { ...plan.summary, skipped: plan.summary.error } });
      return { written: ids.length, ...plan.summary };
    });
  }),
});

// ---- registration (HN-10)

/** The latest approved registration of a resource (in notice or in force), if any. */
async function activeRegistration(db: DbOrTx, resourceId: string) {
  const [r] = await db
    .select({ kind: registrations.kind, registrationNo: registrations.registrationNo })
    .from(registrations)
    .where(and(eq(registrations.resourceId, resourceId), eq(registrations.status, 'approved')))
    .orderBy(desc(registrations.decidedAt))
    .limit(1);
  return r && r.kind !== 'cancel' ? r : null;
}

async function lockRegistration(tx: DbOrTx, user: ScopeSubject, id: string) {
  const [row] = await tx.select().from(registrations)
    .where(and(eq(registrations.id, id), catalogScope(user, registrations.applicantOrgId, registrations.regionCode))).for('update');
  if (!row) throw notFound('登记申请');
  return row;
}

const registrationRouter = createTRPCRouter({
  list: permissionProcedure('registration.read').input(ZListRegistrationsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectRegistrations(ctx.db, ctx.user, filter, { cursor, limit }, today());
  }),
  /** The registrations of one resource (for its page). */
  ofResource: permissionProcedure('registration.read').input(ZId).query(async ({ ctx, input }) => {
    const page = await selectRegistrations(ctx.db, ctx.user, { sort: 'updatedAt', dir: 'desc' }, { limit: 100 }, today(), eq(registrations.resourceId, input.id));
    return page.items;
  }),
  get: permissionProcedure('registration.read').input(ZId).query(async ({ ctx, input }) => {
    const page = await selectRegistrations(ctx.db, ctx.user, { sort: 'updatedAt', dir: 'desc' }, { limit: 1 }, today(), eq(registrations.id, input.id));
    const r = page.items[0];
    if (!r) throw notFound('登记申请');
    const reviewer = r.status === 'submitted' && can(ctx.user, 'registration.decide') && reviewsResource(ctx.user, { ownerOrgId: r.applicantOrgId, regionCode: r.regionCode });
    const applicant = r.status === 'submitted' && r.applicantOrgId === ctx.user.orgId && can(ctx.user, 'registration.apply');
    return { ...r, actions: [...(reviewer ? ['approve', 'reject'] : []), ...(applicant ? ['withdraw'] : [])] as ('approve' | 'reject' | 'withdraw')[] };
  }),
  /** The caller's own resources that an application can name (published ones first). */
  resourceOptions: permissionProcedure('registration.apply').input(z.object({ q: z.string().trim().max(50).optional() })).query(async ({ ctx, input }) => {
    const p = input.q ? likePattern(input.q.toLowerCase()) : null;
    return ctx.db
      .select({ id: catalogResources.id, code: catalogResources.code, name: catalogResources.name, status: catalogResources.status, publishedVersionNo: catalogResources.publishedVersionNo })
      .from(catalogResources)
      .where(and(eq(catalogResources.ownerOrgId, ctx.user.orgId), p ? sql`(lower(${catalogResources.name}) like ${p} or lower(${catalogResources.code}) like ${p})` : undefined))
      .orderBy(sql`${catalogResources.publishedVersionNo} is null`, asc(catalogResources.code))
      .limit(50);
  }),
  /**
   * Apply for registration. The authority's system does not accept (HN-10 ¶2) an application for a
   * resource whose catalog entry is not published, or without the asset-management record of HN-10 ¶1.
   */
  create: permissionProcedure('registration.apply').input(ZRegistrationInput).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const res = await lockResource(tx, ctx.user, input.resourceId);
      mustOwn(res, ctx.user);
      if (input.kind !== 'cancel' && (res.publishedVersionNo === null || res.status === 'disabled')) {
        throw precondition('该数据资源的目录尚未发布(未完成目录编制),公共数据主管部门不予受理登记申请', 'HN-10 ¶2');
      }
      const assetOk = input.notAsset ? !!input.notAssetBasis?.trim() : !!input.assetOwner?.trim() && input.bookValue !== null && input.bookValue !== undefined;
      if (!assetOk) {
        throw precondition(input.notAsset
          ? '未落实国有资产管理规定:选择“不形成资产”须写明依据,公共数据主管部门不予受理登记申请'
          : '未落实国有资产管理规定:缺少资产管理记录(资产权属单位和账面价值),公共数据主管部门不予受理登记申请', 'HN-10 ¶2');
      }
      const [open] = await tx.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.resourceId, res.id), eq(registrations.status, 'submitted')));
      if (open) throw precondition('该资源已有待审核的登记申请');
      const active = await activeRegistration(tx, res.id);
      if (input.kind === 'initial' && active) throw precondition(`该资源已登记(${active.registrationNo}),请提交变更、更正或注销登记`, 'HN-10');
      if (input.kind !== 'initial' && !active) throw precondition('该资源尚未登记,请先提交首次登记', 'HN-10');
      const [row] = await tx.insert(registrations).values({
        resourceId: res.id,
        applicantOrgId: ctx.user.orgId,
        regionCode: res.regionCode,
        kind: input.kind,
        description: input.description ?? '',
        assetOwner: input.notAsset ? null : input.assetOwner ?? null,
        bookValue: input.notAsset || input.bookValue === null || input.bookValue === undefined ? null : input.bookValue.toFixed(2),
        notAsset: input.notAsset,
        notAssetBasis: input.notAsset ? input.notAssetBasis ?? null : null,
        createdBy: ctx.user.id,
      }).returning();
      await appendAudit(tx, ctx.actor, { action: 'catalog_registration.create', entityType: 'catalog_registration', entityId: row.id, after: { resource: res.code, kind: input.kind, notAsset: input.notAsset } });
      const reviewer = await reviewerOrgOf(tx, res);
      if (reviewer) {
        await openInbox(tx, 'catalog_registration', row.id, [{
          assigneeOrgId: reviewer.orgId, assigneeRole: reviewer.role, step: 'decide',
          title: `审核资源登记申请:${res.name}`, href: `/catalog/registrations/${row.id}`, basis: 'HN-10',
        }]);
      }
      return row;
    }),
  ),
  /** Approve: a registration number, and the public notice period before it takes effect (HN-10). */
  approve: permissionProcedure('registration.decide').input(ZRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockRegistration(tx, ctx.user, input.id);
      mustReview({ ownerOrgId: row.applicantOrgId, regionCode: row.regionCode }, ctx.user);
      // The catalog entry may have been disabled since the application was accepted (HN-10 ¶2).
      const [res] = await tx.select({ status: catalogResources.status, publishedVersionNo: catalogResources.publishedVersionNo }).from(catalogResources).where(eq(catalogResources.id, row.resourceId));
      if (row.kind !== 'cancel' && (res.publishedVersionNo === null || res.status === 'disabled')) {
        throw precondition('该数据资源的目录已停用或未发布,不能准予登记', 'HN-10 ¶2');
      }
      const now = new Date();
      const { noticeWorkingDays } = await noticeDays(tx);
      return transition(tx, registrationMachine, ctx.actor, {
        id: row.id, version: input.version, action: 'approve',
        input: { registrationNo: await nextRegistrationNo(tx, shanghaiDate(now).slice(0, 4)), notice: noticeDates(now, noticeWorkingDays), decidedBy: ctx.user.id },
      });
    }),
  ),
  reject: permissionProcedure('registration.decide').input(ZReasonRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockRegistration(tx, ctx.user, input.id);
      mustReview({ ownerOrgId: row.applicantOrgId, regionCode: row.regionCode }, ctx.user);
      return transition(tx, registrationMachine, ctx.actor, { id: row.id, version: input.version, action: 'reject', reason: input.reason, input: { reason: input.reason, decidedBy: ctx.user.id } });
    }),
  ),
  withdraw: permissionProcedure('registration.apply').input(ZRef).mutation(async ({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      await lockRegistration(tx, ctx.user, input.id);
      return transition(tx, registrationMachine, ctx.actor, { id: input.id, version: input.version, action: 'withdraw', input: {} });
    }),
  ),
  policy: createTRPCRouter({
    get: permissionProcedure('registration.read').query(({ ctx }) => noticeDays(ctx.db)),
    update: permissionProcedure('registration.policy.write').input(ZNoticePolicyInput).mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await noticeDays(tx);
        if (before.version !== input.version) throw conflict('公示期设置已被他人修改,请刷新后重试');
        const value = { noticeWorkingDays: input.noticeWorkingDays };
        const written = input.version === 0
          ? await tx.insert(policies).values({ key: CATALOG_POLICY_KEY, value, version: 1 }).onConflictDoNothing().returning({ key: policies.key })
          : await tx.update(policies).set({ value, version: input.version + 1, updatedAt: new Date() })
            .where(and(eq(policies.key, CATALOG_POLICY_KEY), eq(policies.version, input.version))).returning({ key: policies.key });
        if (!written.length) throw conflict('公示期设置已被他人修改,请刷新后重试');
        await appendAudit(tx, ctx.actor, { action: 'policy.catalog.update', entityType: 'policy', entityId: CATALOG_POLICY_KEY, ...diff({ noticeWorkingDays: before.noticeWorkingDays }, value) });
        return { ...value, version: input.version + 1 };
      }),
    ),
  }),
});

export const catalogRouter = createTRPCRouter({
  resource: resourceRouter,
  conflicts: conflictRouter,
  import: importRouter,
  registration: registrationRouter,
});
