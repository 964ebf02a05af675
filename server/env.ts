import { z } from 'zod';

/** Environment read and validated once. See .env.example for every variable. */
const ZEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./.data/pglite'),
  AUTH_SECRET: z.string().min(32).optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Seed the demo province into an empty database (default on; set to "false" in production). */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Login attempts allowed per client address per minute (on top of the per-account lockout). */
  LOGIN_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
});

export type Env = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  return ZEnv.parse(cleaned);
}

export const env = readEnv();
