import { and, eq } from 'drizzle-orm';
import { catalogResources, catalogVersions, registrations } from '@/db/schema';
import type { ResourceStatus } from '@/server/domain/catalog';
import { can } from '@/server/domain/policy';
import { defineMachine, type InboxSpec, type WorkflowActor } from '@/server/domain/workflow';
import type { Snapshot } from './save';

type ResourceRow = typeof catalogResources.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

/** The reviewer's or the owner's inbox, computed by the router (it needs the database). */
export interface Recipient {
  orgId: string;
  role: string;
}

export interface ResourceStepInput {
  /** submit / restore: the frozen working copy and how many 一数一源 matches are unresolved. */
  snapshot?: Snapshot;
  unresolved?: number;
  restoredFrom?: number | null;
  reviewer?: Recipient | null;
  owner?: Recipient | null;
  reason?: string | null;
}

/** Writers act on their own organization's catalog only. */
const ownerWriter = (row: ResourceRow, actor: WorkflowActor) => row.ownerOrgId === actor.orgId && can(actor, 'catalog.write');

const reviewTask = (row: ResourceRow, reviewer: Recipient | null | undefined, versionNo: number): InboxSpec[] =>
  reviewer
    ? [{
        assigneeOrgId: reviewer.orgId,
        assigneeRole: reviewer.role,
        step: 'review',
        title: `审核数据资源目录:${row.name}(v${versionNo})`,
        href: `/catalog/${row.id}`,
        basis: 'HN-9',
        deadline: { kind: 'working_days', amount: 10, basis: 'HN-9' },
      }]
    : [];

/**
 * Catalog resource lifecycle (HN-9): 草稿 → 待审核 → 已发布 → 已停用, a rejection returns it to
 * 草稿 with the reviewer's reason. Editing a published resource returns the working copy to 草稿
 * (`revise`) while the published version stays in force until the change is approved.
 */
export const resourceMachine = defineMachine<ResourceStatus, 'submit' | 'withdraw' | 'approve' | 'reject' | 'revise' | 'disable' | 'enable', ResourceRow, ResourceStepInput>({
  entity: 'catalog_resource',
  table: catalogResources,
  states: ['draft', 'pending', 'published', 'disabled'],
  transitions: {
    submit: {
      from: ['draft', 'published'],
      to: 'pending',
      self: ownerWriter,
      guard: (row, input) =>
        (input.unresolved ?? 0) > 0
          ? { message: `有 ${input.unresolved} 个数据项与其他提供单位的数据项重复,须关联权威来源或说明第二来源理由后再提交(一数一源)`, article: 'HN-9' }
          : row.itemCount < 1 ? { message: '至少填写一个数据项', article: 'HN-9' } : null,
      patch: (row) => ({ lastVersionNo: row.lastVersionNo + 1, rejectReason: null }),
      opens: (row, input) => reviewTask(row, input.reviewer, row.lastVersionNo),
      effect: async (tx, row, input, actor) => {
        await tx.insert(catalogVersions).values({
          resourceId: row.id,
          versionNo: row.lastVersionNo,
          status: 'pending',
          snapshot: input.snapshot!,
          restoredFrom: input.restoredFrom ?? null,
          submittedBy: actor.id,
        });
      },
    },
    withdraw: {
      from: ['pending'],
      to: 'draft',
      self: ownerWriter,
      effect: async (tx, row) => {
        await tx.update(catalogVersions).set({ status: 'withdrawn' })
          .where(and(eq(catalogVersions.resourceId, row.id), eq(catalogVersions.versionNo, row.lastVersionNo)));
      },
    },
    approve: {
      from: ['pending'],
      to: 'published',
      permission: 'catalog.review',
      patch: (row) => ({ publishedVersionNo: row.lastVersionNo, rejectReason: null }),
      effect: async (tx, row, _input, actor) => {
        await tx.update(catalogVersions).set({ status: 'superseded' })
          .where(and(eq(catalogVersions.resourceId, row.id), eq(catalogVersions.status, 'published')));
        await tx.update(catalogVersions).set({ status: 'published', decidedBy: actor.id, decidedAt: new Date() })
          .where(and(eq(catalogVersions.resourceId, row.id), eq(catalogVersions.versionNo, row.lastVersionNo)));
      },
    },
    reject: {
      from: ['pending'],
      to: 'draft',
      permission: 'catalog.review',
      patch: (_row, input) => ({ rejectReason: input.reason }),
      opens: (row, input) => input.owner
        ? [{
            assigneeOrgId: input.owner.orgId,
            assigneeRole: input.owner.role,
            step: 'fix',
            title: `目录被退回修改:${row.name}`,
            href: `/catalog/${row.id}`,
            basis: 'HN-9',
          }]
        : [],
      effect: async (tx, row, input, actor) => {
        await tx.update(catalogVersions).set({ status: 'rejected', decidedBy: actor.id, decidedAt: new Date(), reason: input.reason ?? null })
          .where(and(eq(catalogVersions.resourceId, row.id), eq(catalogVersions.versionNo, row.lastVersionNo)));
      },
    },
    revise: {
      from: ['published'],
      to: 'draft',
      self: ownerWriter,
      closes: [],
    },
    disable: {
      from: ['published'],
      to: 'disabled',
      permission: 'catalog.review',
      self: ownerWriter,
    },
    enable: {
      from: ['disabled'],
      to: 'published',
      permission: 'catalog.review',
      self: ownerWriter,
    },
  },
});

export interface RegistrationStepInput {
  registrationNo?: string;
  notice?: { noticeStartsOn: string; noticeEndsOn: string; effectiveOn: string };
  reason?: string | null;
  decidedBy?: string;
}

/**
 * Registration applications (HN-10): 待审核 → 已登记 (in notice, then in force) / 不予登记 / 已撤回.
 * Acceptance itself is checked when the application is created (HN-10 ¶2).
 */
export const registrationMachine = defineMachine<'submitted' | 'approved' | 'rejected' | 'withdrawn', 'approve' | 'reject' | 'withdraw', RegistrationRow, RegistrationStepInput>({
  entity: 'catalog_registration',
  table: registrations,
  states: ['submitted', 'approved', 'rejected', 'withdrawn'],
  transitions: {
    approve: {
      from: ['submitted'],
      to: 'approved',
      permission: 'registration.decide',
      patch: (_row, input) => ({ registrationNo: input.registrationNo, ...input.notice, decidedBy: input.decidedBy, decidedAt: new Date() }),
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      permission: 'registration.decide',
      patch: (_row, input) => ({ decisionReason: input.reason, decidedBy: input.decidedBy, decidedAt: new Date() }),
    },
    withdraw: {
      from: ['submitted'],
      to: 'withdrawn',
      self: (row, actor) => row.applicantOrgId === actor.orgId && can(actor, 'registration.apply'),
    },
  },
});
