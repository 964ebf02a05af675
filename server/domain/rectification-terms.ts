/**
 * Terms of rectification (HN-20, HN-22 ¶2, HN-24, ID-14): sources, statuses, deadline kinds and
 * limits. Client-safe (no calendar, no database): the pages import it; the rules live in
 * rectification.ts, which re-exports it.
 */

/** Where an order comes from, and the article it enforces by default. */
export const ORDER_SOURCES = ['evaluation', 'inspection', 'incident', 'notice', 'identity'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const SOURCE_INFO: Record<OrderSource, { label: string; article: string }> = {
  /** HN-22 ¶2: 一级开发主体应当根据评价指出的问题制定整改方案,限期整改. */
  evaluation: { label: '年度评价发现问题', article: 'HN-22 ¶2' },
  /** HN-20: 监督检查……并督促整改落实. */
  inspection: { label: '监督检查', article: 'HN-20' },
  /** HN-18: a risk or security incident the operator reported (or failed to report). */
  incident: { label: '安全事件', article: 'HN-18' },
  /** HN-24: 通报批评并责令整改. */
  notice: { label: '通报批评', article: 'HN-24' },
  /** ID-14: a failed item of an identity-service inspection (ID-7/8/9/11/12). */
  identity: { label: '网络身份认证公共服务违规', article: 'ID-14' },
};

export const ORDER_STATUSES = ['plan_pending', 'plan_submitted', 'in_progress', 'verifying', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Not yet closed or cancelled: the due time still runs (HN-22 ¶2 未按期整改到位). */
export const OPEN_STATUSES = ['plan_pending', 'plan_submitted', 'in_progress', 'verifying'] as const satisfies readonly OrderStatus[];
export const isOpenStatus = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);

export const STATUS_LABEL: Record<OrderStatus, string> = {
  plan_pending: '待提交整改方案',
  plan_submitted: '整改方案待审核',
  in_progress: '整改中',
  verifying: '待验收',
  closed: '已办结',
  cancelled: '已撤销',
};

/** How a deadline is given. */
export const ORDER_DEADLINE_KINDS = ['calendar_days', 'working_days'] as const;
export type OrderDeadlineKind = (typeof ORDER_DEADLINE_KINDS)[number];
export const DEADLINE_MIN = 1;
export const DEADLINE_MAX = 365;

/** The organization types an order may target: those that answer one (policy: rectification.respond). */
export const TARGET_ORG_TYPES = ['operator', 'implementing_agency', 'platform'] as const;
/** The role that answers for each target type (its users get the inbox tasks). */
export const RESPONDER_ROLE: Record<(typeof TARGET_ORG_TYPES)[number], string> = {
  operator: 'operator',
  implementing_agency: 'implementing_agency',
  platform: 'platform',
};

/** The entries of an order's exchange (rectification_entries.kind). */
export const ENTRY_KINDS = [
  'plan', 'plan_accepted', 'plan_returned', 'progress', 'verify_request', 'verify_accepted', 'verify_returned',
  'extension_request', 'extension_granted', 'extension_refused', 'cancelled',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const SUSPENSION_CAUSES = ['overdue', 'major_risk', 'decision'] as const;
export type SuspensionCause = (typeof SUSPENSION_CAUSES)[number];
/** HN-22 ¶2: 评价发现重大安全风险或未按期整改到位的,应当暂停公共数据资源授权运营工作,必要时约谈主要负责人. */
export const SUSPENSION_BASIS = 'HN-22 ¶2';

export const INTERVIEW_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** 整改通知 number: 豫数整〔2026〕3号, sequential per year. */
export const orderNo = (year: number, n: number) => `豫数整〔${year}〕${n}号`;
export const ORDER_NO_PREFIX = (year: number) => `豫数整〔${year}〕`;

/** Due within this many days (and not yet past): 即将到期. */
export const DUE_SOON_DAYS = 7;

