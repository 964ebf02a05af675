import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First page of the campaign list, the same for the server prefetch and the browser. Plain module. */
export const CAMPAIGN_LIST_DEFAULT = { limit: 20, sort: 'createdAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type CampaignRow = Outputs['campaign']['list']['items'][number];
export type CampaignDetail = Outputs['campaign']['get'];
export type SelfView = Outputs['campaign']['self']['get'];
export type EvaluatorHomeData = Outputs['campaign']['scoring']['targets'];
export type ScoringData = Outputs['campaign']['scoring']['get'];
export type CampaignNode = ScoringData['nodes'][number];
export type FactRow = ScoringData['leaves'][number]['facts'][number];
