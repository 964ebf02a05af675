import { exportPlans } from '@/server/routers/plans/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/plans/export?format=xlsx|csv&<list filters> — the plan list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'plan.read');
  if (g.response) return g.response;
  return exportPlans(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
