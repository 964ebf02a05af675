/**
 * Enumerations of data-quality requests (HN-16) and periodic reports (HN-22 ¶3), safe to import on
 * the client. Labels live in messages/<locale>/reports.json.
 */

/** What a quality issue is about: a data item of the resource, its description (metadata), or sample data. */
export const QUALITY_SUBJECTS = ['item', 'description', 'sample'] as const;
export const QUALITY_STATUSES = ['open', 'clarifying', 'answered', 'closed', 'withdrawn'] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];

export const REPORT_KINDS = ['quarterly', 'annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How a reporting period stands: 已报送, 迟报, 缺报, 待报送, 草稿. */
export const REPORT_STATES = ['submitted', 'late', 'missing', 'pending', 'draft'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
