import { z } from 'zod';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { listAttachments } from './service';

export const attachmentRouter = createTRPCRouter({
  /** The files of one entity (no content), and whether the caller may add one. */
  list: permissionProcedure('attachment.read')
    .input(z.object({ entityType: z.string().trim().min(1, '缺少对象类型').max(48), entityId: z.string().trim().min(1, '缺少对象').max(64) }))
    .query(({ ctx, input }) => listAttachments(ctx.db, ctx.user, input.entityType, input.entityId)),
});
