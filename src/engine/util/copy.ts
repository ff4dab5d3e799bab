/** A deep copy of plain API data (objects, arrays, primitives): what Go's DeepCopy gives controllers. */
export function deepCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const arr: unknown[] = [];
    for (let i = 0; i < v.length; i++) arr.push(deepCopy(v[i]));
    return arr as T;
  }
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // for-in visits own keys in Object.keys order; the own-property check keeps it to own keys.
  for (const k in src) if (Object.hasOwn(src, k)) out[k] = deepCopy(src[k]);
  return out as T;
}

/** Structural equality of plain API data, ignoring key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  // Keys whose value is undefined count as missing.
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    if (!Object.hasOwn(ao, k) || ao[k] === undefined) continue;
    na++;
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (Object.hasOwn(bo, k) && bo[k] !== undefined) nb++;
  return na === nb;
}

/** JSON with keys sorted at every level: a canonical text for hashing. */
export function canonicalJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(',')}}`;
}
