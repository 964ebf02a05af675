import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { interviews, operationSuspensions, organizations } from '@/db/schema';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { SUSPENSION_BASIS, type SuspensionCause } from '@/server/domain/rectification';
import { openInbox } from '@/server/domain/workflow';

/**
 * Escalation (HN-22 ¶2 评价发现重大安全风险或未按期整改到位的,应当暂停公共数据资源授权运营工作,
 * 必要时约谈主要负责人): the operator's authorized operation is suspended, a 约谈 is opened, and the
 * data authority that decides gets the tasks 安排约谈 and 决定恢复. Only operators are suspended
 * (an implementing agency or a platform has no authorized operation to suspend), and never twice.
 */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: '系统(整改逾期检查)', orgId: null, ip: null };

/** Serializes escalations, so that two sweeps never both suspend one operator. */
export const ESCALATION_LOCK = 7310601;

export interface EscalatedOrder {
  id: string;
  no: string;
  title: string;
  issuerOrgId: string;
  targetOrgId: string;
  regionCode: string;
}

/**
 * The data authority that decides on the suspension: the issuer when it is a data authority;
 * otherwise (an implementing agency issued the order) the municipal authority of the operator's
 * region, or the province.
 */
export async function decidingAuthority(tx: DbOrTx, issuerOrgId: string, regionCode: string): Promise<{ orgId: string; role: string }> {
  const [issuer] = await tx.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, issuerOrgId));
  if (issuer?.type === 'province_authority') return { orgId: issuerOrgId, role: 'province_admin' };
  if (issuer?.type === 'municipal_authority') return { orgId: issuerOrgId, role: 'municipal_admin' };
  const [city] = await tx.select({ id: organizations.id }).from(organizations)
    .where(and(eq(organizations.type, 'municipal_authority'), eq(organizations.regionCode, regionCode), eq(organizations.active, true)));
  if (city) return { orgId: city.id, role: 'municipal_admin' };
  const [province] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.type, 'province_authority'));
  return { orgId: province?.id ?? issuerOrgId, role: 'province_admin' };
}

/**
 * Suspend the target of `order` (when it is an operator without an active suspension) and open a
 * 约谈. Returns the suspension's id, or null when nothing was done. Call inside a transaction.
 */
export async function escalate(
  tx: DbOrTx, order: EscalatedOrder, cause: Exclude<SuspensionCause, 'decision'>, now: Date, issuedBy: string | null, actor: AuditActor,
): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ESCALATION_LOCK})`);
  const [target] = await tx.select({ type: organizations.type, name: organizations.name }).from(organizations).where(eq(organizations.id, order.targetOrgId));
  if (target?.type !== 'operator') return null;
  const [active] = await tx.select({ id: operationSuspensions.id }).from(operationSuspensions)
    .where(and(eq(operationSuspensions.orgId, order.targetOrgId), isNull(operationSuspensions.resumedAt))).limit(1);
  if (active) return null;
  const reason = cause === 'overdue'
    ? `整改通知${order.no}(${order.title})逾期未整改到位`
    : `整改通知${order.no}(${order.title})发现重大安全风险`;
  const [s] = await tx.insert(operationSuspensions).values({
    orgId: order.targetOrgId, orderId: order.id, cause, basis: SUSPENSION_BASIS, reason,
    issuerOrgId: order.issuerOrgId, issuedBy, startedAt: now, createdAt: now, updatedAt: now,
  }).returning({ id: operationSuspensions.id });
  const [iv] = await tx.insert(interviews).values({
    orgId: order.targetOrgId, orderId: order.id, suspensionId: s.id, issuerOrgId: order.issuerOrgId, status: 'scheduled', createdAt: now, updatedAt: now,
  }).returning({ id: interviews.id });
  await appendAudit(tx, actor, {
    action: 'operation_suspension.suspend', entityType: 'operation_suspension', entityId: s.id,
    after: { org: target.name, orderId: order.id, orderNo: order.no, cause, basis: SUSPENSION_BASIS, startedAt: now.toISOString() }, reason,
  });
  await appendAudit(tx, actor, {
    action: 'interview.open', entityType: 'interview', entityId: iv.id,
    after: { org: target.name, orderId: order.id, suspensionId: s.id, status: 'scheduled' }, reason: '必要时约谈主要负责人(HN-22 ¶2)',
  });
  const who = await decidingAuthority(tx, order.issuerOrgId, order.regionCode);
  await openInbox(tx, 'interview', iv.id, [{
    assigneeOrgId: who.orgId, assigneeRole: who.role, step: 'hold', basis: SUSPENSION_BASIS,
    title: `安排约谈主要负责人:${target.name}(${order.no})`, href: `/rectification/suspensions?tab=interviews`,
  }]);
  await openInbox(tx, 'operation_suspension', s.id, [{
    assigneeOrgId: who.orgId, assigneeRole: who.role, step: 'resume', basis: SUSPENSION_BASIS,
    title: `决定是否恢复授权运营:${target.name}(已暂停)`, href: `/rectification/suspensions`,
  }]);
  return s.id;
}
