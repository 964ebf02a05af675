/**
 * `npm run bench:evaluation`: issue 6 "Scale and speed" — a campaign of 200 targets × 100 leaves ×
 * 5 evaluators (100,000 scores), the time to compute every total and grade (rollup.ts, one SQL
 * statement) and the p50/p95 of opening a target's scoring screen (`campaign.scoring.get`, what
 * scoring.ts serves the screen with). Goal: totals under 1 s on PostgreSQL.
 *
 *   npm run bench:evaluation -- [--db pglite,postgres] [--runs 20] [--opens 50]
 *
 * PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/test):
 * a database of its own is created there and dropped at the end. PGlite (in memory) always, unless
 * --db says otherwise. Each row is also given as a ratio to a baseline measured in the same run on
 * the same connection: a plain `select count(*)` over the campaign's 100,000 scores.
 *
 * Seeding uses bulk inserts (generate_series for organizations and scores). Calls go in-process
 * through the tRPC caller as signed-in users (as server/test/harness.ts does): input validation,
 * the procedure ladder, the queries, the row mapping.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { openDb, queryRows, type Db, type DbHandle } from '@/db/client';
import { campaigns, evaluationScores, evaluatorTargets, organizations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { loadCalendar } from '@/server/domain/calendar';
import { aggregateLeaf, rollup, type IndicatorNode } from '@/server/domain/evaluation';
import { versionTree } from '@/server/routers/evaluation/campaign-tree';
import { seedCampaign, seedVersion } from '@/server/routers/evaluation/evaluation-test-kit';
import { rollupCampaign } from '@/server/routers/evaluation/rollup';
import { callerFromCtx, demoUser, sessionUserFor } from '@/server/test/harness';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PG_BASE = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const DBS = (arg('db') ?? (PG_BASE ? 'pglite,postgres' : 'pglite')).split(',');
const RUNS = Number(arg('runs') ?? 20);
const OPENS = Number(arg('opens') ?? 50);
const TARGETS = 200;
const DIMENSIONS = 10;
const LEAVES_PER_DIMENSION = 10;
const EVALUATORS = 5;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

async function timed(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn(i); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn(i);
    xs.push(now() - t0);
  }
  return { p50: pct(xs, 0.5), p95: pct(xs, 0.95) };
}

async function open(kind: string): Promise<DbHandle & { label: string }> {
  if (kind === 'pglite') return { ...(await openDb({})), label: 'PGlite (in memory)' };
  if (!PG_BASE) throw new Error('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const name = `bench_eval_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString() });
  return {
    ...h,
    label: `PostgreSQL (${url.host}/${name})`,
    close: async () => {
      await h.close();
      const c = new Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** 200 operators (one insert), the campaign in review with 5 clear, submitted evaluators, 100,000 scores (one insert … select). */
async function seed(db: Db) {
  await seedDemo(db, { onlyIfEmpty: true });
  await loadCalendar(db);
  const [province] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.type, 'province_authority'));
  const tag = randomBytes(3).toString('hex');
  const orgs = await queryRows<{ id: string }>(db, sql`
    insert into ${organizations} (name, credit_code, type, region_code)
    select '压测运营主体' || ${tag} || '-' || i, 'ZZ' || ${tag} || lpad(i::text, 10, '0'), 'operator',
           (array['410000','410100','410300'])[1 + i % 3]
      from generate_series(1, ${TARGETS}::int) as i
    returning id`);
  const { versionId } = await seedVersion(db, { shape: { dimensions: DIMENSIONS, leavesPerDimension: LEAVES_PER_DIMENSION } });
  const s = await seedCampaign(db, {
    ownerOrgId: province.id, status: 'review', versionId, targetOrgIds: orgs.map((o) => o.id), evaluators: EVALUATORS, coi: 'clear', submitted: true,
    aggregation: 'trimmed', trimmedMin: 5,
  });
  // every evaluator × target × leaf, 0–10 with one decimal: a level per target × leaf (5–10), each
  // evaluator within ±1.2 of it, and one score in 100 off by 5 (a divergence for the lead)
  await db.execute(sql`
    insert into ${evaluationScores} (target_id, evaluator_user_id, node_code, score)
    select et.target_id, et.evaluator_user_id, n.code,
           least(10, greatest(0, round((5 + 5 * (abs(hashtext(et.target_id::text || n.code)) % 1000) / 1000.0
                                        + (random() - 0.5) * 2.4 - case when random() < 0.01 then 5 else 0 end)::numeric, 1)))
      from ${evaluatorTargets} et
      join campaign_targets t on t.id = et.target_id and t.campaign_id = ${s.campaignId}::uuid
      cross join indicator_nodes n
     where n.version_id = ${versionId}::uuid and not exists (select 1 from indicator_nodes k where k.version_id = n.version_id and k.parent_code = n.code)`);
  await db.execute(sql`analyze`);
  return s;
}

/** The pure-JS roll-up (server/domain/evaluation.ts) of every target, after fetching every score: the alternative to rollup.ts. */
async function pureRollup(db: Db, campaignId: string, versionId: string) {
  const [nodes, rows] = await Promise.all([
    versionTree(db, versionId),
    queryRows<{ target_id: string; node_code: string; score: string | number }>(db, sql`
      select s.target_id, s.node_code, s.score from ${evaluationScores} s
        join ${evaluatorTargets} et on et.target_id = s.target_id and et.evaluator_user_id = s.evaluator_user_id
        join campaign_targets t on t.id = s.target_id
       where t.campaign_id = ${campaignId}::uuid and et.coi = 'clear' and et.submitted_at is not null`),
  ]);
  const by = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    const t = by.get(r.target_id) ?? new Map<string, number[]>();
    by.set(r.target_id, t);
    const xs = t.get(r.node_code) ?? [];
    xs.push(Number(r.score));
    t.set(r.node_code, xs);
  }
  const tree = nodes as IndicatorNode[];
  return [...by.entries()].map(([t, leaves]) => {
    const scores = new Map([...leaves.entries()].map(([code, xs]) => [code, aggregateLeaf(xs, { aggregation: 'trimmed', trimmedMin: 5 })]));
    return { t, total: rollup(tree, scores).total };
  });
}

interface Row {
  name: string;
  p50: number;
  p95: number;
  note?: string;
}

async function bench(kind: string) {
  const h = await open(kind);
  try {
    const t0 = now();
    const s = await seed(h.db);
    const [{ n }] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from ${evaluationScores}`);
    console.log(`\n== ${h.label}: seeded ${TARGETS} targets × ${DIMENSIONS * LEAVES_PER_DIMENSION} leaves × ${EVALUATORS} evaluators = ${Number(n).toLocaleString()} scores in ${((now() - t0) / 1000).toFixed(1)} s`);
    const [c] = await h.db.select().from(campaigns).where(eq(campaigns.id, s.campaignId));

    // sanity: SQL and pure give the same totals
    const [viaSql, viaPure] = await Promise.all([rollupCampaign(h.db, c), pureRollup(h.db, c.id, c.versionId)]);
    const pureOf = new Map(viaPure.map((p) => [p.t, p.total]));
    const worst = Math.max(...viaSql.map((r) => Math.abs(r.total - (pureOf.get(r.targetId) ?? Number.NaN))));
    if (!(worst < 1e-6) || viaSql.length !== TARGETS) throw new Error(`SQL and pure roll-ups differ (max |Δ| ${worst}, ${viaSql.length} targets)`);

    const owner = callerFromCtx({ db: h.db, user: await sessionUserFor(h.db, demoUser('province_admin')), ip: '127.0.0.1' });
    const [ev] = await h.db.select({ username: users.username }).from(users).where(eq(users.id, s.evaluatorUserIds[0]));
    const evaluator = callerFromCtx({ db: h.db, user: await sessionUserFor(h.db, ev.username), ip: '127.0.0.1' });
    const targetIds = s.targets.map((t) => t.id);

    const rows: Row[] = [];
    const baseline = await timed(RUNS, () => queryRows(h.db, sql`select count(*) from ${evaluationScores} s join campaign_targets t on t.id = s.target_id where t.campaign_id = ${c.id}::uuid`));
    rows.push({ name: 'baseline: select count(*) over the 100,000 scores', ...baseline });
    rows.push({ name: 'all totals + grades + ranks (rollup.ts, SQL)', ...(await timed(RUNS, () => rollupCampaign(h.db, c))), note: 'goal < 1000 ms on PostgreSQL' });
    rows.push({ name: 'all totals, pure JS (fetch scores + rollup())', ...(await timed(Math.max(5, RUNS / 4), () => pureRollup(h.db, c.id, c.versionId))) });
    rows.push({ name: 'evaluation.overview (owner, 200 targets)', ...(await timed(Math.max(5, RUNS / 2), () => owner.evaluation.overview({ campaignId: c.id }))) });
    rows.push({ name: 'evaluation.divergences (owner)', ...(await timed(Math.max(5, RUNS / 2), () => owner.evaluation.divergences({ campaignId: c.id }))) });
    // the scoring screen: a campaign in scoring, the evaluator opening ~50 different targets
    await h.db.update(campaigns).set({ status: 'scoring' }).where(eq(campaigns.id, c.id));
    await h.db.update(evaluatorTargets).set({ submittedAt: null }).where(eq(evaluatorTargets.evaluatorUserId, s.evaluatorUserIds[0]));
    rows.push({ name: `open a target's scoring screen (campaign.scoring.get) ×${OPENS}`, ...(await timed(OPENS, (i) => evaluator.campaign.scoring.get({ targetId: targetIds[(i * 7) % targetIds.length] }))) });
    await h.db.update(evaluatorTargets).set({ submittedAt: new Date() }).where(eq(evaluatorTargets.evaluatorUserId, s.evaluatorUserIds[0]));
    rows.push({ name: 'the same, after submission (with the 4 peers\' scores)', ...(await timed(OPENS, (i) => evaluator.campaign.scoring.get({ targetId: targetIds[(i * 11) % targetIds.length] }))) });

    const w = Math.max(...rows.map((r) => r.name.length));
    console.log(`   ${'case'.padEnd(w)}  ${'p50 ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ${'p50 / baseline'.padStart(14)}`);
    for (const r of rows) {
      console.log(`   ${r.name.padEnd(w)}  ${r.p50.toFixed(1).padStart(9)}  ${r.p95.toFixed(1).padStart(9)}  ${(r.p50 / baseline.p50).toFixed(1).padStart(13)}×${r.note ? `  (${r.note})` : ''}`);
    }
    return rows;
  } finally {
    await h.close();
  }
}

async function main() {
  console.log(`bench:evaluation — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; runs ${RUNS}, opens ${OPENS}`);
  for (const kind of DBS) await bench(kind);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
