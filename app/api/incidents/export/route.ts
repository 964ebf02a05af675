import { exportIncidents } from '@/server/routers/incidents/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/incidents/export?format=xlsx|csv&<list filters> — the incident reports in the caller's scope (HN-18, ID-12 ¶3). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'incident.read');
  if (g.response) return g.response;
  return exportIncidents(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
