import { RateLimiterMemory } from 'rate-limiter-flexible';
import { env } from '@/server/env';

/**
 * Rate limits (DESIGN §4). Login: per IP and per account, on top of the account lockout stored in
 * the database. Writes: per user. In-memory per process; a multi-node deployment swaps in
 * rate-limiter-flexible's Redis or Postgres store.
 */
const g = globalThis as unknown as { __limiters?: Record<string, RateLimiterMemory> };
g.__limiters ??= {
  loginIp: new RateLimiterMemory({ keyPrefix: 'login_ip', points: env.LOGIN_IP_LIMIT_PER_MINUTE, duration: 60 }),
  loginAccount: new RateLimiterMemory({ keyPrefix: 'login_acct', points: 10, duration: 60 }),
  writes: new RateLimiterMemory({ keyPrefix: 'writes', points: 120, duration: 60 }),
};
const limiters = g.__limiters;

/** Consume one point; returns seconds to wait when the limit is exceeded, otherwise 0. */
export async function hit(limiter: 'loginIp' | 'loginAccount' | 'writes', key: string): Promise<number> {
  try {
    await limiters[limiter].consume(key);
    return 0;
  } catch (res) {
    const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 1000;
    return Math.ceil(ms / 1000);
  }
}

/** Forget a key's consumed points (the procedure × role matrix test makes far more writes per user than a person can). */
export async function resetRateLimit(limiter: 'loginIp' | 'loginAccount' | 'writes', key: string): Promise<void> {
  await limiters[limiter].delete(key);
}
