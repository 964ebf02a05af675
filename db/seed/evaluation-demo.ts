import type { DbOrTx } from '@/db/client';

/** Demo indicator systems (HN-22): the default system for each target kind, built from the articles. */
export async function seedDemoIndicators(_tx: DbOrTx, _orgIds: Map<string, string>): Promise<void> {}
