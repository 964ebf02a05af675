/**
 * Field-level difference between two frozen versions of a plan or an agreement (or a version and
 * the working copy): both are flattened to dotted paths (`sections.term.years`, rows of a list by
 * their 1-based position: `sections.products.items.2.form`), ids left out (their names are in the
 * snapshot), and the paths whose values differ are listed in the order of the newer one.
 */
export interface FieldChange {
  path: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

type Leaf = string | number | boolean | null;

function flatten(v: unknown, prefix: string, out: Map<string, Leaf>) {
  if (v === null || v === undefined) {
    out.set(prefix, null);
  } else if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) out.set(prefix, v.length ? v.map(String).join('、') : null);
    else v.forEach((x, i) => flatten(x, `${prefix}.${i + 1}`, out));
  } else if (typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (/Ids?$/.test(k)) continue;
      flatten(x, prefix ? `${prefix}.${k}` : k, out);
    }
  } else {
    out.set(prefix, v as Leaf);
  }
}

export function flat(snapshot: unknown): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  flatten(snapshot, '', out);
  return out;
}

export function diffSnapshots(a: unknown, b: unknown): FieldChange[] {
  const fa = flat(a);
  const fb = flat(b);
  const paths = [...fb.keys(), ...[...fa.keys()].filter((k) => !fb.has(k))];
  const blank = (x: Leaf | undefined) => (x === undefined || x === '' ? null : x);
  return paths
    .filter((p) => blank(fa.get(p)) !== blank(fb.get(p)))
    .map((p) => ({ path: p, before: blank(fa.get(p)), after: blank(fb.get(p)) }));
}
