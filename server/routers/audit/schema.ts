import { z } from 'zod';

export const ZAuditFilter = z.object({
  actor: z.string().trim().max(64).optional(),
  orgId: z.uuid('机构标识格式不正确').optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(48).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** One row by its sequence number (the broken link the chain check found). */
  seq: z.number().int().positive().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '结束时间不能早于开始时间' });
export type AuditFilter = z.infer<typeof ZAuditFilter>;

export const ZAuditListInput = ZAuditFilter.and(z.object({
  cursor: z.number().int().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
}));

/** At most this many rows (the newest) per export file; the page and the file name say so. */
export const AUDIT_EXPORT_CAP = 100_000;
