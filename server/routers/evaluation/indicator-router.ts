import { createTRPCRouter } from '@/server/trpc/init';

/** 评价指标体系 (HN-22 ¶1): versioned trees of indicators, built by the province. */
export const indicatorRouter = createTRPCRouter({});
