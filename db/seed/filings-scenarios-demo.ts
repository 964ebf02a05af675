import type { DbOrTx } from '@/db/client';
import type { DemoFilingContext } from './filings-demo';

/** Demo rows: Scenarios, compliance reviews, products, secondary developers and disclosures (HN-15, HN-17). */
export async function seedDemoScenarios(_tx: DbOrTx, _ctx: DemoFilingContext): Promise<void> {
  // filled in with the area's demo rows
}
