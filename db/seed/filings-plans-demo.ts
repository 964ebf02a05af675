import type { DbOrTx } from '@/db/client';
import type { DemoFilingContext } from './filings-demo';

/** Demo rows: Implementation plans and more agreements (HN-11 … HN-14). */
export async function seedDemoPlans(_tx: DbOrTx, _ctx: DemoFilingContext): Promise<void> {
  // filled in with the area's demo rows
}
