import { describe, expect, it } from 'vitest';
import { actorOf, sessionUserFor } from '@/server/test/harness';
import { exportDisclosures, exportProducts, exportScenarios, exportSelections } from './export';
import { fileKit } from './test-kit';

/** The list exports (xlsx / csv) of HN-15 / HN-17: the list's filters, the caller's scope, audited. */
const k = fileKit();

async function csv(fn: typeof exportScenarios, username: string, query: string) {
  const user = await sessionUserFor(k.h.db, username);
  const res = await fn(k.h.db, actorOf(user, null), user, new URLSearchParams(`format=csv&${query}`));
  return { status: res.status, name: res.headers.get('Content-Disposition') ?? '', lines: (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n') };
}

describe('exports', () => {
  it('scenarios: the demo rows in the operator\'s scope, filtered; none for another operator', async () => {
    const all = await csv(exportScenarios, 'operator', '');
    expect(all.status).toBe(200);
    expect(decodeURIComponent(all.name)).toMatch(/应用场景申请-\d{8}\.csv/);
    expect(all.lines[0]).toContain('场景名称');
    expect(all.lines.slice(1).map((l) => l.split(',')[0])).toEqual(expect.arrayContaining(['企业信用画像服务', '区域企业经营状况分析']));
    const approved = await csv(exportScenarios, 'operator', 'status=approved');
    expect(approved.lines.slice(1).map((l) => l.split(',')[0])).toEqual(['企业信用画像服务']);
    expect(approved.lines[1]).toContain('第 2 轮 通过');
    expect((await csv(exportScenarios, 'zz_operator', '')).lines).toHaveLength(1);
    const bad = await csv(exportScenarios, 'operator', 'status=gone');
    expect(bad.status).toBe(400);
  });

  it('products, selections and disclosures', async () => {
    const products = await csv(exportProducts, 'zhengzhou', 'phase=effective');
    expect(products.lines[1]).toMatch(/^豫数登\d{10},企业信用画像评分接口,已生效,数据接口/);
    const selections = await csv(exportSelections, 'agency', 'waiting=true');
    expect(selections.lines[1]).toContain('郑州智数科技有限公司');
    expect(selections.lines[1]).toContain('待实施机构审核');
    const disclosures = await csv(exportDisclosures, 'province', 'status=published');
    expect(disclosures.lines[1]).toMatch(/^\d{4}年第.季度,公共数据资源使用情况披露,河南数据集团有限公司,已发布/);
  });
});
