import { implementationPlans, operatingAgreements } from '@/db/schema';
import { termExceedsLimit } from '@/server/domain/filings';
import { can, type Permission } from '@/server/domain/policy';
import { PROVINCE_REGION } from '@/server/domain/roles';
import { defineMachine, type TransitionDef, type WorkflowActor } from '@/server/domain/workflow';
import {
  AGREEMENT_KIND, closeVersion, freezeVersion, openReceipts, PLAN_KIND, type FilingKind, type FilingRow, type FilingStepInput,
} from './receipts';
import type { AgreementStatus, PlanStatus } from './schema';

type PlanRow = typeof implementationPlans.$inferSelect;
type AgreementRow = typeof operatingAgreements.$inferSelect;
type FilingStatus = PlanStatus | AgreementStatus;
type Blocked = { message: string; article?: string } | null;
type Def<Row> = TransitionDef<FilingStatus, Row, FilingStepInput>;

/**
 * The steps every filing shares (HN-11 ¶2, HN-13 ¶2): the owner files a version (frozen, with one
 * receipt per recipient) or withdraws it; the recipients' decisions complete or return it
 * (receipts.ts); editing a filed one starts a new working copy while the filed version stays in force.
 */
function filingSteps<Row extends FilingRow>(cfg: {
  kind: FilingKind;
  permission: Permission;
  ownerOrgId: (row: Row) => string;
  ready: (row: Row, input: FilingStepInput) => Blocked;
  reviseFrom: readonly FilingStatus[];
  /** Records of the filed text that a revision must take again (HN-11 ¶1, HN-13 ¶1). */
  reviseClears: Record<string, null>;
}) {
  const owner = (row: Row, actor: WorkflowActor) => cfg.ownerOrgId(row) === actor.orgId && can(actor, cfg.permission);
  const steps = {
    file: {
      from: ['draft', 'returned'],
      to: 'filing',
      self: owner,
      guard: cfg.ready,
      // Only the owner's "revise after return" item: expiry reminders (HN-14(9)) outlive a refiling.
      closes: ['revise'],
      patch: (row) => ({ lastVersionNo: row.lastVersionNo + 1 }),
      effect: async (tx, row, input, actor) => {
        await freezeVersion(tx, cfg.kind, row.id, row.lastVersionNo, input.snapshot, actor);
        await openReceipts(tx, cfg.kind, row, row.lastVersionNo, input.recipients ?? []);
      },
    },
    withdraw: {
      from: ['filing'],
      to: 'draft',
      self: owner,
      closes: [],
      effect: (tx, row, _input, actor) => closeVersion(tx, actor, cfg.kind, row.id, row.lastVersionNo, '报备单位已撤回本版本'),
    },
    /** Every recipient acknowledged the current version (receipts.ts). */
    complete: {
      from: ['filing'],
      to: 'filed',
      permission: 'filing.ack',
      closes: [],
      patch: (row) => ({ filedVersionNo: row.lastVersionNo }),
    },
    /** A recipient returned it: the owner revises and files again (the reason is on the receipt). */
    return: {
      from: ['filing'],
      to: 'returned',
      permission: 'filing.ack',
      closes: [],
      opens: (row, input) => input.owner
        ? [{
            assigneeOrgId: input.owner.orgId,
            assigneeRole: input.owner.role,
            step: 'revise',
            title: `${cfg.kind.label}被退回,请修改后重新报备:${row.name}`,
            href: cfg.kind.href(row.id),
            basis: cfg.kind.basis,
          }]
        : [],
    },
    /** Editing a filed one: a new working copy; the filed version stays in force until the next is filed. */
    revise: { from: cfg.reviseFrom, to: 'draft', self: owner, closes: [], patch: () => cfg.reviseClears },
  } satisfies Record<string, Def<Row>>;
  return { steps, owner };
}

// ---- implementation plans (HN-11, HN-12)

/** HN-11 ¶1: 三重一大 decision with its minutes, and the approval of the government at the same level. */
function planRecords(row: PlanRow, input: FilingStepInput): Blocked {
  if (!row.decisionOn || !row.decisionMeeting) return { message: '尚未登记“三重一大”决策记录(决策日期和会议)', article: 'HN-11 ¶1' };
  if ((input.minutes ?? 0) < 1) return { message: revised(input, '尚未上传“三重一大”决策会议纪要'), article: 'HN-11 ¶1' };
  if (!row.approvalOn || !row.approvalRef) return { message: '尚未登记本级政府审议通过记录(日期和批准文号)', article: 'HN-11 ¶1' };
  if (input.filedOn && (row.decisionOn < input.filedOn || row.approvalOn < input.filedOn)) {
    return { message: `修订后的实施方案须重新履行“三重一大”决策并经本级政府审议通过(记录日期不能早于上一版备案日 ${input.filedOn})`, article: 'HN-11 ¶1' };
  }
  return null;
}

/** For a revision of a filed text, say that the record must be new. */
const revised = (input: FilingStepInput, message: string) => (input.filedOn ? `${message}(修订版须上传本次决策的会议纪要)` : message);

/** Recipients of a filing: both must exist, or it could be 已备案 with one acknowledgement (HN-11 ¶2, HN-13 ¶2). */
const bothRecipients = (input: FilingStepInput, article: string): Blocked =>
  (input.recipients?.length ?? 0) < 2 ? { message: '备案须同时报省级公共数据主管部门和省级行业主管部门,其中一方当前不可用', article } : null;

const plan = filingSteps<PlanRow>({
  kind: PLAN_KIND,
  permission: 'plan.write',
  ownerOrgId: (row) => row.ownerOrgId,
  reviseFrom: ['filed', 'effective'],
  reviseClears: { decisionOn: null, decisionMeeting: null, approvalOn: null, approvalRef: null },
  ready: (row, input) => {
    // HN-11 ¶2 covers the plans of 省辖市 only: a provincial plan takes effect without filing.
    if (row.regionCode === PROVINCE_REGION) return { message: '省级实施方案经本级政府审议通过后实施,无需报备案,请使用“确认生效”', article: 'HN-11 ¶2' };
    if (!row.industryOrgId) return { message: '省辖市实施方案须同时报省级行业主管部门备案,请先选择行业主管部门', article: 'HN-11 ¶2' };
    return planRecords(row, input) ?? bothRecipients(input, 'HN-11 ¶2');
  },
});

/**
 * 实施方案 (HN-11, HN-12): 草稿 → 备案中 → 已备案 | 已退回 for a city's plan (filed to the province and
 * a provincial industry department, HN-11 ¶2); 草稿 → 已生效 for a provincial plan (no filing).
 */
export const planMachine = defineMachine<FilingStatus, 'file' | 'withdraw' | 'complete' | 'return' | 'revise' | 'enact', PlanRow, FilingStepInput>({
  entity: PLAN_KIND.entity,
  table: implementationPlans,
  states: ['draft', 'filing', 'returned', 'filed', 'effective'] satisfies PlanStatus[],
  transitions: {
    ...plan.steps,
    /** A provincial plan is in force once the provincial government approved it (HN-11 ¶1); no receipts. */
    enact: {
      from: ['draft'],
      to: 'effective',
      self: plan.owner,
      guard: (row, input) => row.regionCode !== PROVINCE_REGION
        ? { message: '省辖市实施方案须报省行政审批政务信息管理局和省级行业主管部门备案', article: 'HN-11 ¶2' }
        : planRecords(row, input),
      patch: (row) => ({ lastVersionNo: row.lastVersionNo + 1, filedVersionNo: row.lastVersionNo + 1 }),
      effect: (tx, row, input, actor) => freezeVersion(tx, PLAN_KIND, row.id, row.lastVersionNo, input.snapshot, actor),
    },
  },
});

// ---- operating agreements (HN-13, HN-14)

const agreement = filingSteps<AgreementRow>({
  kind: AGREEMENT_KIND,
  permission: 'agreement.write',
  ownerOrgId: (row) => row.agencyOrgId,
  reviseFrom: ['filed'],
  reviseClears: { decisionOn: null, decisionMeeting: null },
  ready: (row, input) => {
    if (!row.decisionOn || !row.decisionMeeting) return { message: '运营协议须经实施机构“三重一大”决策机制审议通过后签订,尚未登记决策记录', article: 'HN-13 ¶1' };
    if ((input.minutes ?? 0) < 1) return { message: revised(input, '尚未上传“三重一大”决策会议纪要'), article: 'HN-13 ¶1' };
    if (input.filedOn && row.decisionOn < input.filedOn) {
      return { message: `修订后的运营协议须重新经“三重一大”决策审议(决策日期不能早于上一版备案日 ${input.filedOn})`, article: 'HN-13 ¶1' };
    }
    if (!row.signedOn) return { message: '尚未登记协议签订日期:运营协议经“三重一大”决策审议通过后签订', article: 'HN-13 ¶1' };
    if (!row.industryOrgId) return { message: '运营协议须报省级行业主管部门备案,请先选择行业主管部门', article: 'HN-13 ¶2' };
    const missing = bothRecipients(input, 'HN-13 ¶2');
    if (missing) return missing;
    if (termExceedsLimit(row.startsOn, row.endsOn) && row.exceptionStatus !== 'approved') {
      return {
        message: row.exceptionStatus === 'refused'
          ? '运营期限超过3年的例外申请未获省级公共数据主管部门批准,请修改运营期限'
          : '运营期限超过3年,须经省级公共数据主管部门批准例外后方可报备案',
        article: 'HN-14(2)',
      };
    }
    if (input.inoperable?.length) return { message: `以下数据资源不得投入运营:${input.inoperable.join(';')}`, article: 'HN-14(1)' };
    return null;
  },
});

/**
 * 运营协议 (HN-13, HN-14): 草稿 → 备案中 → 已备案 | 已退回, filed to the province and the provincial
 * industry department (HN-13 ¶2); 已终止 once the agency records the exit (HN-14(9), HN-14(12)).
 */
export const agreementMachine = defineMachine<FilingStatus, 'file' | 'withdraw' | 'complete' | 'return' | 'revise' | 'end', AgreementRow, FilingStepInput>({
  entity: AGREEMENT_KIND.entity,
  table: operatingAgreements,
  states: ['draft', 'filing', 'returned', 'filed', 'ended'] satisfies AgreementStatus[],
  transitions: {
    ...agreement.steps,
    end: {
      from: ['filed'],
      to: 'ended',
      self: agreement.owner,
      guard: (row) => row.exitPath !== 'exit' ? { message: '终止协议前须登记退出安排', article: 'HN-14(9)' } : null,
    },
  },
});
