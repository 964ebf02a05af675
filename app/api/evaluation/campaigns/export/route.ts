import { exportCampaigns } from '@/server/routers/evaluation/campaign-export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/evaluation/campaigns/export?format=xlsx|csv&<list filters> — the 年度评价 campaigns the caller sees (HN-22). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'campaign.read');
  if (g.response) return g.response;
  return exportCampaigns(g.db, g.actor, g.user, new URL(req.url).searchParams);
}
