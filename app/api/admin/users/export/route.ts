import { exportUsers } from '@/server/routers/admin/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/admin/users/export?format=xlsx|csv&q=&orgId=&role=&status=&sort=&dir= — the user list as a file. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'admin.user.read');
  if (g.response) return g.response;
  return exportUsers(g.db, g.actor, new URL(req.url).searchParams);
}
