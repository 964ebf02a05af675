import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { FACT_KEYS, type FactKey } from '@/server/domain/evaluation';
import type { Role } from '@/server/domain/roles';
import { incidentFacts } from '@/server/routers/incidents/facts';
import { reportPolicy } from '@/server/routers/reports/report';
import { selectPeriods } from '@/server/routers/reports/report-query';

/**
 * What the console already knows about a target, pre-filled as evidence of the leaves that name a
 * fact key (HN-22 ¶2: the score rests on recorded facts, not only on the target's claims). Read
 * from the filings, catalog, incident and rectification tables for the target organization and the
 * campaign's year (Asia/Shanghai). Frozen into the self-assessment when the target submits it.
 *
 * `code` names the message (campaigns.facts.<code>) so that the screens can show the label in the
 * reader's language; `label` is the Chinese text, kept with the frozen copy.
 */
export type FactTone = 'ok' | 'warn' | 'bad';
export interface Fact {
  code: string;
  label: string;
  value: number | string;
  tone: FactTone;
  href?: string;
}
export type Facts = Record<FactKey, Fact[]>;

const yearOf = (col: string) => sql.raw(`extract(year from ${col} at time zone 'Asia/Shanghai')::int`);
const n = (v: unknown) => Number(v ?? 0);

/** Every fact key's facts for one organization and year, as of `now`. */
export async function factsFor(db: DbOrTx, orgId: string, year: number, now: Date): Promise<Facts> {
  const [org] = await db.select({ id: organizations.id, type: organizations.type, regionCode: organizations.regionCode }).from(organizations).where(eq(organizations.id, orgId));
  const out = Object.fromEntries(FACT_KEYS.map((k) => [k, [] as Fact[]])) as Facts;
  if (!org) return out;
  const agency = org.type === 'implementing_agency';
  const at = now.toISOString();

  // HN-9: the catalog an implementing agency maintains; for an operator, the resources it operates under filed agreements
  if (agency) {
    const [c] = await queryRows<{ published: number; total: number }>(db, sql`
      select count(*) filter (where published_version_no is not null and status <> 'disabled')::int as published, count(*)::int as total
        from catalog_resources where owner_org_id = ${orgId}`);
    out.catalog_published.push(
      { code: 'catalogPublished', label: '已发布目录资源', value: n(c?.published), tone: n(c?.published) > 0 ? 'ok' : 'bad', href: '/catalog' },
      { code: 'catalogTotal', label: '目录资源总数', value: n(c?.total), tone: 'ok', href: '/catalog' },
    );
  } else {
    const [c] = await queryRows<{ n: number }>(db, sql`
      select count(distinct r)::int as n from operating_agreements a cross join lateral unnest(a.resource_ids) r
       where a.operator_org_id = ${orgId} and a.filed_version_no is not null`);
    out.catalog_published.push({ code: 'operatedResources', label: '已备案协议中的数据资源', value: n(c?.n), tone: n(c?.n) > 0 ? 'ok' : 'warn', href: '/filings/agreements' });
  }

  // HN-10: registrations (an agency's resources); HN-15 ¶2: an operator's products are registered the same way
  if (agency) {
    const [r] = await queryRows<{ approved: number; pending: number; rejected: number }>(db, sql`
      select count(*) filter (where status = 'approved' and ${yearOf('decided_at')} = ${year})::int as approved,
             count(*) filter (where status = 'submitted')::int as pending,
             count(*) filter (where status = 'rejected' and ${yearOf('decided_at')} = ${year})::int as rejected
        from catalog_registrations where applicant_org_id = ${orgId}`);
    out.registration_complete.push(
      { code: 'registrationsApproved', label: `${year}年登记通过`, value: n(r?.approved), tone: 'ok', href: '/catalog/registrations' },
      { code: 'registrationsPending', label: '待审核登记', value: n(r?.pending), tone: n(r?.pending) ? 'warn' : 'ok', href: '/catalog/registrations' },
      { code: 'registrationsRejected', label: `${year}年登记未通过`, value: n(r?.rejected), tone: n(r?.rejected) ? 'warn' : 'ok', href: '/catalog/registrations' },
    );
  } else {
    const [p] = await queryRows<{ approved: number; pending: number; rejected: number }>(db, sql`
      select count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'submitted')::int as pending,
             count(*) filter (where status = 'rejected')::int as rejected
        from data_products where operator_org_id = ${orgId} and ${yearOf('created_at')} = ${year}`);
    out.registration_complete.push(
      { code: 'productsApproved', label: `${year}年产品登记通过`, value: n(p?.approved), tone: 'ok', href: '/filings/products' },
      { code: 'productsPending', label: '待审核产品登记', value: n(p?.pending), tone: n(p?.pending) ? 'warn' : 'ok', href: '/filings/products' },
      { code: 'productsRejected', label: `${year}年产品登记未通过`, value: n(p?.rejected), tone: n(p?.rejected) ? 'warn' : 'ok', href: '/filings/products' },
    );
  }

  // HN-11: the implementation plan of the agency's region, or the plans the operator's agreements rest on
  const [plans] = await queryRows<{ filed: number; total: number }>(db, agency
    ? sql`select count(*) filter (where filed_version_no is not null or status = 'filed')::int as filed, count(*)::int as total
            from implementation_plans where region_code = ${org.regionCode}`
    : sql`select count(*) filter (where p.filed_version_no is not null or p.status = 'filed')::int as filed, count(*)::int as total
            from implementation_plans p where p.id in (select plan_id from operating_agreements where operator_org_id = ${orgId})`);
  out.plan_filed.push({ code: 'plansFiled', label: '已备案实施方案', value: `${n(plans?.filed)} / ${n(plans?.total)}`, tone: n(plans?.filed) > 0 ? 'ok' : 'bad', href: '/filings/plans' });

  // HN-13: operating agreements filed
  const [ag] = await queryRows<{ filed: number; unfiled: number }>(db, sql`
    select count(*) filter (where filed_version_no is not null)::int as filed, count(*) filter (where filed_version_no is null)::int as unfiled
      from operating_agreements where ${agency ? sql`agency_org_id` : sql`operator_org_id`} = ${orgId}`);
  out.agreement_filed.push(
    { code: 'agreementsFiled', label: '已备案运营协议', value: n(ag?.filed), tone: n(ag?.filed) > 0 ? 'ok' : 'bad', href: '/filings/agreements' },
    { code: 'agreementsUnfiled', label: '未备案运营协议', value: n(ag?.unfiled), tone: n(ag?.unfiled) ? 'warn' : 'ok', href: '/filings/agreements' },
  );

  // HN-15: 一场景一审核, applications of the year
  const [sc] = await queryRows<{ approved: number; rejected: number; pending: number }>(db, sql`
    select count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'rejected')::int as rejected,
           count(*) filter (where status in ('agency_review', 'authority_review'))::int as pending
      from scenario_applications where ${agency ? sql`agency_org_id` : sql`operator_org_id`} = ${orgId} and ${yearOf('created_at')} = ${year}`);
  out.scenario_reviews.push(
    { code: 'scenariosApproved', label: `${year}年场景审核通过`, value: n(sc?.approved), tone: 'ok', href: '/filings/scenarios' },
    { code: 'scenariosRejected', label: `${year}年场景审核未通过`, value: n(sc?.rejected), tone: n(sc?.rejected) ? 'warn' : 'ok', href: '/filings/scenarios' },
    { code: 'scenariosPending', label: '审核中的场景申请', value: n(sc?.pending), tone: 'ok', href: '/filings/scenarios' },
  );

  // HN-16: data-quality requests answered within 7 working days (qualityRequests.late), or open past due
  const [q] = await queryRows<{ total: number; late: number; overdue: number }>(db, sql`
    select count(*)::int as total, count(*) filter (where q.late)::int as late,
           count(*) filter (where q.status = 'open' and d.paused_at is null and d.due_at < ${at}::timestamptz)::int as overdue
      from quality_requests q left join deadlines d on d.id = q.deadline_id
     where (q.operator_org_id = ${orgId} or q.owner_org_id = ${orgId} or q.provider_org_id = ${orgId}) and ${yearOf('q.created_at')} = ${year}`);
  out.quality_answers.push(
    { code: 'qualityTotal', label: `${year}年数据校核需求`, value: n(q?.total), tone: 'ok', href: '/filings/quality' },
    { code: 'qualityLate', label: '超过 7 个工作日答复', value: n(q?.late), tone: n(q?.late) ? 'bad' : 'ok', href: '/filings/quality' },
    { code: 'qualityOverdue', label: '逾期未答复', value: n(q?.overdue), tone: n(q?.overdue) ? 'bad' : 'ok', href: '/filings/quality' },
  );

  // HN-22 ¶3: quarterly reports and the annual summary of the year, per agreement
  const { quarterlyDueDays } = await reportPolicy(db);
  const subject = { orgId, regionCode: org.regionCode, industry: null, roles: [(agency ? 'implementing_agency' : 'operator') as Role] };
  const periods = await selectPeriods(db, subject, { year, sort: 'dueOn', dir: 'asc' }, { limit: 200 }, now, quarterlyDueDays);
  const count = (s: string) => periods.items.filter((p) => p.state === s).length;
  const [onTime, late, missing] = [count('submitted'), count('late'), count('missing')];
  out.reports_on_time.push(
    { code: 'reportsOnTime', label: `${year}年按期报送`, value: onTime, tone: 'ok', href: '/filings/reports' },
    { code: 'reportsLate', label: '迟报', value: late, tone: late ? 'warn' : 'ok', href: '/filings/reports' },
    { code: 'reportsMissing', label: '缺报', value: missing, tone: missing ? 'bad' : 'ok', href: '/filings/reports' },
  );

  // HN-17 ¶2: usage disclosures published in the year (an operator's duty)
  const [dis] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from usage_disclosures where operator_org_id = ${orgId} and status = 'published' and ${yearOf('published_at')} = ${year}`);
  out.disclosures_published.push({ code: 'disclosuresPublished', label: `${year}年公开的使用情况`, value: n(dis?.n), tone: n(dis?.n) > 0 || agency ? 'ok' : 'warn', href: '/filings/disclosures' });

  // HN-18: incidents reported in the year, late reports (迟报), closing summaries overdue (server/routers/incidents/facts.ts)
  out.incidents_reported.push(...await incidentFacts(db, orgId, year, now));

  // HN-22 ¶2: rectification orders issued in the year or still open: closed on time, late, overdue
  const [rc] = await queryRows<{ onTime: number; late: number; overdue: number; open: number }>(db, sql`
    select count(*) filter (where closed_at is not null and closed_at <= due_at)::int as "onTime",
           count(*) filter (where closed_at is not null and closed_at > due_at)::int as late,
           count(*) filter (where closed_at is null and (overdue_at is not null or due_at < ${at}::timestamptz))::int as overdue,
           count(*) filter (where closed_at is null and overdue_at is null and due_at >= ${at}::timestamptz)::int as open
      from rectification_orders
     where target_org_id = ${orgId} and status <> 'cancelled' and (${yearOf('issued_at')} = ${year} or closed_at is null)`);
  out.rectifications_closed.push(
    { code: 'rectificationsOnTime', label: '按期完成整改', value: n(rc?.onTime), tone: 'ok', href: '/rectification' },
    { code: 'rectificationsLate', label: '逾期完成整改', value: n(rc?.late), tone: n(rc?.late) ? 'warn' : 'ok', href: '/rectification' },
    { code: 'rectificationsOverdue', label: '逾期未完成整改', value: n(rc?.overdue), tone: n(rc?.overdue) ? 'bad' : 'ok', href: '/rectification' },
    { code: 'rectificationsOpen', label: '整改中(未到期)', value: n(rc?.open), tone: 'ok', href: '/rectification' },
  );
  return out;
}

/** The facts of one leaf (its fact key's), or none. */
export function leafFacts(facts: Facts | null, factKey: string | null | undefined): Fact[] {
  if (!facts || !factKey) return [];
  return (facts as Record<string, Fact[]>)[factKey] ?? [];
}
