import { exportQuality } from '@/server/routers/reports/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/quality/export?format=xlsx|csv&<list filters> — the data-quality requests in the caller's scope (HN-16). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'quality.read');
  if (g.response) return g.response;
  return exportQuality(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
