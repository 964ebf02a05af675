import { exportReports } from '@/server/routers/reports/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/reports/export?format=xlsx|csv&<list filters> — report periods (filed, late, missing) in the caller's scope (HN-22 ¶3). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'report.read');
  if (g.response) return g.response;
  return exportReports(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
