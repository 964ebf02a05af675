import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** First pages of the HN-15 / HN-17 lists, the same for the server prefetch and the browser. Plain module. */
export const PAGE_SIZE = 20;
export const SCENARIO_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const PRODUCT_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const SELECTION_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;
export const DISCLOSURE_LIST_DEFAULT = { limit: PAGE_SIZE, sort: 'updatedAt', dir: 'desc' } as const;

type Outputs = inferRouterOutputs<AppRouter>;
export type ScenarioRow = Outputs['scenario']['list']['items'][number];
export type ScenarioDetail = Outputs['scenario']['get'];
export type RoundView = ScenarioDetail['rounds'][number];
export type AgreementOption = Outputs['scenario']['agreementOptions'][number];
export type ProductRow = Outputs['product']['list']['items'][number];
export type ProductDetail = Outputs['product']['get'];
export type SelectionRow = Outputs['developer']['list']['items'][number];
export type SelectionDetail = Outputs['developer']['get'];
export type DisclosureRow = Outputs['disclosure']['list']['items'][number];
export type DisclosureDetail = Outputs['disclosure']['get'];

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };
