import { exportResultTable } from '@/server/routers/evaluation/result-export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/evaluation/campaigns/{id}/results — the result table of a campaign as xlsx or csv (?format=, owner and province, HN-22). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guardRoute(req, 'campaign.manage');
  if (g.response) return g.response;
  const { id } = await params;
  const format = new URL(req.url).searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  return exportResultTable(g.db, g.actor, g.user, id, format);
}
