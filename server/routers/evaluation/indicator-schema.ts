import { z } from 'zod';
import { MAX_NODES, MAX_RUBRIC_LEVELS, TARGET_KINDS } from '@/server/domain/evaluation';
import { ZPageInput } from '@/server/domain/paging';

/**
 * Inputs of the 评价指标体系 (HN-22 ¶1 / ¶2). The tree's own rules (weights summing to 100, depth,
 * rubric ranges, citations, veto lines) are checked in indicators.ts, so that their errors come back
 * keyed by node code (`nodes.<code>.<field>`) for the editor; the schemas here only shape the input
 * and bound its size.
 */
export const ZId = z.object({ id: z.uuid() });
export const ZRef = z.object({ id: z.uuid(), version: z.number().int() });

export const ZIndicatorFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  targetKind: z.enum(TARGET_KINDS).optional(),
  sort: z.enum(['name', 'updatedAt']).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type IndicatorFilter = z.infer<typeof ZIndicatorFilter>;
export const ZListIndicatorsInput = ZPageInput.extend(ZIndicatorFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZTargetKindInput = z.object({ targetKind: z.enum(TARGET_KINDS, { message: '请选择评价对象类型' }) });

export const ZCreateSystemInput = z.object({
  targetKind: z.enum(TARGET_KINDS, { message: '请选择评价对象类型' }),
  name: z.string({ message: '请填写指标体系名称' }).trim().min(2, '请填写指标体系名称(至少 2 个字)').max(100, '至多 100 字'),
  description: z.string().trim().max(1000, '至多 1000 字').nullish(),
});
export type CreateSystemInput = z.infer<typeof ZCreateSystemInput>;

export const ZCreateDraftInput = z.object({ systemId: z.uuid() });

const score = z.number({ message: '请填写分值' }).finite();

export const ZRubricLevel = z.object({
  label: z.string({ message: '请填写档次名称' }).max(200),
  min: score,
  max: score,
  guidance: z.string().max(4000).default(''),
});

/** One node as the editor sends it (order of the array = order among siblings). */
export const ZNodeInput = z.object({
  code: z.string({ message: '请填写指标编码' }).trim().min(1, '请填写指标编码').max(64, '编码至多 64 个字符'),
  parentCode: z.string().trim().max(64).nullable(),
  name: z.string({ message: '请填写指标名称' }).max(2000),
  weight: z.number({ message: '请填写权重' }).finite(),
  maxScore: score.nullish(),
  rubric: z.array(ZRubricLevel).max(MAX_RUBRIC_LEVELS * 2).nullish(),
  evidence: z.string().max(4000).nullish(),
  article: z.string().trim().max(32).nullish(),
  vetoBelow: score.nullish(),
  factKey: z.string().trim().max(48).nullish(),
});
export type NodeInput = z.infer<typeof ZNodeInput>;

export const ZGradeBands = z.object({
  excellent: z.number({ message: '请填写优秀分数线' }).finite(),
  good: z.number({ message: '请填写良好分数线' }).finite(),
  pass: z.number({ message: '请填写合格分数线' }).finite(),
});

export const ZSaveDraftInput = ZRef.extend({
  gradeBands: ZGradeBands,
  nodes: z.array(ZNodeInput).max(MAX_NODES, `一个指标体系至多 ${MAX_NODES} 个指标`),
});
export type SaveDraftInput = z.infer<typeof ZSaveDraftInput>;

export const ZPublishInput = ZRef.extend({
  changeNote: z.string().trim().max(1000, '至多 1000 字').nullish(),
});

export const ZDiffInput = z.object({ fromId: z.uuid({ message: '请选择版本' }), toId: z.uuid({ message: '请选择版本' }) });

/** The xlsx file as base64, ≤ 2 MB (a tree has at most 500 rows). */
export const ZImportInput = z.object({
  id: z.uuid(),
  xlsxBase64: z.string({ message: '请选择文件' }).min(1, '请选择文件').max(2_800_000, '文件不得超过 2 MB'),
});
export const ZImportApplyInput = ZImportInput.extend({ version: z.number().int() });
