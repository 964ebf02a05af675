import { z } from 'zod';

export const ZAuditFilter = z.object({
  actor: z.string().trim().max(64).optional(),
  orgId: z.uuid().optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(48).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditFilter = z.infer<typeof ZAuditFilter>;

export const ZAuditListInput = ZAuditFilter.extend({
  cursor: z.number().int().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
