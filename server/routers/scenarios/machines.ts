import { CHECKPOINTS } from '@/server/domain/filings';
import { complianceReviews, dataProducts, developerSelections, scenarioApplications, usageDisclosures } from '@/db/schema';
import type { Authority } from '@/server/domain/filings';
import { can } from '@/server/domain/policy';
import { defineMachine, type InboxSpec, type WorkflowActor } from '@/server/domain/workflow';
import type { ApplicationAgreement, Checkpoints } from './schema';

/**
 * The workflows of HN-15 and HN-17. `transition()` (server/domain/workflow.ts) is the only code that
 * sets their status; the router decides beforehand which reviewer stands at which step (it needs the
 * database) and passes who is next in the input.
 */
type ScenarioRow = typeof scenarioApplications.$inferSelect;
type ReviewRow = typeof complianceReviews.$inferSelect;
type ProductRow = typeof dataProducts.$inferSelect;
type SelectionRow = typeof developerSelections.$inferSelect;
type DisclosureRow = typeof usageDisclosures.$inferSelect;

/**
 * HN-15 ¶2 asks the authority and the agency to review 及时 (promptly) without a number of days: the
 * console gives each review step a service target of 10 working days, shown as the remaining time.
 */
export const REVIEW_WORKING_DAYS = 10;
const reviewDeadline = (basis: string) => ({ kind: 'working_days' as const, amount: REVIEW_WORKING_DAYS, basis });

const operatorTask = (row: { operatorOrgId: string }, step: string, title: string, href: string, basis: string): InboxSpec =>
  ({ assigneeOrgId: row.operatorOrgId, assigneeRole: 'operator', step, title, href, basis });

const agencyTask = (row: { agencyOrgId: string }, step: string, title: string, href: string, basis: string): InboxSpec =>
  ({ assigneeOrgId: row.agencyOrgId, assigneeRole: 'implementing_agency', step, title, href, basis, deadline: reviewDeadline(basis) });

const ownOperator = (perm: 'scenario.apply' | 'product.register' | 'developer.write' | 'disclosure.write') =>
  (row: { operatorOrgId: string }, actor: WorkflowActor) => row.operatorOrgId === actor.orgId && can(actor, perm);
const ownAgency = (perm: 'scenario.review' | 'developer.review') =>
  (row: { agencyOrgId: string }, actor: WorkflowActor) => row.agencyOrgId === actor.orgId && actor.roles.includes('implementing_agency') && can(actor, perm);

/** HN-15 ¶2: a rejection is not saved without both its reason and its basis. */
function reasonAndBasis(input: { reason?: string | null; basis?: string | null }) {
  return input.reason?.trim() && input.basis?.trim() ? null : { message: '审核不通过的,应当说明理由和依据', article: 'HN-15 ¶2' };
}

// ---- scenario applications (一场景一审核, HN-15 ¶1)

export interface ScenarioStepInput {
  authority?: Authority;
  reason?: string;
  basis?: string;
}

export const scenarioHref = (id: string) => `/filings/scenarios/${id}`;

/**
 * 草稿 → 实施机构审核 → 公共数据主管部门审核 → 通过. Either reviewer may reject with reason and basis
 * (HN-15 ¶2); the operator revises and submits again (a new round), or withdraws before a decision.
 */
export const scenarioMachine = defineMachine<
  'draft' | 'agency_review' | 'authority_review' | 'approved' | 'rejected' | 'withdrawn',
  'submit' | 'withdraw' | 'agencyApprove' | 'authorityApprove' | 'reject',
  ScenarioRow, ScenarioStepInput
>({
  entity: 'scenario_application',
  table: scenarioApplications,
  states: ['draft', 'agency_review', 'authority_review', 'approved', 'rejected', 'withdrawn'],
  transitions: {
    submit: {
      from: ['draft', 'rejected', 'withdrawn'],
      to: 'agency_review',
      self: ownOperator('scenario.apply'),
      patch: () => ({ rejectReason: null, rejectBasis: null }),
      opens: (row) => [agencyTask(row, 'agency_review', `审核应用场景申请:${row.name}`, scenarioHref(row.id), 'HN-15')],
    },
    withdraw: {
      from: ['agency_review', 'authority_review'],
      to: 'withdrawn',
      self: ownOperator('scenario.apply'),
    },
    agencyApprove: {
      from: ['agency_review'],
      to: 'authority_review',
      self: ownAgency('scenario.review'),
      opens: (row, input) => input.authority
        ? [{
            assigneeOrgId: input.authority.orgId, assigneeRole: input.authority.role, step: 'authority_review',
            title: `审核应用场景申请:${row.name}`, href: scenarioHref(row.id), basis: 'HN-15', deadline: reviewDeadline('HN-15'),
          }]
        : [],
    },
    // the router checks that the caller is the agency's same-level authority (authorityOf)
    authorityApprove: {
      from: ['authority_review'],
      to: 'approved',
      permission: 'scenario.review',
      opens: (row) => [operatorTask(row, 'compliance', `应用场景已通过审核,发布前提交合规审核:${row.name}`, scenarioHref(row.id), 'HN-15.2')],
    },
    reject: {
      from: ['agency_review', 'authority_review'],
      to: 'rejected',
      permission: 'scenario.review',
      guard: (_row, input) => reasonAndBasis(input),
      patch: (_row, input) => ({ rejectReason: input.reason, rejectBasis: input.basis }),
      opens: (row) => [operatorTask(row, 'fix', `应用场景申请未通过审核,请查看理由和依据:${row.name}`, scenarioHref(row.id), 'HN-15.2')],
    },
  },
});

// ---- compliance reviews before release (HN-15 ¶2)

export interface ReviewStepInput {
  reason?: string;
  basis?: string;
  reviewerId?: string;
  /** The scenario the round belongs to, for the operator's next task. */
  scenario?: { id: string; name: string; operatorOrgId: string };
}

/** The checkpoints of HN-15 ¶2 that have not passed (unrecorded ones included). */
export const notPassed = (c: Checkpoints) => CHECKPOINTS.filter((k) => c[k]?.result !== 'pass');

const CHECKPOINT_NAMES: Record<(typeof CHECKPOINTS)[number], string> = {
  sources: '数据来源', desensitization: '敏感数据脱敏', inDomain: '原始数据不出域', accessControl: '访问控制', authorization: '关联主体授权配置',
};

/**
 * One round of compliance review: 待审核 → 通过 (all five checkpoints passed) / 不通过 (reason and
 * basis) / 已撤回. A rejected round stays as it is; the operator submits the next round.
 */
export const complianceMachine = defineMachine<'submitted' | 'approved' | 'rejected' | 'withdrawn', 'approve' | 'reject' | 'withdraw', ReviewRow, ReviewStepInput>({
  entity: 'compliance_review',
  table: complianceReviews,
  states: ['submitted', 'approved', 'rejected', 'withdrawn'],
  transitions: {
    // the router checks the caller reviews this scenario (its agency or the authority)
    approve: {
      from: ['submitted'],
      to: 'approved',
      permission: 'scenario.review',
      guard: (row) => {
        const open = notPassed(row.checkpoints as Checkpoints);
        return open.length
          ? { message: `五项审核内容须全部通过方可审核通过,尚未通过:${open.map((k) => CHECKPOINT_NAMES[k]).join('、')}`, article: 'HN-15 ¶2' }
          : null;
      },
      patch: (_row, input) => ({ reviewedBy: input.reviewerId, reviewedAt: new Date(), reason: null, basis: null }),
      opens: (row, input) => input.scenario
        ? [operatorTask(input.scenario, 'register', `合规审核已通过,请登记产品和服务:${row.productName}`, scenarioHref(input.scenario.id), 'HN-15.2')]
        : [],
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      permission: 'scenario.review',
      guard: (_row, input) => reasonAndBasis(input),
      patch: (_row, input) => ({ reason: input.reason, basis: input.basis, reviewedBy: input.reviewerId, reviewedAt: new Date() }),
      opens: (row, input) => input.scenario
        ? [operatorTask(input.scenario, 'fix', `合规审核未通过(第 ${row.round} 轮),请查看理由和依据:${row.productName}`, scenarioHref(input.scenario.id), 'HN-15.2')]
        : [],
    },
    // the router checks the caller is the scenario's operator
    withdraw: {
      from: ['submitted'],
      to: 'withdrawn',
      permission: 'scenario.apply',
    },
  },
});

// ---- products, registered like resources (HN-15 ¶2 → HN-10)

export interface ProductStepInput {
  registrationNo?: string;
  notice?: { noticeStartsOn: string; noticeEndsOn: string; effectiveOn: string };
  reason?: string;
  decidedBy?: string;
}

export const productHref = (id: string) => `/filings/products/${id}`;

/** 待审核 → 已登记 (in notice, then in force) / 不予登记 / 已撤回, as a resource registration (HN-10). */
export const productMachine = defineMachine<'submitted' | 'approved' | 'rejected' | 'withdrawn', 'approve' | 'reject' | 'withdraw', ProductRow, ProductStepInput>({
  entity: 'data_product',
  table: dataProducts,
  states: ['submitted', 'approved', 'rejected', 'withdrawn'],
  transitions: {
    // the router checks the caller decides this region's registrations (reviewsResource)
    approve: {
      from: ['submitted'],
      to: 'approved',
      permission: 'product.decide',
      patch: (_row, input) => ({ registrationNo: input.registrationNo, ...input.notice, decidedBy: input.decidedBy, decidedAt: new Date(), decisionReason: null }),
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      permission: 'product.decide',
      patch: (_row, input) => ({ decisionReason: input.reason, decidedBy: input.decidedBy, decidedAt: new Date() }),
      opens: (row) => [operatorTask(row, 'fix', `产品和服务不予登记,请查看理由:${row.name}`, productHref(row.id), 'HN-15.2')],
    },
    withdraw: {
      from: ['submitted'],
      to: 'withdrawn',
      self: ownOperator('product.register'),
    },
  },
});

// ---- secondary developers (HN-17 ¶1)

export interface SelectionStepInput {
  reason?: string;
  agreement?: ApplicationAgreement;
  title?: string;
}

export const selectionHref = (id: string) => `/filings/developers/${id}`;

/**
 * 草稿 → 待实施机构审核 → 审核通过 → 已签订应用协议; the agency may return it with a reason, and the
 * operator revises and submits again.
 */
export const selectionMachine = defineMachine<'draft' | 'submitted' | 'approved' | 'returned' | 'contracted', 'submit' | 'approve' | 'return' | 'contract', SelectionRow, SelectionStepInput>({
  entity: 'developer_selection',
  table: developerSelections,
  states: ['draft', 'submitted', 'approved', 'returned', 'contracted'],
  transitions: {
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      self: ownOperator('developer.write'),
      patch: () => ({ reviewReason: null }),
      opens: (row, input) => [agencyTask(row, 'review', `审核二级开发主体选择:${input.title ?? ''}`, selectionHref(row.id), 'HN-17')],
    },
    approve: {
      from: ['submitted'],
      to: 'approved',
      self: ownAgency('developer.review'),
      opens: (row, input) => [operatorTask(row, 'contract', `二级开发主体已通过审核,请签订并登记应用协议:${input.title ?? ''}`, selectionHref(row.id), 'HN-17')],
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      self: ownAgency('developer.review'),
      patch: (_row, input) => ({ reviewReason: input.reason }),
      opens: (row, input) => [operatorTask(row, 'fix', `二级开发主体选择被退回:${input.title ?? ''}`, selectionHref(row.id), 'HN-17')],
    },
    contract: {
      from: ['approved'],
      to: 'contracted',
      self: ownOperator('developer.write'),
      patch: (_row, input) => ({ agreement: input.agreement }),
    },
  },
});

// ---- usage disclosures (HN-17 ¶2)

/** 草稿 → 已发布; publishing is public and cannot be undone. */
export const disclosureMachine = defineMachine<'draft' | 'published', 'publish', DisclosureRow, Record<string, never>>({
  entity: 'usage_disclosure',
  table: usageDisclosures,
  states: ['draft', 'published'],
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      self: ownOperator('disclosure.write'),
      patch: () => ({ publishedAt: new Date() }),
      closes: [],
    },
  },
});
