import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { policies } from '@/db/schema';

/** Security policy (DESIGN §4, 等保 L3), edited by the secadmin. Defaults are the baseline. */
export const ZSecurityPolicy = z.object({
  lockoutThreshold: z.number().int().min(3, '至少 3 次').max(10, '至多 10 次'),
  lockoutMinutes: z.number().int().min(5, '至少 5 分钟').max(1440, '至多 1440 分钟'),
  idleTimeoutMinutes: z.number().int().min(5, '至少 5 分钟').max(120, '至多 120 分钟'),
  passwordMinLength: z.number().int().min(10, '不得低于 10 位').max(64, '至多 64 位'),
  passwordMinClasses: z.number().int().min(3, '至少 3 类').max(4, '至多 4 类'),
  passwordHistory: z.number().int().min(5, '至少 5 个').max(24, '至多 24 个'),
});
export type SecurityPolicy = z.infer<typeof ZSecurityPolicy>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
};

export const SECURITY_POLICY_KEY = 'security';

export async function loadSecurityPolicy(db: DbOrTx): Promise<SecurityPolicy & { version: number }> {
  const [row] = await db.select().from(policies).where(eq(policies.key, SECURITY_POLICY_KEY));
  if (!row) return { ...DEFAULT_SECURITY_POLICY, version: 0 };
  const parsed = ZSecurityPolicy.partial().parse(row.value);
  return { ...DEFAULT_SECURITY_POLICY, ...parsed, version: row.version };
}

/**
 * The idle timeout checked on every request, read at most every few seconds per database handle
 * (a change by the secadmin reaches every process within that time).
 */
const IDLE_TTL_MS = 5_000;
const idleCache = new WeakMap<object, { at: number; minutes: number }>();

export async function idleTimeoutMinutes(db: DbOrTx): Promise<number> {
  const hit = idleCache.get(db);
  if (hit && Date.now() - hit.at < IDLE_TTL_MS) return hit.minutes;
  const { idleTimeoutMinutes: minutes } = await loadSecurityPolicy(db);
  idleCache.set(db, { at: Date.now(), minutes });
  return minutes;
}

/** Forget the cached value after the policy was changed in this process. */
export function forgetIdleTimeout(db: DbOrTx): void {
  idleCache.delete(db);
}
