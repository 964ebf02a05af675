import 'server-only';
import { currentSession } from '@/server/auth/current';
import { clientIp } from '@/server/auth/request';
import { getDb } from '@/server/db';
import { ensureCalendarFresh } from '@/server/domain/calendar';
import type { Context } from './init';

export async function createTRPCContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  await ensureCalendarFresh(db);
  const check = await currentSession();
  return { db, user: check.user, ip: clientIp(opts.headers), sessionEnd: check.user ? undefined : check.reason };
}
