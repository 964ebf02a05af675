import { exportCriticisms } from '@/server/routers/rectification/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/rectification/criticisms/export?format=xlsx|csv&<list filters> — 通报批评, in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'criticism.read');
  if (g.response) return g.response;
  return exportCriticisms(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
