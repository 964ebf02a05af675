import { createTRPCRouter } from '@/server/trpc/init';

/** Aggregation, divergence, review, publication and results of a campaign (HN-22), findings → orders. */
export const evaluationRouter = createTRPCRouter({});
