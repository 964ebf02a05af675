import type { Snapshot } from './save';

/**
 * Field-level difference between two frozen versions of a resource (or a version and the working
 * copy). Items are matched by id (an item keeps its id across versions), then by name.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
export interface ItemChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

const RESOURCE_FIELDS = ['code', 'name', 'providerName', 'summary', 'format', 'updateCycle', 'shareType', 'shareCondition', 'openType', 'grade'] as const;
const ITEM_FIELDS = ['name', 'fieldCode', 'dataType', 'description', 'sensitive', 'grade', 'sourceResolution', 'justification'] as const;

type Item = Snapshot['items'][number];

function fieldChanges<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): FieldChange[] {
  return keys
    .filter((k) => (a[k] ?? null) !== (b[k] ?? null))
    .map((k) => ({ field: String(k), before: a[k] ?? null, after: b[k] ?? null }));
}

export function diffSnapshots(a: Snapshot, b: Snapshot): { fields: FieldChange[]; items: ItemChange[] } {
  const fields = fieldChanges(a, b, RESOURCE_FIELDS);
  const items: ItemChange[] = [];
  const unmatched = new Map<string, Item>(b.items.map((i) => [i.id, i]));
  for (const x of a.items) {
    const y = unmatched.get(x.id) ?? [...unmatched.values()].find((i) => i.name === x.name);
    if (!y) {
      items.push({ name: x.name, change: 'removed', fields: [] });
      continue;
    }
    unmatched.delete(y.id);
    const f = fieldChanges(x, y, ITEM_FIELDS);
    if (f.length) items.push({ name: y.name, change: 'changed', fields: f });
  }
  for (const y of unmatched.values()) items.push({ name: y.name, change: 'added', fields: fieldChanges({} as Item, y, ITEM_FIELDS) });
  return { fields, items };
}
