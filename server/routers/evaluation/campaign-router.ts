import { createTRPCRouter } from '@/server/trpc/init';

/** 年度评价 campaigns (HN-22): set-up, self-assessment, conflicts of interest, blind scoring. */
export const campaignRouter = createTRPCRouter({});
