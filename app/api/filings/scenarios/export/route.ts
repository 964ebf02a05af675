import { exportScenarios } from '@/server/routers/scenarios/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/scenarios/export?format=xlsx|csv&<list filters> — the 应用场景申请 list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'scenario.read');
  if (g.response) return g.response;
  return exportScenarios(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
