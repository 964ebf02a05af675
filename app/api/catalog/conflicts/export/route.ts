import { exportConflicts } from '@/server/routers/catalog/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/catalog/conflicts/export?format=xlsx|csv&q=&unresolved= — the 一数一源 conflicts (province only). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'catalog.conflicts.read');
  if (g.response) return g.response;
  return exportConflicts(g.db, g.actor, new URL(req.url).searchParams);
}
