import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { indicatorNodes } from '@/db/schema';
import { DEFAULT_MAX_SCORE, type RubricLevel } from '@/server/domain/evaluation';

/**
 * The frozen tree of a campaign: the nodes of the indicator-system version it was created with
 * (a published version never changes, so a campaign never moves when the system is edited).
 */
export interface CampaignNode {
  code: string;
  parentCode: string | null;
  depth: number;
  seq: number;
  name: string;
  weight: number;
  maxScore: number | null;
  rubric: RubricLevel[] | null;
  evidence: string | null;
  article: string | null;
  vetoBelow: number | null;
  factKey: string | null;
  leaf: boolean;
}

export async function versionTree(db: DbOrTx, versionId: string): Promise<CampaignNode[]> {
  const rows = await db
    .select({
      code: indicatorNodes.code, parentCode: indicatorNodes.parentCode, depth: indicatorNodes.depth, seq: indicatorNodes.seq, name: indicatorNodes.name,
      weight: indicatorNodes.weight, maxScore: indicatorNodes.maxScore, rubric: indicatorNodes.rubric, evidence: indicatorNodes.evidence,
      article: indicatorNodes.article, vetoBelow: indicatorNodes.vetoBelow, factKey: indicatorNodes.factKey,
    })
    .from(indicatorNodes)
    .where(eq(indicatorNodes.versionId, versionId))
    .orderBy(asc(indicatorNodes.depth), asc(indicatorNodes.seq), asc(indicatorNodes.code));
  const parents = new Set(rows.map((r) => r.parentCode).filter((p): p is string => p !== null));
  return preorder(rows.map((r) => ({ ...r, rubric: (r.rubric as RubricLevel[] | null) ?? null, leaf: !parents.has(r.code) })));
}

/** Depth-first order (dimension, its indicators, their items…): the order of the scoring screen and of J/K. */
function preorder(nodes: CampaignNode[]): CampaignNode[] {
  const kids = new Map<string | null, CampaignNode[]>();
  for (const n of nodes) kids.set(n.parentCode, [...(kids.get(n.parentCode) ?? []), n]);
  const out: CampaignNode[] = [];
  const walk = (p: string | null) => {
    for (const n of (kids.get(p) ?? []).sort((a, b) => a.seq - b.seq || a.code.localeCompare(b.code))) {
      out.push(n);
      walk(n.code);
    }
  };
  walk(null);
  return out;
}

export const leafCodes = (nodes: readonly CampaignNode[]) => nodes.filter((n) => n.leaf).map((n) => n.code);

export const maxOf = (n: Pick<CampaignNode, 'maxScore'>) => n.maxScore ?? DEFAULT_MAX_SCORE;
