import { exportOrders } from '@/server/routers/rectification/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/rectification/orders/export?format=xlsx|csv&<list filters> — 整改通知, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'rectification.read');
  if (g.response) return g.response;
  return exportOrders(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
