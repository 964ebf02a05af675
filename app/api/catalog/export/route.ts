import { exportResources } from '@/server/routers/catalog/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/catalog/export?format=xlsx|csv&<list filters> — the catalog list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'catalog.read');
  if (g.response) return g.response;
  return exportResources(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
