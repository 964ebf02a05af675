import { z } from 'zod';
import {
  FORMATS, GRADES, ITEM_TYPES, OPEN_TYPES, REGISTRATION_KINDS, RESOURCE_STATUSES, SHARE_TYPES, UPDATE_CYCLES,
} from '@/server/domain/catalog';
import { ZPageInput } from '@/server/domain/paging';

/** 资源代码: letters, digits and - _ . / (e.g. 410100-GA-000123). */
export const RESOURCE_CODE = /^[A-Za-z0-9][A-Za-z0-9_./-]{2,63}$/;
export const FIELD_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export const ZItem = z.object({
  /** An existing item keeps its id across saves, so that links from other resources survive. */
  id: z.uuid().nullish(),
  name: z.string().trim().min(1, '请填写数据项名称').max(100, '数据项名称至多 100 字'),
  fieldCode: z.string().trim().max(64).regex(FIELD_CODE, '字段编码以字母开头,只含字母、数字、点、下划线和连字符').nullish().or(z.literal('').transform(() => null)),
  dataType: z.enum(ITEM_TYPES, { message: '请选择数据类型' }),
  description: z.string().trim().max(500, '说明至多 500 字').default(''),
  sensitive: z.boolean().default(false),
  grade: z.enum(GRADES, { message: '请选择数据分级' }),
  /** 一数一源 (HN-9): how a match with another provider's item is resolved. */
  sourceResolution: z.enum(['link', 'second']).nullish(),
  justification: z.string().trim().max(500, '理由至多 500 字').nullish(),
});
export type ItemInput = z.infer<typeof ZItem>;

const resourceFields = {
  code: z.string().trim().regex(RESOURCE_CODE, '资源代码 3–64 位,只含字母、数字和 - _ . /'),
  name: z.string().trim().min(2, '资源名称至少 2 个字').max(100, '资源名称至多 100 个字'),
  providerOrgId: z.uuid({ message: '请选择数据提供单位' }),
  summary: z.string().trim().max(2000, '摘要至多 2000 字').default(''),
  format: z.enum(FORMATS, { message: '请选择资源格式' }),
  updateCycle: z.enum(UPDATE_CYCLES, { message: '请选择更新周期' }),
  shareType: z.enum(SHARE_TYPES, { message: '请选择共享类型' }),
  shareCondition: z.string().trim().max(500, '至多 500 字').nullish(),
  openType: z.enum(OPEN_TYPES, { message: '请选择开放类型' }),
  items: z.array(ZItem).min(1, '至少填写一个数据项').max(500, '一个资源至多 500 个数据项'),
};

/** 有条件共享 needs its condition and 不予共享 its basis (HN-9: 目录编制要求). */
function shareRule(v: { shareType: string; shareCondition?: string | null }, ctx: z.RefinementCtx) {
  if (v.shareType !== 'unconditional' && !v.shareCondition?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['shareCondition'], message: v.shareType === 'conditional' ? '有条件共享须写明共享条件' : '不予共享须写明法律法规依据' });
  }
}
/** A second source needs its reason. */
function itemRules(v: { items: ItemInput[] }, ctx: z.RefinementCtx) {
  v.items.forEach((it, i) => {
    if (it.sourceResolution === 'second' && (it.justification?.trim().length ?? 0) < 5) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'justification'], message: '说明第二来源的理由(至少 5 个字,HN-9 一数一源)' });
    }
  });
  const seen = new Map<string, number>();
  v.items.forEach((it, i) => {
    const k = it.name.trim();
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['items', i, 'name'], message: `与第 ${seen.get(k)! + 1} 个数据项重名` });
    else seen.set(k, i);
  });
}

export const ZResourceInput = z.object(resourceFields).superRefine(shareRule).superRefine(itemRules);
export type ResourceInput = z.infer<typeof ZResourceInput>;
export const ZUpdateResourceInput = z.object({ ...resourceFields, id: z.uuid(), version: z.number().int() }).superRefine(shareRule).superRefine(itemRules);

export const ZRef = z.object({ id: z.uuid(), version: z.number().int() });
export const ZReasonRef = ZRef.extend({ reason: z.string().trim().min(2, '请填写理由(至少 2 个字)').max(500, '理由至多 500 字') });
export const ZRestoreInput = ZRef.extend({ versionNo: z.number().int().min(1) });
export const ZDiffInput = z.object({
  id: z.uuid(),
  /** A version number, or 0 for the current working copy. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
});

/** Filters of the catalog list, shared by the list procedure and the export route. */
export const ZResourceFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  regionCode: z.string().trim().max(12).optional(),
  providerOrgId: z.uuid().optional(),
  grade: z.enum(GRADES).optional(),
  shareType: z.enum(SHARE_TYPES).optional(),
  status: z.enum(RESOURCE_STATUSES).optional(),
  updateCycle: z.enum(UPDATE_CYCLES).optional(),
  /** Only the caller's own catalog ("我的目录"). */
  mine: z.boolean().optional(),
  sort: z.enum(['updatedAt', 'name', 'code', 'itemCount']).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ResourceFilter = z.infer<typeof ZResourceFilter>;
export const ZListResourcesInput = ZPageInput.extend(ZResourceFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZConflictFilter = z.object({ q: z.string().trim().max(50).optional(), unresolved: z.boolean().optional() });
export type ConflictFilter = z.infer<typeof ZConflictFilter>;
export const ZConflictListInput = ZPageInput.extend(ZConflictFilter.shape);

/** Spreadsheet import (dry run and commit): the xlsx file as base64, ≤ 5 MB. */
export const ZImportInput = z.object({ xlsxBase64: z.string().min(1, '请选择文件').max(7_000_000, '文件不得超过 5 MB') });

// ---- registration (HN-10)

const assetFields = {
  assetOwner: z.string().trim().max(100, '至多 100 字').nullish(),
  bookValue: z.number().min(0, '账面价值不能为负').max(1e13, '数值过大').nullish(),
  notAsset: z.boolean().default(false),
  notAssetBasis: z.string().trim().max(500, '至多 500 字').nullish(),
};

export const ZRegistrationInput = z.object({
  resourceId: z.uuid({ message: '请选择数据资源' }),
  kind: z.enum(REGISTRATION_KINDS, { message: '请选择登记类型' }),
  description: z.string().trim().max(2000, '说明至多 2000 字').default(''),
  ...assetFields,
});
export type RegistrationInput = z.infer<typeof ZRegistrationInput>;

export const ZRegistrationFilter = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(REGISTRATION_KINDS).optional(),
  status: z.enum(['submitted', 'in_notice', 'effective', 'rejected', 'withdrawn']).optional(),
  regionCode: z.string().trim().max(12).optional(),
  sort: z.enum(['updatedAt', 'registrationNo']).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type RegistrationFilter = z.infer<typeof ZRegistrationFilter>;
export const ZListRegistrationsInput = ZPageInput.extend(ZRegistrationFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZNoticePolicyInput = z.object({
  noticeWorkingDays: z.number().int().min(1, '至少 1 个工作日').max(60, '至多 60 个工作日'),
  version: z.number().int(),
});
