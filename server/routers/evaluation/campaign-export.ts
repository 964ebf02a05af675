import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { CampaignSubject } from './campaign-access';
import { ZCampaignFilter } from './campaign-schema';
import { selectCampaigns } from './campaigns';

/** Export of the campaign list: its filters from the query string, in the caller's scope; audited. */
export const CAMPAIGNS_EXPORT_MAX = 5_000;

const STATUS: Record<string, string> = { draft: '草稿', self_assessment: '自评中', scoring: '评分中', review: '复核中', published: '已发布' };
const KIND: Record<string, string> = { agency: '实施机构(HN-22 ¶1)', operator: '一级开发主体(HN-22 ¶2)' };

export async function exportCampaigns(db: Db, actor: AuditActor, user: CampaignSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZCampaignFilter.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectCampaigns(db, user, filter, { limit: CAMPAIGNS_EXPORT_MAX }, new Date());
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '评价活动', width: 36, value: (r) => r.name },
    { header: '年度', width: 8, value: (r) => r.year },
    { header: '评价对象类型', width: 22, value: (r) => KIND[r.targetKind] ?? r.targetKind },
    { header: '状态', width: 10, value: (r) => STATUS[r.status] ?? r.status },
    { header: '组织评价单位', width: 28, value: (r) => r.ownerName },
    { header: '评价对象数', width: 10, value: (r) => r.targetCount },
    { header: '评审专家数', width: 10, value: (r) => r.panelCount },
    { header: '自评开始', width: 12, value: (r) => r.selfStartsOn },
    { header: '自评截止', width: 12, value: (r) => r.selfEndsOn },
    { header: '评分截止', width: 12, value: (r) => r.scoringEndsOn },
    { header: '复核截止', width: 12, value: (r) => r.reviewEndsOn },
    { header: '结果发布', width: 12, value: (r) => r.publishOn },
    { header: '创建时间', width: 20, value: (r) => shanghaiText(r.createdAt) },
  ];
  return sendExport(db, actor, { action: 'campaign.export', sheet: '评价活动', filename: '年度评价活动', format, filter }, columns, page);
}
