import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import type { Grade } from '@/server/domain/evaluation';

/**
 * Aggregation and roll-up of a whole campaign in SQL (HN-22): per target × leaf the scores of the
 * evaluators who submitted that target without a conflict of interest → mean, or trimmed mean (one
 * highest and one lowest dropped) with `aggregation = 'trimmed'` and at least `trimmedMin` (≥ 3)
 * scores; the panel lead's resolution of a divergent leaf replaces the aggregate; a leaf counts
 * score / maxScore × 100 and a node the weighted sum of its children (weights in percent), so the
 * total is on 0–100; a veto item (一票否决) whose final score is below its line caps the grade at
 * 不合格; grades from the version's bands; rank by total. One statement for all targets.
 *
 * server/domain/evaluation.ts (aggregateLeaf, isDivergent, rollup, vetoedBy, gradeOf) is the
 * reference: results.test.ts checks that both give the same totals on a random campaign.
 */
export interface RollupCampaign {
  id: string;
  versionId: string;
  aggregation: string;
  trimmedMin: number;
  divergencePct: number;
}

export interface TargetRollup {
  targetId: string;
  /** 0–100. */
  total: number;
  grade: Grade;
  vetoed: boolean;
  /** Veto items that triggered. */
  vetoCodes: string[];
  /** { [dimensionCode]: 0–100 } */
  dimensionScores: Record<string, number>;
  /** 1 = best; equal totals (to 0.001) share a rank. */
  rank: number;
  /** Leaves with at least one submitted score. */
  scoredLeaves: number;
  /** Divergent leaves (range > divergencePct % of the maximum), and those the lead has not resolved. */
  divergent: number;
  unresolved: number;
}

export interface LeafRollup {
  targetId: string;
  code: string;
  dimension: string;
  maxScore: number;
  vetoBelow: number | null;
  /** Number of submitted scores, their range, the aggregate (mean / trimmed mean). */
  n: number;
  lo: number | null;
  hi: number | null;
  aggregate: number | null;
  /** The lead's resolution, when there is one. */
  resolved: number | null;
  /** What counts: the resolution, else the aggregate (null: nobody scored it; counts 0). */
  final: number | null;
  divergent: boolean;
}

/**
 * The per target × leaf relation (`leaf`), as CTEs. `targetId` narrows it to one target (a report);
 * the whole campaign otherwise.
 */
function leafCtes(c: RollupCampaign, targetId?: string): SQL {
  // MATERIALIZED: computed once each. Inlined, the planner may re-aggregate the scores per
  // target × leaf row (a nested loop over 20,000 rows × 100,000 scores) when a caller filters `leaf`.
  const trimmed = c.aggregation === 'trimmed';
  const only = targetId ? sql`and ct.id = ${targetId}::uuid` : sql``;
  return sql`
    with recursive
    nodes as (
      select n.code, n.parent_code, n.weight::float8 as w, coalesce(n.max_score, 100)::float8 as mx, n.veto_below::float8 as veto
        from indicator_nodes n where n.version_id = ${c.versionId}::uuid
    ),
    tree as (
      select code, code as dim, 1::float8 as g from nodes where parent_code is null
      union all
      select n.code, t.dim, t.g * n.w / 100 from nodes n join tree t on n.parent_code = t.code
    ),
    leaves as materialized (
      select t.code, t.dim, t.g, n.mx, n.veto, d.w / 100 as df
        from tree t join nodes n on n.code = t.code join nodes d on d.code = t.dim
       where not exists (select 1 from nodes k where k.parent_code = t.code)
    ),
    tg as materialized (select ct.id from campaign_targets ct where ct.campaign_id = ${c.id}::uuid ${only}),
    agg as materialized (
      select s.target_id, s.node_code, count(*)::int as n, sum(s.score)::float8 as sm, min(s.score)::float8 as lo, max(s.score)::float8 as hi
        from evaluation_scores s
        join tg on tg.id = s.target_id
        join evaluator_targets et on et.target_id = s.target_id and et.evaluator_user_id = s.evaluator_user_id
       where et.coi = 'clear' and et.submitted_at is not null
       group by s.target_id, s.node_code
    ),
    leaf0 as materialized (
      select tg.id as target_id, l.code, l.dim, l.g, l.df, l.mx, l.veto, coalesce(a.n, 0) as n, a.lo, a.hi,
             case when a.n is null then null
                  when ${trimmed}::boolean and a.n >= greatest(3, ${c.trimmedMin}::int) then (a.sm - a.lo - a.hi) / (a.n - 2)
                  else a.sm / a.n end as aggregate,
             r.score::float8 as resolved,
             coalesce(a.n, 0) >= 2 and a.hi - a.lo > ${c.divergencePct}::float8 / 100 * l.mx as divergent
        from tg cross join leaves l
        left join agg a on a.target_id = tg.id and a.node_code = l.code
        left join leaf_resolutions r on r.target_id = tg.id and r.node_code = l.code
    ),
    leaf as (select *, coalesce(resolved, aggregate) as final from leaf0)`;
}

/** Every target's total, grade, veto, dimension scores and rank (or one target's, with `targetId`: rank then among itself only). */
export async function rollupCampaign(db: DbOrTx, c: RollupCampaign, targetId?: string): Promise<TargetRollup[]> {
  const rows = await queryRows<{
    target_id: string; total: number; grade: Grade; vetoed: boolean; veto_codes: string[] | null; dims: Record<string, number>; rank: number;
    scored: number; divergent: number; unresolved: number;
  }>(db, sql`${leafCtes(c, targetId)},
    dims as (
      select target_id, dim, min(df) as df, sum(g * coalesce(final, 0) / mx * 100) as score
        from leaf group by target_id, dim
    ),
    tot as (
      select d.target_id, sum(d.df * d.score) as total, jsonb_object_agg(d.dim, d.score) as dims from dims d group by d.target_id
    ),
    flags as (
      select target_id,
             array_agg(code order by code) filter (where veto is not null and coalesce(final, 0) < veto) as veto_codes,
             count(*) filter (where n > 0)::int as scored,
             count(*) filter (where divergent)::int as divergent,
             count(*) filter (where divergent and resolved is null)::int as unresolved
        from leaf group by target_id
    ),
    bands as (
      select (v.grade_bands->>'excellent')::float8 as ex, (v.grade_bands->>'good')::float8 as gd, (v.grade_bands->>'pass')::float8 as ps
        from indicator_versions v where v.id = ${c.versionId}::uuid
    )
    select t.target_id, t.total, t.dims, f.veto_codes, f.scored, f.divergent, f.unresolved,
           f.veto_codes is not null as vetoed,
           case when f.veto_codes is not null then 'fail'
                when round(t.total::numeric, 2) >= b.ex then 'excellent'
                when round(t.total::numeric, 2) >= b.gd then 'good'
                when round(t.total::numeric, 2) >= b.ps then 'pass'
                else 'fail' end as grade,
           rank() over (order by round(t.total::numeric, 3) desc)::int as rank
      from tot t join flags f on f.target_id = t.target_id cross join bands b
     order by rank, t.target_id`);
  return rows.map((r) => ({
    targetId: r.target_id,
    total: Number(r.total),
    grade: r.grade,
    vetoed: !!r.vetoed,
    vetoCodes: r.veto_codes ?? [],
    dimensionScores: Object.fromEntries(Object.entries(typeof r.dims === 'string' ? JSON.parse(r.dims) as Record<string, number> : r.dims).map(([k, v]) => [k, Number(v)])),
    rank: Number(r.rank),
    scoredLeaves: Number(r.scored),
    divergent: Number(r.divergent),
    unresolved: Number(r.unresolved),
  }));
}

/** Per target × leaf: count, range, aggregate, resolution, final score, divergence (for a report, or the divergent ones of a campaign). */
export async function leafRollup(db: DbOrTx, c: RollupCampaign, o: { targetId?: string; divergentOnly?: boolean } = {}): Promise<LeafRollup[]> {
  const rows = await queryRows<{
    target_id: string; code: string; dim: string; mx: number; veto: number | null; n: number; lo: number | null; hi: number | null;
    aggregate: number | null; resolved: number | null; final: number | null; divergent: boolean;
  }>(db, sql`${leafCtes(c, o.targetId)}
    select target_id, code, dim, mx, veto, n, lo, hi, aggregate, resolved, final, divergent from leaf
     ${o.divergentOnly ? sql`where divergent` : sql``}
     order by target_id, code`);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    targetId: r.target_id, code: r.code, dimension: r.dim, maxScore: Number(r.mx), vetoBelow: num(r.veto), n: Number(r.n), lo: num(r.lo), hi: num(r.hi),
    aggregate: num(r.aggregate), resolved: num(r.resolved), final: num(r.final), divergent: !!r.divergent,
  }));
}

/**
 * The submitted scores (evaluators without conflict) of the divergent leaves only, with the
 * evaluator's name — for the owner and the lead once scoring is closed (results.ts decides what
 * of it to show).
 */
export async function divergentScores(db: DbOrTx, c: RollupCampaign) {
  const rows = await queryRows<{ target_id: string; code: string; evaluator_user_id: string; name: string; score: number; comment: string | null }>(db, sql`${leafCtes(c)}
    select l.target_id, l.code, s.evaluator_user_id, u.display_name as name, s.score::float8 as score, s.comment
      from leaf l
      join evaluation_scores s on s.target_id = l.target_id and s.node_code = l.code
      join evaluator_targets et on et.target_id = s.target_id and et.evaluator_user_id = s.evaluator_user_id
      join users u on u.id = s.evaluator_user_id
     where l.divergent and et.coi = 'clear' and et.submitted_at is not null
     order by u.display_name, s.evaluator_user_id`);
  return rows.map((r) => ({ targetId: r.target_id, nodeCode: r.code, evaluatorUserId: r.evaluator_user_id, name: r.name, score: Number(r.score), comment: r.comment }));
}
