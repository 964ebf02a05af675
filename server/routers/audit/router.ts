import { asc, sql } from 'drizzle-orm';
import { auditLog, organizations } from '@/db/schema';
import { appendAudit, verifyChain } from '@/server/domain/audit';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { selectAudit } from './query';
import { ZAuditListInput } from './schema';

export const auditRouter = createTRPCRouter({
  /** Newest first; the cursor is the last row's seq (keyset, no OFFSET). */
  list: permissionProcedure('audit.read').input(ZAuditListInput).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    const rows = await selectAudit(ctx.db, filter, cursor, limit + 1);
    const hasMore = rows.length > limit;
    const items = hasMore ? rows.slice(0, limit) : rows;
    return { items, nextCursor: hasMore ? items[items.length - 1].seq : null };
  }),
  /** Distinct action and entity names, for the filter pickers. */
  facets: permissionProcedure('audit.read').query(async ({ ctx }) => {
    const actions = await ctx.db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action);
    const entities = await ctx.db.selectDistinct({ v: auditLog.entityType }).from(auditLog).where(sql`${auditLog.entityType} is not null`).orderBy(auditLog.entityType);
    return { actions: actions.map((a) => a.v), entityTypes: entities.map((e) => e.v as string) };
  }),
  /** Organizations by name, for the organization filter (the auditor sees names only, no business data). */
  orgOptions: permissionProcedure('audit.read').query(async ({ ctx }) => {
    return ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name));
  }),
  /** Recompute the SM3 chain and report the first broken link, if any. The check itself is audited. */
  verify: permissionProcedure('audit.verify').mutation(async ({ ctx }) => {
    const report = await verifyChain(ctx.db);
    // In a transaction, so that the advisory lock in appendAudit holds until the row is written.
    await ctx.db.transaction((tx) => appendAudit(tx, ctx.actor, { action: 'audit.verify', entityType: 'audit_log', after: { ...report } }));
    return report;
  }),
});
