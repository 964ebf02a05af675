import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { dataProducts, scenarioApplications } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { reviewsResource } from '@/server/domain/catalog';
import { DomainError, notFound, precondition } from '@/server/domain/errors';
import { can } from '@/server/domain/policy';
import { timelineOf } from '@/server/domain/timeline';
import { transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { assertNotSuspended } from '@/server/routers/rectification/suspensions';
import { assertOperable, isOperatorOf, lockInScope, mustOperate, productScope, today } from './access';
import { productMachine } from './machines';
import { approveProduct, insertProduct } from './service';
import { selectProducts } from './query';
import { lockRound } from './scenario';
import { ZId, ZListProductsInput, ZReasonRef, ZRef, ZRegisterProductInput } from './schema';

/**
 * Products and services that passed their compliance review, registered like public data resources
 * (HN-15 ¶2 按照公共数据资源登记管理要求登记 → HN-10): the same deciders, the same register numbers
 * (豫数登…) and the same public notice period before they take effect; priced as HN-15 ¶2 and
 * HN-21 ¶3 say. Registered products are listed for the public (HN-17 ¶2).
 */
type ProductRow = typeof dataProducts.$inferSelect;

const lockProduct = (tx: DbOrTx, user: SessionUser, id: string) => lockInScope(tx, dataProducts, id, productScope(user), '产品和服务');

/** The registration's decider, as for resources (HN-10): the city for its region, the province for all. */
const decides = (user: SessionUser, row: { operatorOrgId: string; regionCode: string }) =>
  can(user, 'product.decide') && reviewsResource(user, { ownerOrgId: row.operatorOrgId, regionCode: row.regionCode });

function mustDecide(user: SessionUser, row: ProductRow) {
  if (!decides(user, row)) throw new DomainError('forbidden', '产品和服务的登记由实施机构同级的公共数据主管部门(或省级主管部门)审核(HN-10、HN-15 ¶2)');
}

async function getProduct(db: DbOrTx, user: SessionUser, id: string) {
  const page = await selectProducts(db, user, { sort: 'updatedAt', dir: 'desc' }, { limit: 1 }, today(), eq(dataProducts.id, id));
  const p = page.items[0];
  if (!p) throw notFound('产品和服务');
  const submitted = p.status === 'submitted';
  const actions = [
    ...(submitted && decides(user, p) ? ['approve', 'reject'] : []),
    ...(submitted && isOperatorOf(user, p) ? ['withdraw'] : []),
  ] as ('approve' | 'reject' | 'withdraw')[];
  // The compliance review behind it (reviewers, checkpoint remarks, evidence) is for those who read scenarios,
  // not for a secondary developer who uses the product (HN-17 ¶1).
  const refs = [{ type: 'data_product', id }, ...(can(user, 'scenario.read') ? [{ type: 'compliance_review', id: p.complianceReviewId }] : [])];
  const timeline = await timelineOf(db, refs);
  return { ...p, actions, timeline };
}

export const productRouter = createTRPCRouter({
  list: permissionProcedure('product.read').input(ZListProductsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectProducts(ctx.db, ctx.user, filter, { cursor, limit }, today());
  }),
  get: permissionProcedure('product.read').input(ZId).query(({ ctx, input }) => getProduct(ctx.db, ctx.user, input.id)),
  /**
   * Register a product whose compliance review passed (HN-15 ¶2): its name and description are the
   * reviewed ones, its form and use category the scenario's; priced free of charge for public-interest
   * use (HN-21 ¶3) or at the government-guided price.
   */
  register: permissionProcedure('product.register').input(ZRegisterProductInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { round, scenario } = await lockRound(tx, ctx.user, input.complianceReviewId);
      mustOperate(ctx.user, scenario);
      if (round.status !== 'approved') throw precondition('合规审核通过后,产品和服务方可登记', 'HN-15 ¶2');
      await assertNotSuspended(tx, ctx.user.orgId, '登记产品和服务'); // HN-22 ¶2
      const [open] = await tx.select({ no: dataProducts.registrationNo, status: dataProducts.status }).from(dataProducts)
        .where(and(eq(dataProducts.complianceReviewId, round.id), inArray(dataProducts.status, ['submitted', 'approved'])));
      if (open) throw precondition(open.status === 'approved' ? `该产品和服务已登记(${open.no})` : '该产品和服务已有待审核的登记申请');
      return insertProduct(tx, ctx.actor, round, scenario, input);
    }),
  ),
  /**
   * Register it: a number from the one register (豫数登…) and the public notice period before it
   * takes effect (HN-10). The data it uses must still be operable (HN-10 ¶2).
   */
  approve: permissionProcedure('product.decide').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockProduct(tx, ctx.user, input.id);
      mustDecide(ctx.user, row);
      const [s] = await tx.select({ resourceIds: scenarioApplications.resourceIds }).from(scenarioApplications).where(eq(scenarioApplications.id, row.scenarioId));
      await assertOperable(tx, s.resourceIds);
      return approveProduct(tx, ctx.actor, row, input.version);
    }),
  ),
  reject: permissionProcedure('product.decide').input(ZReasonRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockProduct(tx, ctx.user, input.id);
      mustDecide(ctx.user, row);
      return transition(tx, productMachine, ctx.actor, { id: row.id, version: input.version, action: 'reject', reason: input.reason, input: { reason: input.reason, decidedBy: ctx.user.id } });
    }),
  ),
  withdraw: permissionProcedure('product.register').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      await lockProduct(tx, ctx.user, input.id);
      return transition(tx, productMachine, ctx.actor, { id: input.id, version: input.version, action: 'withdraw', input: {} });
    }),
  ),
});
