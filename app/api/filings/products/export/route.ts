import { exportProducts } from '@/server/routers/scenarios/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/products/export?format=xlsx|csv&<list filters> — the 产品和服务 list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'product.read');
  if (g.response) return g.response;
  return exportProducts(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
