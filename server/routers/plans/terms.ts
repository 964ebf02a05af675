/**
 * The vocabulary of plans and agreements that the browser needs too (no imports: safe in client
 * components). Labels live in messages/<locale>/plans.json.
 */
export const PLAN_STATUSES = ['draft', 'filing', 'returned', 'filed', 'effective'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const AGREEMENT_STATUSES = ['draft', 'filing', 'returned', 'filed', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** HN-12(3): 整体授权 / 分领域授权 / 依场景授权. */
export const PLAN_MODES = ['whole', 'domain', 'scenario'] as const;
export const EXCEPTION_STATUSES = ['none', 'pending', 'approved', 'refused'] as const;
/** HN-14(9): 续约 / 退出. */
export const EXIT_PATHS = ['renew', 'exit'] as const;
