import { exportRegistrations } from '@/server/routers/catalog/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/catalog/registrations/export?format=xlsx|csv&<list filters> — registrations in the caller's scope. */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'registration.read');
  if (g.response) return g.response;
  return exportRegistrations(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
