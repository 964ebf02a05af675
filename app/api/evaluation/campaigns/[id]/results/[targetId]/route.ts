import { exportTargetReport } from '@/server/routers/evaluation/result-export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/**
 * GET /api/evaluation/campaigns/{id}/results/{targetId} — one target's result report as xlsx: the
 * owner and the province any target; a target its own, once published (HN-22). No evaluator names.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; targetId: string }> }) {
  const g = await guardRoute(req, 'campaign.read');
  if (g.response) return g.response;
  const { id, targetId } = await params;
  return exportTargetReport(g.db, g.actor, g.user, id, targetId);
}
