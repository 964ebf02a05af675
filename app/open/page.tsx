import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { shanghaiDate } from '@/server/domain/deadlines';
import { publicListing } from '@/server/routers/scenarios/public';
import { OpenListing } from './_components/open-listing';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '公共数据产品和服务清单及使用情况披露' };

/**
 * HN-17 ¶2: the public list of each operator's registered products and services and its published
 * usage disclosures. No login (proxy.ts lets /open through); outside app/(console), whose layout
 * requires a session. Read through `publicListing`, which returns nothing else.
 */
export default async function OpenPage() {
  const operators = await publicListing(await getDb());
  return <OpenListing operators={operators} today={shanghaiDate(new Date())} />;
}
