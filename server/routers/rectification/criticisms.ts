import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { criticisms, organizations, rectificationOrders, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { criticismDateProblems, TARGET_ORG_TYPES } from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';
import type { WorkflowActor } from '@/server/domain/workflow';
import { criticisableOrgs, criticismScope, orderScope } from './access';
import { issueOrder } from './orders';
import type { CriticismFilter, CriticismInput } from './schema';

/**
 * 通报批评 (HN-24 对违反本办法规定开展相关授权运营活动的单位和个人,公共数据主管部门报本级政府同意后
 * 予以通报批评并责令整改): recorded with the same-level government's approval reference and date,
 * and the publication date (approval ≤ publication ≤ today). A municipal authority only for
 * organizations of its region. "同时责令整改" issues an order (source notice) in the same transaction.
 */
export async function createCriticism(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: CriticismInput, now: Date) {
  const problems = criticismDateProblems(input.approvedOn, input.publishedOn, shanghaiDate(now));
  if (Object.keys(problems).length) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]]));
    throw new DomainError('invalid', Object.values(problems)[0], { field: Object.keys(problems)[0], fieldErrors });
  }
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: organizations.id, name: organizations.name, type: organizations.type })
      .from(organizations).where(and(eq(organizations.id, input.orgId), criticisableOrgs(user)));
    if (!target) throw notFound('被通报单位');
    let orderId = input.orderId ?? null;
    if (orderId) {
      const [o] = await tx.select({ targetOrgId: rectificationOrders.targetOrgId }).from(rectificationOrders)
        .where(and(eq(rectificationOrders.id, orderId), orderScope(user)));
      if (!o || o.targetOrgId !== target.id) throw invalidField('orderId', '关联的整改通知应为对被通报单位签发的整改通知');
    }
    if (input.order) {
      if (!(TARGET_ORG_TYPES as readonly string[]).includes(target.type)) throw invalidField('order', '该单位不是可责令整改的对象(一级开发主体、实施机构或接入平台)');
      const order = await issueOrder(tx, actor, {
        source: 'notice', targetOrgId: target.id, title: input.order.title, findings: [input.violation], article: 'HN-24', majorRisk: false,
        deadlineKind: input.order.deadlineKind, deadlineAmount: input.order.deadlineAmount,
      }, now);
      orderId = order.id;
    }
    const [row] = await tx.insert(criticisms).values({
      orgId: target.id, issuerOrgId: actor.orgId!, orderId, violation: input.violation, approvalRef: input.approvalRef,
      approvedOn: input.approvedOn, publishedOn: input.publishedOn, createdBy: actor.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, actor, {
      action: 'criticism.create', entityType: 'criticism', entityId: row.id,
      after: { org: target.name, approvalRef: input.approvalRef, approvedOn: input.approvedOn, publishedOn: input.publishedOn, orderId, orderIssued: !!input.order },
    });
    return row;
  });
}

const org = alias(organizations, 'criticised_org');
const issuer = alias(organizations, 'criticism_issuer');

const SORT = {
  publishedOn: criticisms.publishedOn,
  approvedOn: criticisms.approvedOn,
  createdAt: timeSortKey(criticisms.createdAt),
} satisfies Record<CriticismFilter['sort'], PgColumn>;

export async function selectCriticisms(db: DbOrTx, user: ScopeSubject, f: CriticismFilter, page: { cursor?: Cursor | null; limit: number }) {
  const conds: (SQL | undefined)[] = [criticismScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${org.name}) like ${p} or lower(${criticisms.violation}) like ${p} or lower(${criticisms.approvalRef}) like ${p})`);
  }
  if (f.year) conds.push(sql`extract(year from ${criticisms.publishedOn}) = ${f.year}`);
  if (f.regionCode) conds.push(eq(org.regionCode, f.regionCode));
  const { where, order } = keyset(SORT[f.sort], criticisms.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db.select({
    id: criticisms.id, orgId: criticisms.orgId, orgName: org.name, regionCode: org.regionCode, issuerName: issuer.name,
    violation: criticisms.violation, approvalRef: criticisms.approvalRef, approvedOn: criticisms.approvedOn, publishedOn: criticisms.publishedOn,
    orderId: criticisms.orderId, orderNo: rectificationOrders.no, createdByName: users.displayName, createdAt: criticisms.createdAt, version: criticisms.version,
  }).from(criticisms)
    .innerJoin(org, eq(org.id, criticisms.orgId))
    .innerJoin(issuer, eq(issuer.id, criticisms.issuerOrgId))
    .innerJoin(users, eq(users.id, criticisms.createdBy))
    .leftJoin(rectificationOrders, eq(rectificationOrders.id, criticisms.orderId))
    .where(and(where, ...conds)).orderBy(...order).limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => (f.sort === 'createdAt' ? timeCursor(r.createdAt) : f.sort === 'approvedOn' ? r.approvedOn : r.publishedOn));
}

/** Organizations the caller may name in a 通报批评 (the form's choices). */
export async function criticisableOptions(db: DbOrTx, user: ScopeSubject, q?: string) {
  const conds: (SQL | undefined)[] = [criticisableOrgs(user), eq(organizations.active, true)];
  if (q) conds.push(sql`lower(${organizations.name}) like ${likePattern(q.toLowerCase())}`);
  return db.select({ id: organizations.id, name: organizations.name, type: organizations.type, regionCode: organizations.regionCode })
    .from(organizations).where(and(...conds)).orderBy(organizations.type, organizations.name).limit(200);
}

/** Orders targeting an organization (to link a 通报批评 to), in the caller's scope. */
export async function ordersOfOrg(db: DbOrTx, user: ScopeSubject, orgId: string) {
  return db.select({ id: rectificationOrders.id, no: rectificationOrders.no, title: rectificationOrders.title, status: rectificationOrders.status })
    .from(rectificationOrders).where(and(eq(rectificationOrders.targetOrgId, orgId), orderScope(user)))
    .orderBy(sql`${rectificationOrders.issuedAt} desc`).limit(100);
}
