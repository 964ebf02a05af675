import type { DbOrTx } from '@/db/client';

/** Demo evaluation campaigns (HN-22), after the indicator systems. */
export async function seedDemoCampaigns(_tx: DbOrTx, _orgIds: Map<string, string>): Promise<void> {}
