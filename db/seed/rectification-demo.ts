import type { DbOrTx } from '@/db/client';

/** Demo rectification orders, suspensions and criticisms (HN-20, HN-22 ¶2, HN-24). */
export async function seedDemoRectification(_tx: DbOrTx, _orgIds: Map<string, string>): Promise<void> {}
