import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { operatingAgreements } from '@/db/schema';
import {
  acknowledge, endHandling, followUp, recordNotification, reportIncident, reviewIncident, submitSummary,
} from '@/server/routers/incidents/incidents';
import { demoSubject } from './factories';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Demo incident reports (HN-18, ID-12 ¶3), on real dates computed from the seed time, through the
 * same service functions as the console:
 * - a 较大 data leakage of 河南数据集团 (a CII operator, 1-hour clock), reported late to its recipients
 *   (迟报), handled, individuals notified, summarised and closed by 郑州 after asking for more;
 * - a 较大 tampering reported 10 minutes after discovery, acknowledged by the implementing agency,
 *   its other recipients' clocks still running;
 * - an availability incident of the 豫事办 platform (ID-12 ¶3), handling ended, its summary due.
 */
export async function seedDemoIncidents(tx: DbOrTx, orgIds: Map<string, string>): Promise<void> {
  const operatorOrg = orgIds.get('河南数据集团有限公司')!;
  const [agreement] = await tx.select({ id: operatingAgreements.id }).from(operatingAgreements)
    .where(and(eq(operatingAgreements.operatorOrgId, operatorOrg), isNotNull(operatingAgreements.filedVersionNo))).limit(1);
  if (!agreement) return;
  const op = await demoSubject(tx, 'operator');
  const agency = await demoSubject(tx, 'agency');
  const zz = await demoSubject(tx, 'zhengzhou');
  const wangxin = await demoSubject(tx, 'wangxin');
  const platform = await demoSubject(tx, 'platform');
  const now = Date.now();
  const t = (msAgo: number) => new Date(now - msAgo);

  // 1. closed: reported 5 hours after discovery (迟报 against the CII 1-hour clock)
  let a = await reportIncident(tx, op, op, {
    agreementId: agreement.id, systemName: '企业信用画像平台', title: '企业信用画像接口数据泄露', type: 'leakage', severity: 'large',
    discoveredAt: t(45 * DAY), measures: '关闭对外查询接口,保全访问日志,排查调用方', personalInfoPeople: 1_200_000,
  }, t(45 * DAY - 5 * HOUR));
  for (const who of [agency, zz, wangxin]) await acknowledge(tx, who, who, a.id, t(45 * DAY - 6 * HOUR));
  a = await followUp(tx, op, op, {
    id: a.id, version: a.version, body: '确认泄露字段为企业联系人姓名和手机号,约 120 万条;接口鉴权已修复',
    peopleAffected: 1_200_000, directLossYuan: 0,
  }, t(44 * DAY));
  a = await recordNotification(tx, op, op, {
    id: a.id, version: a.version, decision: 'notify', notifiedAt: t(43 * DAY), channels: ['sms', 'notice'],
    items: {
      infoTypes: '企业联系人姓名、手机号', cause: '查询接口鉴权缺失被批量调用', harm: '可能收到推销或诈骗电话',
      remedies: '已关闭接口并修复鉴权,报警处理', selfHelp: '警惕冒充平台的来电,不透露验证码', contact: '0371-65500000',
    },
  }, t(43 * DAY));
  a = await endHandling(tx, op, op, { id: a.id, version: a.version, endedAt: t(40 * DAY), body: '处置完毕,接口已恢复' }, t(40 * DAY));
  const summary = {
    cause: '企业信用画像查询接口上线时未启用调用方鉴权', handling: '关闭接口、修复鉴权、通知受影响个人、报警',
    harm: '约 120 万条企业联系人信息被批量下载', accountability: '对接口负责人通报批评',
    remediation: '全部对外接口上线前安全测试,调用方白名单', lessons: '变更管理须包含安全评审',
  };
  a = await submitSummary(tx, op, op, { id: a.id, version: a.version, summary }, t(30 * DAY));
  a = await reviewIncident(tx, zz, zz, { id: a.id, version: a.version, decision: 'more', reason: '请补充责任追究的具体人员和处理结果' }, t(29 * DAY));
  a = await submitSummary(tx, op, op, { id: a.id, version: a.version, summary: { ...summary, accountability: '对接口负责人李某通报批评并调离岗位' } }, t(28 * DAY));
  await reviewIncident(tx, zz, zz, { id: a.id, version: a.version, decision: 'accept', reason: '同意结案' }, t(27 * DAY));

  // 2. open: reported 10 minutes after discovery; the agency has acknowledged, the others' clocks run
  const b = await reportIncident(tx, op, op, {
    agreementId: agreement.id, systemName: '公共数据运营服务平台', title: '运营平台数据篡改', type: 'tampering', severity: 'large',
    discoveredAt: t(30 * 60_000), measures: '隔离受影响的数据库节点,从备份核对数据',
  }, t(20 * 60_000));
  await acknowledge(tx, agency, agency, b.id, t(10 * 60_000));

  // 3. ID-12 ¶3: the identity platform's availability incident, handling ended, its summary due
  let c = await reportIncident(tx, platform, platform, {
    systemName: '网号网证核验接口', title: '网号网证核验服务中断', type: 'availability', severity: 'general',
    discoveredAt: t(6 * DAY), measures: '切换备用线路,恢复核验服务',
  }, t(6 * DAY - HOUR));
  c = await followUp(tx, platform, platform, { id: c.id, version: c.version, body: '服务于 2 小时后恢复,无数据泄露', peopleAffected: 35_000 }, t(6 * DAY - 3 * HOUR));
  await endHandling(tx, platform, platform, { id: c.id, version: c.version, endedAt: t(5 * DAY), body: '处置结束' }, t(5 * DAY));
}
