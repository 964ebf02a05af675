import { exportSelections } from '@/server/routers/scenarios/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/developers/export?format=xlsx|csv&<list filters> — the 二级开发主体选择 list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'developer.read');
  if (g.response) return g.response;
  return exportSelections(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
