import { createTRPCRouter } from '@/server/trpc/init';

// Placeholder: filled in by the filings work (issue 5).
export const qualityRouter = createTRPCRouter({});
export const reportRouter = createTRPCRouter({});
