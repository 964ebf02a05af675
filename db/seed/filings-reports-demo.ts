import type { DbOrTx } from '@/db/client';
import type { DemoFilingContext } from './filings-demo';

/** Demo rows: Data-quality requests and periodic reports (HN-16, HN-22 ¶3). */
export async function seedDemoReports(_tx: DbOrTx, _ctx: DemoFilingContext): Promise<void> {
  // filled in with the area's demo rows
}
