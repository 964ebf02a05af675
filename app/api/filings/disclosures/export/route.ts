import { exportDisclosures } from '@/server/routers/scenarios/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/filings/disclosures/export?format=xlsx|csv&<list filters> — the 使用情况披露 list as a file, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'disclosure.read');
  if (g.response) return g.response;
  return exportDisclosures(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
