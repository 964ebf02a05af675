import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { dataProducts, developerSelections, operatingAgreements, organizations, scenarioApplications } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { timelineOf } from '@/server/domain/timeline';
import { transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { isAgencyOf, isOperatorOf, lockInScope, mustOperate, selectionScope } from './access';
import { selectionMachine } from './machines';
import { insertSelection, saveVersioned, selectionFields } from './service';
import { selectSelections } from './query';
import { ZContractInput, ZId, ZListSelectionsInput, ZReasonRef, ZRef, ZSelectionInput, ZUpdateSelectionInput } from './schema';

/**
 * HN-17 ¶1: the operator selects secondary developers openly and fairly, by 准入条件 and scenario,
 * assesses 资质能力、需求合理性、场景合规性、安全风险性; the implementing agency reviews; then the
 * operator signs the application agreement (目的、范围、方式、期限、收益分配、安全保密要求).
 */
type SelectionRow = typeof developerSelections.$inferSelect;

const lockSelection = (tx: DbOrTx, user: SessionUser, id: string) => lockInScope(tx, developerSelections, id, selectionScope(user), '二级开发主体选择');

/** The caller's own registered product (HN-15 ¶2): only a registered product is offered to developers. */
async function ownRegisteredProduct(db: DbOrTx, user: SessionUser, productId: string) {
  const [p] = await db.select().from(dataProducts).where(and(eq(dataProducts.id, productId), eq(dataProducts.operatorOrgId, user.orgId)));
  if (!p) throw notFound('产品和服务');
  if (p.status !== 'approved') throw precondition('只能为已登记的产品和服务选择二级开发主体', 'HN-17 ¶1');
  return p;
}

/** HN-17 ¶1: the developer is a 二级开发主体 in use. */
async function mustBeDeveloper(db: DbOrTx, orgId: string) {
  const [o] = await db.select({ type: organizations.type, active: organizations.active }).from(organizations).where(eq(organizations.id, orgId));
  if (!o || o.type !== 'secondary_developer' || !o.active) throw invalidField('developerOrgId', '请选择在用的二级开发主体(HN-17 ¶1)');
}

const EDITABLE = ['draft', 'returned'];

/** The title of a selection in inbox items: the developer and the product. */
async function titleOf(db: DbOrTx, row: SelectionRow) {
  const [r] = await db.select({ developer: organizations.name, product: dataProducts.name }).from(developerSelections)
    .innerJoin(organizations, eq(organizations.id, developerSelections.developerOrgId))
    .innerJoin(dataProducts, eq(dataProducts.id, developerSelections.productId))
    .where(eq(developerSelections.id, row.id));
  return `${r.developer} · ${r.product}`;
}

/** HN-17 ¶1: the application agreement cannot run past the operator's own authorization (HN-14(2)). */
async function mustFitAgreementTerm(db: DbOrTx, productId: string, endsOn: string) {
  const [a] = await db.select({ endsOn: operatingAgreements.endsOn }).from(dataProducts)
    .innerJoin(scenarioApplications, eq(scenarioApplications.id, dataProducts.scenarioId))
    .innerJoin(operatingAgreements, eq(operatingAgreements.id, scenarioApplications.agreementId))
    .where(eq(dataProducts.id, productId));
  if (a && endsOn > a.endsOn) throw invalidField('agreement.endsOn', `应用协议期限不得超过运营协议期限(${a.endsOn} 止,HN-14(2))`);
}

async function getSelection(db: DbOrTx, user: SessionUser, id: string) {
  const page = await selectSelections(db, user, { sort: 'updatedAt', dir: 'desc' }, { limit: 1 }, eq(developerSelections.id, id));
  const s = page.items[0];
  if (!s) throw notFound('二级开发主体选择');
  const operator = isOperatorOf(user, s);
  const agency = isAgencyOf(user, s);
  const actions = [
    ...(operator && EDITABLE.includes(s.status) ? ['edit', 'submit'] : []),
    ...(agency && s.status === 'submitted' ? ['approve', 'return'] : []),
    ...(operator && s.status === 'approved' ? ['contract'] : []),
  ] as ('edit' | 'submit' | 'approve' | 'return' | 'contract')[];
  return { ...s, actions, timeline: await timelineOf(db, [{ type: 'developer_selection', id }]) };
}

export const developerRouter = createTRPCRouter({
  list: permissionProcedure('developer.read').input(ZListSelectionsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectSelections(ctx.db, ctx.user, filter, { cursor, limit });
  }),
  get: permissionProcedure('developer.read').input(ZId).query(({ ctx, input }) => getSelection(ctx.db, ctx.user, input.id)),
  /** The form's choices: the caller's registered products and the secondary developers in use. */
  options: permissionProcedure('developer.write').query(async ({ ctx }) => ({
    products: await ctx.db.select({ id: dataProducts.id, name: dataProducts.name, registrationNo: dataProducts.registrationNo }).from(dataProducts)
      .where(and(eq(dataProducts.operatorOrgId, ctx.user.orgId), eq(dataProducts.status, 'approved'))).orderBy(asc(dataProducts.name)),
    developers: await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations)
      .where(and(eq(organizations.type, 'secondary_developer'), eq(organizations.active, true))).orderBy(asc(organizations.name)),
  })),
  create: permissionProcedure('developer.write').input(ZSelectionInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const product = await ownRegisteredProduct(tx, ctx.user, input.productId);
      await mustBeDeveloper(tx, input.developerOrgId);
      return insertSelection(tx, ctx.actor, product, input);
    }),
  ),
  update: permissionProcedure('developer.write').input(ZUpdateSelectionInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const row = await lockSelection(tx, ctx.user, id);
      mustOperate(ctx.user, row);
      if (row.version !== version) throw conflict();
      if (!EDITABLE.includes(row.status)) throw precondition('已提交审核的选择不能修改');
      await mustBeDeveloper(tx, fields.developerOrgId);
      return saveVersioned(tx, ctx.actor, developerSelections, 'developer_selection', { id, version, verb: 'update', before: selectionFields(row), fields: selectionFields(fields) });
    }),
  ),
  /** 经实施机构审核 (HN-17 ¶1): to the product's implementing agency. */
  submit: permissionProcedure('developer.write').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSelection(tx, ctx.user, input.id);
      return transition(tx, selectionMachine, ctx.actor, { id: row.id, version: input.version, action: 'submit', input: { title: await titleOf(tx, row) } });
    }),
  ),
  approve: permissionProcedure('developer.review').input(ZRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSelection(tx, ctx.user, input.id);
      return transition(tx, selectionMachine, ctx.actor, { id: row.id, version: input.version, action: 'approve', input: { title: await titleOf(tx, row) } });
    }),
  ),
  return: permissionProcedure('developer.review').input(ZReasonRef).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSelection(tx, ctx.user, input.id);
      return transition(tx, selectionMachine, ctx.actor, {
        id: row.id, version: input.version, action: 'return', reason: input.reason, input: { reason: input.reason, title: await titleOf(tx, row) },
      });
    }),
  ),
  /** Record the signed application agreement (HN-17 ¶1) after the agency's approval. */
  contract: permissionProcedure('developer.write').input(ZContractInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSelection(tx, ctx.user, input.id);
      mustOperate(ctx.user, row);
      await mustFitAgreementTerm(tx, row.productId, input.agreement.endsOn);
      return transition(tx, selectionMachine, ctx.actor, { id: row.id, version: input.version, action: 'contract', input: { agreement: input.agreement } });
    }),
  ),
});
