import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { registrations, users } from '@/db/schema';
import { shanghaiDate } from '@/server/domain/deadlines';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import { resourceMachine } from '@/server/routers/catalog/machines';
import { submissionOf, writeResource } from '@/server/routers/catalog/save';
import type { ResourceInput } from '@/server/routers/catalog/schema';
import { DEFAULT_NOTICE_WORKING_DAYS, noticeDates } from '@/server/domain/catalog';

/**
 * Demo catalogs (HN-9) and registrations (HN-10), written through the same functions as the
 * console: a registered (operable) resource, one in its notice period, one awaiting the city's
 * review, a draft, a provincial catalog, and a Luoyang resource that repeats a Zhengzhou item
 * as a justified second source (一数一源).
 */
type Item = ResourceInput['items'][number];
const item = (name: string, fieldCode: string | null, grade: Item['grade'], sensitive = false, dataType: Item['dataType'] = 'string'): Item =>
  ({ name, fieldCode, grade, sensitive, dataType, description: '' });

export async function seedDemoCatalog(tx: DbOrTx, orgIds: Map<string, string>): Promise<void> {
  const org = (name: string) => orgIds.get(name)!;
  const userId = async (username: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id;
  const agencyId = await userId('agency');
  const reviewerId = await userId('zhengzhou');
  const provinceId = await userId('province');
  const actor = (orgName: string, roles: string[], id?: string): WorkflowActor => ({ id: id ?? (null as unknown as string), name: id ? null : 'system', orgId: org(orgName), ip: null, roles });
  const zzAgency = actor('郑州市大数据发展中心', ['implementing_agency'], agencyId);
  const zzReviewer = actor('郑州市行政审批和政务信息管理局', ['municipal_admin'], reviewerId);
  const province = actor('河南省行政审批和政务信息管理局', ['province_admin'], provinceId);

  async function resource(owner: WorkflowActor, regionCode: string, input: Omit<ResourceInput, 'summary'> & { summary?: string }, steps: ('submit' | 'approve')[], reviewer = zzReviewer) {
    const { id } = await writeResource(tx, owner, { id: owner.orgId!, regionCode }, { summary: '', ...input }, null, { action: 'catalog_resource.create' });
    let version = 1;
    for (const step of steps) {
      const row = step === 'submit'
        ? await transition(tx, resourceMachine, owner, { id, version, action: 'submit', input: await submissionOf(tx, { id, ownerOrgId: owner.orgId!, regionCode }) })
        : await transition(tx, resourceMachine, reviewer, { id, version, action: 'approve', input: {} });
      version = row.version;
    }
    return id;
  }

  const sc = await resource(zzAgency, '410100', {
    code: '410100-SC-0001', name: '企业登记基本信息', providerOrgId: org('郑州市市场监督管理局'),
    summary: '本市登记注册的各类市场主体的基本登记信息', format: 'table', updateCycle: 'daily',
    shareType: 'conditional', shareCondition: '用于政务服务和市场监管,按需申请', openType: 'conditional',
    items: [
      item('统一社会信用代码', 'USCC', 'general'),
      item('企业名称', 'ENT_NAME', 'general'),
      item('法定代表人姓名', 'LEGAL_NAME', 'important', true),
      item('成立日期', 'EST_DATE', 'general', false, 'date'),
      item('注册资本', 'REG_CAPITAL', 'general', false, 'number'),
    ],
  }, ['submit', 'approve']);
  const rs = await resource(zzAgency, '410100', {
    code: '410100-RS-0001', name: '社会保险参保信息', providerOrgId: org('郑州市人力资源和社会保障局'),
    summary: '职工养老、医疗、失业保险参保和缴费状态', format: 'api', updateCycle: 'monthly',
    shareType: 'conditional', shareCondition: '经本人授权或依法履职使用', openType: 'closed',
    items: [
      item('公民身份号码', 'ID_NO', 'important', true),
      item('参保状态', 'INS_STATUS', 'general'),
      item('缴费月数', 'PAY_MONTHS', 'general', false, 'number'),
    ],
  }, ['submit', 'approve']);
  await resource(zzAgency, '410100', {
    code: '410100-GA-0001', name: '人口基础信息', providerOrgId: org('郑州市公安局'),
    summary: '本市户籍和居住登记人口的基础信息', format: 'api', updateCycle: 'daily',
    shareType: 'conditional', shareCondition: '仅限依法履职的政务部门核验使用', openType: 'closed',
    items: [
      item('姓名', 'NAME', 'important', true),
      item('出生日期', 'BIRTH_DATE', 'important', true, 'date'),
      item('户籍地址', 'HUKOU_ADDR', 'important', true),
    ],
  }, ['submit']);
  await resource(zzAgency, '410100', {
    code: '410100-BDC-0001', name: '不动产登记信息', providerOrgId: org('郑州市不动产登记中心'),
    format: 'table', updateCycle: 'daily', shareType: 'none', shareCondition: '《不动产登记暂行条例》第二十八条', openType: 'closed',
    items: [item('不动产单元号', 'BDC_UNIT', 'general'), item('权利人', 'RIGHT_HOLDER', 'core', true)],
  }, []);
  // A provincial industry catalog, reviewed by the province.
  await resource(actor('河南省交通运输厅信息中心', ['implementing_agency']), '410000', {
    code: '410000-JT-0001', name: '道路运输车辆营运信息', providerOrgId: org('河南省交通运输厅'),
    summary: '全省道路运输车辆的营运证照信息', format: 'api', updateCycle: 'realtime',
    shareType: 'unconditional', openType: 'conditional',
    items: [item('车牌号码', 'PLATE_NO', 'general'), item('道路运输证号', 'TRANS_CERT', 'general'), item('车辆轨迹', 'TRACK', 'important', true)],
  }, ['submit', 'approve'], province);
  // Luoyang repeats Zhengzhou's 企业登记 items as a justified second source (HN-9).
  await resource(actor('洛阳市大数据中心', ['implementing_agency']), '410300', {
    code: '410300-SC-0001', name: '企业登记基本信息', providerOrgId: org('洛阳市市场监督管理局'),
    format: 'table', updateCycle: 'daily', shareType: 'unconditional', openType: 'open',
    items: [
      { ...item('统一社会信用代码', 'USCC', 'general'), sourceResolution: 'second', justification: '洛阳市登记的市场主体由洛阳市市场监督管理局维护,为本地权威来源' },
      { ...item('企业名称', 'ENT_NAME', 'general'), sourceResolution: 'second', justification: '同上,洛阳市本地登记的企业名称' },
    ],
  }, ['submit', 'approve'], province);

  // Registrations (HN-10): 企业登记 in force since a month ago; 社保 approved today, in its notice period.
  // Notice dates as the approval computes them (HN-10: 10 working days, in force the day after).
  const monthAgo = shanghaiDate(new Date(Date.now() - 35 * 86400_000));
  const decidedEarlier = new Date(`${monthAgo}T02:00:00Z`);
  const decidedNow = new Date();
  const applicant = org('郑州市大数据发展中心');
  await tx.insert(registrations).values([
    {
      resourceId: sc, applicantOrgId: applicant, regionCode: '410100', kind: 'initial', status: 'approved', description: '首次登记',
      assetOwner: '郑州市大数据发展中心', bookValue: '0.00', registrationNo: `豫数登${monthAgo.slice(0, 4)}000001`,
      ...noticeDates(decidedEarlier, DEFAULT_NOTICE_WORKING_DAYS), decidedBy: reviewerId, decidedAt: decidedEarlier, createdBy: agencyId,
      createdAt: new Date(`${monthAgo}T01:00:00Z`), updatedAt: new Date(`${monthAgo}T02:00:00Z`),
    },
    {
      resourceId: rs, applicantOrgId: applicant, regionCode: '410100', kind: 'initial', status: 'approved', description: '首次登记',
      notAsset: true, notAssetBasis: '原始数据未形成资产,按《河南省公共数据资源授权运营实施办法(试行)》第十条管理',
      registrationNo: `豫数登${shanghaiDate(decidedNow).slice(0, 4)}000002`, ...noticeDates(decidedNow, DEFAULT_NOTICE_WORKING_DAYS),
      decidedBy: reviewerId, decidedAt: decidedNow, createdBy: agencyId,
    },
  ]);
}
