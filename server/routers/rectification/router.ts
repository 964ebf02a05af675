import { createTRPCRouter } from '@/server/trpc/init';

/** 整改 (HN-20, HN-22 ¶2, ID-14). */
export const rectificationRouter = createTRPCRouter({});
/** 暂停授权运营 and 约谈 (HN-22 ¶2). */
export const suspensionRouter = createTRPCRouter({});
/** 通报批评 (HN-24). */
export const criticismRouter = createTRPCRouter({});
