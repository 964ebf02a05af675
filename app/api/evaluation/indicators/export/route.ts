import { exportSystems } from '@/server/routers/evaluation/indicator-xlsx';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/evaluation/indicators/export?format=xlsx|csv&<list filters> — the 评价指标体系 the caller sees (HN-22). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'indicator.read');
  if (g.response) return g.response;
  return exportSystems(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
