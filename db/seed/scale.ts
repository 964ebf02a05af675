import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '@/db/client';
import { appendAudit } from '@/server/domain/audit';
import { normalizeItemName, UPDATE_CYCLES } from '@/server/domain/catalog';
import { PROVINCE_REGION } from '@/server/domain/roles';
import { createOrg } from './factories';
import { HENAN_REGIONS } from './regions';

/**
 * The catalog at scale (issue 4): N resources (10 data items each on average, 2–18) over the
 * province and its 19 city regions, with realistic names, for `npm run seed:scale` (scripts/) and the
 * list's paging tests. Owners are implementing agencies and the municipal authority of the region,
 * providers the region's data-providing departments (created when missing). Every row is generated
 * set-based (INSERT … SELECT over generate_series, from small staging tables), in one transaction,
 * deterministically from the row number (the same data on PGlite and PostgreSQL). Scale resources
 * have codes 'S-<region>-<n>'; they have no version rows (published_version_no = last_version_no = 1
 * for the published ones), and a fifth of the published ones an approved registration.
 */

/** Data-providing departments: the city name is put in front ("郑州市" + "公安局"); the province has its own names. */
const DEPTS: { city: string; province: string }[] = [
  { city: '市场监督管理局', province: '河南省市场监督管理局' },
  { city: '公安局', province: '河南省公安厅' },
  { city: '人力资源和社会保障局', province: '河南省人力资源和社会保障厅' },
  { city: '自然资源和规划局', province: '河南省自然资源厅信息中心' },
  { city: '卫生健康委员会', province: '河南省卫生健康委员会统计信息中心' },
  { city: '民政局', province: '河南省民政厅' },
  { city: '交通运输局', province: '河南省交通运输事业发展中心' },
  { city: '教育局', province: '河南省教育厅' },
  { city: '税务局', province: '国家税务总局河南省税务局' },
  { city: '住房公积金管理中心', province: '河南省省直机关住房资金管理中心' },
  { city: '住房和城乡建设局', province: '河南省住房和城乡建设厅' },
  { city: '生态环境局', province: '河南省生态环境厅' },
  { city: '农业农村局', province: '河南省农业农村厅' },
  { city: '统计局', province: '河南省统计局' },
  { city: '文化广电和旅游局', province: '河南省文化和旅游厅' },
];

const deptName = (d: number, region: { code: string; name: string }) =>
  region.code === PROVINCE_REGION ? DEPTS[d].province : d === 8 ? `国家税务总局${region.name}税务局` : `${region.name}${DEPTS[d].city}`;

/** Implementing agencies created in each region when missing (besides the demo's own). */
const agencyNames = (region: { code: string; name: string }) =>
  region.code === PROVINCE_REGION
    ? ['河南省大数据中心', '河南省政务信息中心']
    : [`${region.name}大数据中心`, `${region.name}政务服务和大数据管理中心`, `${region.name}数字城市运行管理中心`];

/** Resource themes: name (after the region's), providing department, and its items in catalog order. */
const THEMES: { name: string; dept: number; items: string[] }[] = [
  { name: '企业登记信息', dept: 0, items: ['统一社会信用代码', '企业名称', '法定代表人', '注册资本', '成立日期', '企业类型', '经营范围', '登记机关', '住所', '登记状态', '核准日期', '营业期限'] },
  { name: '个体工商户登记信息', dept: 0, items: ['统一社会信用代码', '字号名称', '经营者姓名', '经营场所', '组成形式', '注册日期', '经营范围', '登记状态'] },
  { name: '企业年度报告信息', dept: 0, items: ['统一社会信用代码', '企业名称', '年报年度', '从业人数', '资产总额', '营业总收入', '纳税总额', '联系电话', '电子邮箱'] },
  { name: '市场监管行政处罚信息', dept: 0, items: ['行政处罚决定书文号', '当事人名称', '统一社会信用代码', '违法行为类型', '处罚内容', '罚款金额', '处罚决定日期', '处罚机关'] },
  { name: '户籍人口信息', dept: 1, items: ['姓名', '公民身份号码', '性别', '民族', '出生日期', '户籍地址', '户主姓名', '与户主关系', '迁入日期'] },
  { name: '流动人口居住登记信息', dept: 1, items: ['姓名', '公民身份号码', '居住地址', '登记日期', '居住事由', '联系电话', '居住证编号'] },
  { name: '机动车登记信息', dept: 1, items: ['号牌号码', '号牌种类', '车辆类型', '车辆品牌', '车身颜色', '车辆识别代号', '初次登记日期', '使用性质', '所有人姓名'] },
  { name: '机动车驾驶证信息', dept: 1, items: ['姓名', '公民身份号码', '准驾车型', '初次领证日期', '有效期至', '累积记分', '驾驶证状态'] },
  { name: '社会保险参保信息', dept: 2, items: ['姓名', '公民身份号码', '参保险种', '参保状态', '参保单位名称', '统一社会信用代码', '缴费基数', '首次参保日期'] },
  { name: '就业登记信息', dept: 2, items: ['姓名', '公民身份号码', '就业单位', '就业日期', '就业形式', '学历', '联系电话'] },
  { name: '职业技能等级证书信息', dept: 2, items: ['姓名', '证书编号', '职业名称', '技能等级', '发证日期', '评价机构'] },
  { name: '不动产登记信息', dept: 3, items: ['不动产权证号', '不动产单元号', '权利人', '坐落', '面积', '用途', '权利性质', '登记日期', '抵押状态'] },
  { name: '建设工程规划许可信息', dept: 3, items: ['许可证编号', '建设单位', '项目名称', '建设位置', '建设规模', '发证日期'] },
  { name: '医疗机构执业许可信息', dept: 4, items: ['机构名称', '登记号', '统一社会信用代码', '机构类别', '诊疗科目', '床位数', '法定代表人', '地址', '有效期至'] },
  { name: '出生医学证明信息', dept: 4, items: ['新生儿姓名', '出生日期', '出生地点', '母亲姓名', '母亲公民身份号码', '父亲姓名', '出生医学证明编号', '签发机构'] },
  { name: '预防接种信息', dept: 4, items: ['姓名', '公民身份号码', '疫苗名称', '接种日期', '接种剂次', '接种单位', '疫苗批号'] },
  { name: '婚姻登记信息', dept: 5, items: ['男方姓名', '男方公民身份号码', '女方姓名', '女方公民身份号码', '登记类别', '登记日期', '结婚证字号', '登记机关'] },
  { name: '最低生活保障信息', dept: 5, items: ['户主姓名', '公民身份号码', '家庭人口数', '保障金额', '保障起始日期', '所属街道', '联系电话'] },
  { name: '社会组织登记信息', dept: 5, items: ['统一社会信用代码', '社会组织名称', '社会组织类型', '业务主管单位', '法定代表人', '住所', '成立登记日期'] },
  { name: '公交线路及站点信息', dept: 6, items: ['线路编号', '线路名称', '起点站', '终点站', '站点名称', '站点经度', '站点纬度', '首班时间', '末班时间'] },
  { name: '道路运输经营许可信息', dept: 6, items: ['道路运输经营许可证号', '业户名称', '统一社会信用代码', '经营范围', '有效期至', '发证机关'] },
  { name: '网络预约出租汽车驾驶员证信息', dept: 6, items: ['姓名', '公民身份号码', '证件编号', '发证日期', '有效期至', '所属平台公司'] },
  { name: '学校基本信息', dept: 7, items: ['学校名称', '学校标识码', '办学类型', '举办者', '在校生数', '专任教师数', '学校地址', '联系电话'] },
  { name: '中小学学籍信息', dept: 7, items: ['学生姓名', '公民身份号码', '学籍号', '就读学校', '年级', '班级', '入学日期'] },
  { name: '纳税信用等级信息', dept: 8, items: ['纳税人识别号', '纳税人名称', '评价年度', '信用等级', '主管税务机关'] },
  { name: '欠税公告信息', dept: 8, items: ['纳税人识别号', '纳税人名称', '欠税税种', '欠税余额', '法定代表人', '经营地点'] },
  { name: '住房公积金缴存信息', dept: 9, items: ['姓名', '公民身份号码', '公积金账号', '缴存单位', '缴存基数', '月缴存额', '账户状态'] },
  { name: '商品房预售许可信息', dept: 10, items: ['预售许可证号', '项目名称', '开发企业', '预售面积', '预售套数', '坐落', '发证日期'] },
  { name: '建筑业企业资质信息', dept: 10, items: ['统一社会信用代码', '企业名称', '资质类别', '资质等级', '资质证书编号', '有效期至'] },
  { name: '建设项目环境影响评价审批信息', dept: 11, items: ['项目名称', '建设单位', '审批文号', '审批日期', '建设地点', '环评类别'] },
  { name: '排污许可信息', dept: 11, items: ['排污单位名称', '统一社会信用代码', '排污许可证编号', '行业类别', '主要污染物种类', '有效期至'] },
  { name: '新型农业经营主体信息', dept: 12, items: ['主体名称', '主体类型', '统一社会信用代码', '经营规模', '主要产品', '所在乡镇'] },
  { name: '人口抽样调查统计信息', dept: 13, items: ['统计年度', '常住人口数', '户籍人口数', '出生人口数', '死亡人口数', '城镇化率'] },
  { name: '文物保护单位信息', dept: 14, items: ['文物名称', '保护级别', '年代', '地址', '公布批次', '管理单位'] },
  { name: 'A级旅游景区信息', dept: 14, items: ['景区名称', '景区等级', '所在地址', '开放时间', '联系电话', '最大承载量'] },
  // The rare one (about 1 resource in 1,000): what a search for "古树" finds.
  { name: '古树名木保护信息', dept: 3, items: ['古树编号', '树种', '树龄', '古树保护级别', '生长位置', '经度', '纬度', '管护责任单位'] },
];
const RARE_THEME = THEMES.length - 1;

/** Items every resource may carry after its theme's own (a resource has 2–18 items). */
const COMMON_ITEMS = ['行政区划代码', '数据来源单位', '数据更新时间', '记录标识', '创建时间', '修改时间', '有效标志', '备注', '办理机构', '经办人', '审核状态', '审核日期', '归档编号', '数据版本号'];

const SENSITIVE = new Set([
  '公民身份号码', '母亲公民身份号码', '男方公民身份号码', '女方公民身份号码', '联系电话', '户籍地址', '居住地址', '公积金账号', '缴存基数',
  '月缴存额', '缴费基数', '保障金额', '累积记分', '学籍号', '新生儿姓名', '所有人姓名', '车辆识别代号',
]);
const FIELD_CODES: Record<string, string> = {
  统一社会信用代码: 'TYSHXYDM', 公民身份号码: 'GMSFHM', 姓名: 'XM', 性别: 'XB', 民族: 'MZ', 出生日期: 'CSRQ', 联系电话: 'LXDH',
  行政区划代码: 'XZQHDM', 纳税人识别号: 'NSRSBH', 号牌号码: 'HPHM', 车辆识别代号: 'CLSBDH', 企业名称: 'QYMC', 法定代表人: 'FDDBR',
};

function itemType(name: string): string {
  if (/(日期|有效期至)$/.test(name)) return 'date';
  if (/(更新时间|创建时间|修改时间)$/.test(name)) return 'datetime';
  if (name === '有效标志') return 'boolean';
  if (/(金额|人数|口数|生数|师数|床位数|套数|面积|资本|总额|收入|基数|缴存额|经度|纬度|承载量|率|树龄|余额|记分|剂次)$/.test(name)) return 'number';
  return 'string';
}

const NAME_SUFFIXES = ['', '', '', '', '', '（2023年度）', '（2024年度）', '（2025年度）', '（历史库）', '（增量）', '（共享版）', '（开放版）', '汇总'];

/** A deterministic, well-mixed non-negative int per (row, salt): the same data on every database. */
const h = (salt: number) => `(hashint8(g.i::bigint * 32 + ${salt}) & 2147483647)`;

async function exec(db: DbOrTx, text: string) {
  await db.execute(sql.raw(text));
}

async function count(db: DbOrTx, text: string): Promise<number> {
  const [r] = await queryRows<{ n: number | string }>(db, sql.raw(text));
  return Number(r.n);
}

/** How many scale resources (code 'S-…') the database holds. */
export const scaleCount = (db: DbOrTx) => count(db, `select count(*) as n from catalog_resources where code like 'S-%'`);

/**
 * Load N scale resources unless some exist (then null). `keepIndexes: false` (the default) drops the
 * catalog's secondary indexes for the load and builds them again at the end, inside the transaction.
 */
export async function seedScale(db: Db, opts: { resources: number; keepIndexes?: boolean; log?: (msg: string) => void }): Promise<{ organizations: number; items: number } | null> {
  const N = opts.resources;
  if (!Number.isInteger(N) || N < 1 || N > 999_999) throw new Error('resources: an integer in 1..999999');
  const CHUNK = Math.max(1, Math.ceil(N / 10));
  const keepIndexes = opts.keepIndexes ?? false;
  const log = opts.log ?? (() => {});
  return db.transaction(async (tx) => {
    await exec(tx, 'select pg_advisory_xact_lock(7310004)');
    if (await scaleCount(tx)) return null;
    await exec(tx, `set local maintenance_work_mem = '256MB'`);
    await exec(tx, `set local work_mem = '64MB'`);

    // Organizations: per region, the owners (implementing agencies + the municipal authority) and
    // one data provider per department.
    const regions = HENAN_REGIONS;
    const orgs = await queryRows<{ id: string; name: string; type: string; region_code: string }>(tx, sql`select id, name, type, region_code from organizations where active`);
    const find = (name: string, type: string, region: string) => orgs.find((o) => o.name === name && o.type === type && o.region_code === region);
    let created = 0;
    const ensure = async (name: string, type: 'implementing_agency' | 'data_provider', region: string) => {
      const o = find(name, type, region);
      if (o) return o;
      const row = await createOrg(tx, { name, type, regionCode: region });
      created++;
      const r = { id: row.id, name: row.name, type: row.type, region_code: row.regionCode };
      orgs.push(r);
      return r;
    };
    const owners: { region_code: string; k: number; org_id: string }[] = [];
    const providers: { region_code: string; dept: number; org_id: string; org_name: string }[] = [];
    for (const region of regions) {
      for (const name of agencyNames(region)) await ensure(name, 'implementing_agency', region.code);
      for (let d = 0; d < DEPTS.length; d++) {
        const p = await ensure(deptName(d, region), 'data_provider', region.code);
        providers.push({ region_code: region.code, dept: d, org_id: p.id, org_name: p.name });
      }
      const own = orgs
        .filter((o) => o.region_code === region.code && (o.type === 'implementing_agency' || o.type === 'municipal_authority'))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      own.forEach((o, k) => owners.push({ region_code: region.code, k, org_id: o.id }));
    }
    log(`organizations: ${created} created; ${owners.length} owners and ${providers.length} providers over ${regions.length} regions`);

    // Staging tables (dropped at commit).
    const themes = THEMES.map((t, i) => {
      const names = [...t.items, ...COMMON_ITEMS];
      if (new Set(names).size !== names.length) throw new Error(`duplicate item names in theme ${t.name}`);
      return {
        t: i, name: t.name, dept: t.dept, item_names: names, item_norms: names.map(normalizeItemName), item_types: names.map(itemType),
        item_grades: names.map((n) => (SENSITIVE.has(n) ? 'important' : 'general')), item_sens: names.map((n) => SENSITIVE.has(n)),
        item_codes: names.map((n) => FIELD_CODES[n] ?? null),
      };
    });
    // 100 slots: the province 10 %, 郑州 14 %, 航空港区 2 %, the other 17 regions the rest.
    const others = regions.filter((r) => !['410000', '410100', '410100A01'].includes(r.code));
    const slots = [...Array(10).fill('410000'), ...Array(14).fill('410100'), ...Array(2).fill('410100A01')];
    for (let s = 0; slots.length < 100; s++) slots.push(others[s % others.length].code);
    await exec(tx, `create temp table scale_theme (t int primary key, name text, dept int, item_names text[], item_norms text[], item_types text[], item_grades text[], item_sens boolean[], item_codes text[]) on commit drop`);
    await tx.execute(sql`insert into scale_theme select * from jsonb_to_recordset(${JSON.stringify(themes)}::jsonb)
      as x(t int, name text, dept int, item_names text[], item_norms text[], item_types text[], item_grades text[], item_sens boolean[], item_codes text[])`);
    await exec(tx, `create temp table scale_slot (slot int primary key, region_code text, region_name text) on commit drop`);
    await tx.execute(sql`insert into scale_slot select x.slot, x.region_code, r.name from jsonb_to_recordset(${JSON.stringify(slots.map((region_code, slot) => ({ slot, region_code })))}::jsonb)
      as x(slot int, region_code text) join regions r on r.code = x.region_code`);
    await exec(tx, `create temp table scale_owner (region_code text, k int, org_id uuid, primary key (region_code, k)) on commit drop`);
    await tx.execute(sql`insert into scale_owner select * from jsonb_to_recordset(${JSON.stringify(owners)}::jsonb) as x(region_code text, k int, org_id uuid)`);
    await exec(tx, `create temp table scale_provider (region_code text, dept int, org_id uuid, org_name text, primary key (region_code, dept)) on commit drop`);
    await tx.execute(sql`insert into scale_provider select * from jsonb_to_recordset(${JSON.stringify(providers)}::jsonb) as x(region_code text, dept int, org_id uuid, org_name text)`);

    // One row per resource: every attribute, from hashes of its number (2–18 items, 10 on average).
    const cycles = `(array[${UPDATE_CYCLES.map((c) => `'${c}'`).join(',')}])`;
    const suffixes = `(array[${NAME_SUFFIXES.map((c) => `'${c}'`).join(',')}])`;
    await exec(tx, `create temp table scale_res on commit drop as
      select g.i, gen_random_uuid() as id, s.region_code, s.region_name,
        case when ${h(1)} % 1000 = 7 then ${RARE_THEME} else ${h(2)} % ${RARE_THEME} end as theme,
        2 + (g.i * 5) % 16 + (g.i / 16) % 2 as cnt,
        ${h(3)} % 100 = 0 as core,
        ${h(4)} as h_owner,
        ${h(5)} % 100 as h_status,
        ${h(6)} % 10 as h_share,
        ${h(7)} % 10 as h_open,
        ${h(8)} % 100 as h_format,
        ${cycles}[1 + ${h(9)} % ${UPDATE_CYCLES.length}] as update_cycle,
        ${suffixes}[1 + ${h(10)} % ${NAME_SUFFIXES.length}] as suffix,
        date_trunc('second', now()) - make_interval(secs => (${h(11)} % (730::bigint * 86400000)) / 1000.0) as updated_at,
        ${h(12)} % (365::bigint * 86400000) as created_ms,
        ${h(13)} % 100 as h_reg
      from generate_series(0, ${N - 1}) g(i) join scale_slot s on s.slot = ${h(0)} % 100`);
    await exec(tx, `alter table scale_res add primary key (i)`);
    await exec(tx, `create temp table scale_res2 on commit drop as
      select r.*, o.org_id as owner_id, p.org_id as provider_id, p.org_name as provider_name,
        'S-' || r.region_code || '-' || lpad(r.i::text, 6, '0') as code,
        r.region_name || t.name || r.suffix as name,
        case when r.core then 'core' when 'important' = any(t.item_grades[1:r.cnt]) then 'important' else 'general' end as grade,
        case when r.h_status < 80 then 'published' when r.h_status < 88 then 'draft' when r.h_status < 95 then 'pending' else 'disabled' end as status
      from scale_res r
      join scale_theme t on t.t = r.theme
      join scale_provider p on p.region_code = r.region_code and p.dept = t.dept
      join (select region_code, count(*)::int as n from scale_owner group by region_code) oc on oc.region_code = r.region_code
      join scale_owner o on o.region_code = r.region_code and o.k = r.h_owner % oc.n`);
    await exec(tx, `alter table scale_res2 add primary key (i)`);
    log(`staged ${(await count(tx, 'select count(*) as n from scale_res2')).toLocaleString()} resources`);

    // Secondary indexes are built once at the end instead of row by row.
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(tx, sql`
      select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('catalog_resources', 'catalog_items', 'catalog_registrations')
        and i.indexdef not like 'CREATE UNIQUE INDEX%'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
    if (!keepIndexes) {
      for (const ix of indexes) await exec(tx, `drop index "${ix.indexname}"`);
      log(`dropped ${indexes.length} secondary indexes for the load`);
    }

    for (let lo = 0; lo < N; lo += CHUNK) {
      await exec(tx, `insert into catalog_resources (id, code, name, owner_org_id, region_code, provider_org_id, summary, format, update_cycle,
          share_type, share_condition, open_type, grade, status, item_count, last_version_no, published_version_no, search_text, created_at, updated_at)
        select r.id, r.code, r.name, r.owner_id, r.region_code, r.provider_id,
          r.provider_name || '汇集的' || r.region_name || t.name || ',用于政务数据共享和公共数据授权运营。',
          case when r.h_format < 60 then 'table' when r.h_format < 80 then 'api' when r.h_format < 92 then 'file' when r.h_format < 95 then 'image' else 'other' end,
          r.update_cycle, sh.share_type,
          case sh.share_type when 'conditional' then '仅限政务部门依法履职使用,需经数据提供单位审核同意'
            when 'none' then '涉及个人信息和商业秘密,依据《中华人民共和国个人信息保护法》不予共享' end,
          case when sh.share_type = 'none' then 'closed' when r.h_open < 3 then 'open' when r.h_open < 6 then 'conditional' else 'closed' end,
          r.grade, r.status, r.cnt,
          case when r.status = 'draft' then 0 else 1 end,
          case when r.status in ('published', 'disabled') then 1 end,
          lower(r.code || ' ' || r.name || ' ' || r.provider_name || ' ' || array_to_string(t.item_names[1:r.cnt], ' ')),
          r.updated_at - make_interval(secs => r.created_ms / 1000.0), r.updated_at
        from scale_res2 r
        join scale_theme t on t.t = r.theme
        cross join lateral (select case when r.core then 'none' when r.h_share < 5 then 'unconditional' when r.h_share < 9 then 'conditional' else 'none' end as share_type) sh
        where r.i >= ${lo} and r.i < ${lo + CHUNK}`);
      log(`resources ${Math.min(N, lo + CHUNK).toLocaleString()} / ${N.toLocaleString()}`);
    }

    let items = 0;
    for (let lo = 0; lo < N; lo += CHUNK) {
      await exec(tx, `insert into catalog_items (resource_id, seq, name, norm_name, field_code, data_type, sensitive, grade)
        select r.id, k, t.item_names[k], t.item_norms[k], t.item_codes[k], t.item_types[k],
          t.item_sens[k] or (r.core and k = 1),
          case when r.core and k = 1 then 'core' else t.item_grades[k] end
        from scale_res2 r
        join scale_theme t on t.t = r.theme
        cross join lateral generate_series(1, r.cnt) k
        where r.i >= ${lo} and r.i < ${lo + CHUNK}`);
      items = await count(tx, `select coalesce(sum(cnt), 0) as n from scale_res2 where i < ${lo + CHUNK}`);
      log(`items ${items.toLocaleString()}`);
    }

    // Registrations (HN-10) for a fifth of the published resources: most in force, some in their notice period.
    // Numbers continue after the highest one of each year (豫数登YYYY000001, as nextRegistrationNo hands them out).
    await exec(tx, `with picked as (
        select r.*, case when r.h_reg = 0 then now() - interval '3 days' else r.updated_at - interval '30 days' end as decided
        from scale_res2 r where r.status = 'published' and r.h_reg < 20),
      years as (select distinct extract(year from decided)::int::text as yr from picked),
      bases as (select y.yr, (select coalesce(max(substr(x.registration_no, 8)::int), 0) from catalog_registrations x
        where x.registration_no like '豫数登' || y.yr || '%') as base from years y)
      insert into catalog_registrations (resource_id, applicant_org_id, region_code, kind, status, description, not_asset, not_asset_basis,
        registration_no, notice_starts_on, notice_ends_on, effective_on, decided_at, created_at, updated_at)
      select p.id, p.owner_id, p.region_code, 'initial', 'approved', '首次登记', true, '该数据资源尚未形成数据资产,依据财政部《关于加强数据资产管理的指导意见》',
        '豫数登' || b.yr || lpad((b.base + row_number() over (partition by b.yr order by p.i))::text, 6, '0'),
        p.decided::date, p.decided::date + 14, p.decided::date + 15, p.decided, p.decided - interval '5 days', p.decided
      from picked p join bases b on b.yr = extract(year from p.decided)::int::text`);
    log(`registrations ${(await count(tx, `select count(*) as n from catalog_registrations r join catalog_resources c on c.id = r.resource_id where c.code like 'S-%'`)).toLocaleString()}`);

    if (!keepIndexes) {
      for (const ix of indexes) {
        await exec(tx, ix.indexdef);
        log(`index ${ix.indexname}`);
      }
    }
    await appendAudit(tx, { id: null, name: 'system', orgId: null, ip: null }, {
      action: 'system.seed', reason: 'catalog scale seed (npm run seed:scale)', after: { resources: N, items, organizations: created },
    });
    return { organizations: created, items };
  });
}
