import { exportSuspensions } from '@/server/routers/rectification/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/rectification/suspensions/export?format=xlsx|csv&<list filters> — 暂停授权运营记录, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'suspension.read');
  if (g.response) return g.response;
  return exportSuspensions(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
