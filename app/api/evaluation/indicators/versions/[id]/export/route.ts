import { exportVersion } from '@/server/routers/evaluation/indicator-xlsx';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/evaluation/indicators/versions/:id/export — one version of an indicator system as xlsx (HN-22), the import template too. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guardRoute(req, 'indicator.read');
  if (g.response) return g.response;
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  return exportVersion(g.db, g.actor, g.user, id);
}
