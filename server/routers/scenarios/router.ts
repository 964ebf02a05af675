import { createTRPCRouter } from '@/server/trpc/init';

// Placeholder: filled in by the filings work (issue 5).
export const scenarioRouter = createTRPCRouter({});
export const productRouter = createTRPCRouter({});
export const developerRouter = createTRPCRouter({});
export const disclosureRouter = createTRPCRouter({});
