/**
 * The catalog's vocabulary (HN-9, HN-10) and its pure rules: enumerations, the grade of a resource
 * (GB/T 43697-2024), the 一数一源 match key and the search text. No database: the browser uses it too.
 */

/** 数据分类分级 (GB/T 43697-2024): 核心 > 重要 > 一般. */
export const GRADES = ['core', 'important', 'general'] as const;
export type Grade = (typeof GRADES)[number];
export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const; // 无条件 / 有条件 / 不予共享
export const OPEN_TYPES = ['open', 'conditional', 'closed'] as const; // 无条件开放 / 有条件开放 / 不予开放
export const FORMATS = ['table', 'file', 'api', 'image', 'other'] as const; // 数据库表 / 电子文件 / 接口 / 图像音视频 / 其他
export const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export const ITEM_TYPES = ['string', 'number', 'date', 'datetime', 'boolean', 'binary'] as const;
export const RESOURCE_STATUSES = ['draft', 'pending', 'published', 'disabled'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const REGISTRATION_KINDS = ['initial', 'change', 'correction', 'cancel'] as const; // 首次 / 变更 / 更正 / 注销

/** A resource takes the highest grade among its items (GB/T 43697-2024); with no items, 一般. */
export function gradeOf(items: readonly { grade: Grade | string }[]): Grade {
  let best = GRADES.length - 1;
  for (const i of items) {
    const k = GRADES.indexOf(i.grade as Grade);
    if (k >= 0 && k < best) best = k;
  }
  return GRADES[best];
}

/** The 一数一源 key of a data item name: no spaces or punctuation, lower case, full-width folded. */
export function normalizeItemName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The text the search box looks in (code, name, provider, item names), lower case. */
export function searchTextOf(r: { code: string; name: string; providerName: string; itemNames: readonly string[] }): string {
  return [r.code, r.name, r.providerName, ...r.itemNames].join(' ').toLowerCase();
}
