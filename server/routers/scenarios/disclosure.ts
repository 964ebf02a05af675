import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { usageDisclosures } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { conflict, notFound, precondition } from '@/server/domain/errors';
import { timelineOf } from '@/server/domain/timeline';
import { transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { disclosureScope, isOperatorOf, lockInScope, mustOperate } from './access';
import { disclosureMachine } from './machines';
import { disclosureFields, insertDisclosure, saveVersioned } from './service';
import { selectDisclosures } from './query';
import { ZDisclosureInput, ZId, ZListDisclosuresInput, ZRef, ZUpdateDisclosureInput } from './schema';

/**
 * HN-17 ¶2: 定期向社会披露公共数据资源使用情况. The operator drafts a disclosure per period and
 * publishes it on the public page (/open); publishing cannot be undone, so a correction is a further
 * disclosure for the same period.
 */
const lockDisclosure = (tx: DbOrTx, user: SessionUser, id: string) => lockInScope(tx, usageDisclosures, id, disclosureScope(user), '使用情况披露');

export const disclosureRouter = createTRPCRouter({
  list: permissionProcedure('disclosure.read').input(ZListDisclosuresInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectDisclosures(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  get: permissionProcedure('disclosure.read').input(ZId).query(async ({ ctx, input }) => {
    const page = await selectDisclosures(ctx.db, ctx.user, { sort: 'updatedAt', dir: 'desc' }, { limit: 1 }, eq(usageDisclosures.id, input.id));
    const d = page.items[0];
    if (!d) throw notFound('使用情况披露');
    const own = isOperatorOf(ctx.user, d) && d.status === 'draft';
    return { ...d, actions: (own ? ['edit', 'publish'] : []) as ('edit' | 'publish')[], timeline: await timelineOf(ctx.db, [{ type: 'usage_disclosure', id: d.id }]) };
  }),
  create: permissionProcedure('disclosure.write').input(ZDisclosureInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      return insertDisclosure(tx, ctx.actor, ctx.user.orgId, input);
    }),
  ),
  update: permissionProcedure('disclosure.write').input(ZUpdateDisclosureInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const row = await lockDisclosure(tx, ctx.user, id);
      mustOperate(ctx.user, row);
      if (row.version !== version) throw conflict();
      if (row.status !== 'draft') throw precondition('已发布的披露不能修改', 'HN-17 ¶2');
      return saveVersioned(tx, ctx.actor, usageDisclosures, 'usage_disclosure', { id, version, verb: 'update', before: disclosureFields(row), fields: disclosureFields(fields) });
    }),
  ),
  /** Publish on the public page (HN-17 ¶2); irreversible. */
  publish: permissionProcedure('disclosure.write').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      await lockDisclosure(tx, ctx.user, input.id);
      return transition(tx, disclosureMachine, ctx.actor, { id: input.id, version: input.version, action: 'publish', input: {} });
    }),
  ),
});
