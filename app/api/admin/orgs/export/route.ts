import { exportOrgs } from '@/server/routers/admin/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/admin/orgs/export?format=xlsx|csv&q=&type=&regionCode=&active=&sort=&dir= — the organization list as a file. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'admin.org.read');
  if (g.response) return g.response;
  return exportOrgs(g.db, g.actor, new URL(req.url).searchParams);
}
