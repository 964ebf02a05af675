import { ping } from '@/db/client';
import { getDbHandle } from '@/server/db';

export const dynamic = 'force-dynamic';

/** Liveness and database check: 200 when the database answers, 503 otherwise. */
export async function GET() {
  try {
    const h = await getDbHandle();
    if (await ping(h.db)) return Response.json({ status: 'ok', db: h.kind });
  } catch {
    // fall through: never expose the error
  }
  return Response.json({ status: 'error', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' }, { status: 503 });
}
