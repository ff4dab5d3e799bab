// The strategic merge patch that client-side `kubectl apply` computes (CreateThreeWayMergePatch of the
// last-applied configuration, the file and the live object) and the apiserver applies. Merge keys and
// patch strategies come from a small table of the fields a manifest may change (the `patchMergeKey` /
// `patchStrategy` struct tags upstream); other lists are replaced whole.
// Simplification: `$setElementOrder` puts the listed items first, in order, and keeps server-only items
// after them (upstream interleaves them by their old positions); `$deleteFromPrimitiveList` is not produced
// (primitive lists such as `finalizers` are replaced).

type JSONMap = Record<string, unknown>;

interface PatchMeta {
  mergeKey?: string;
  retainKeys?: boolean;
}

const setElementOrderPrefix = '$setElementOrder/';
const retainKeysDirective = '$retainKeys';
const patchDirective = '$patch';

function isMap(v: unknown): v is JSONMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The patch metadata of field `key` inside the struct at `path` (list indices omitted). */
export function patchMetaFor(kind: string, path: readonly string[], key: string): PatchMeta {
  switch (key) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
    case 'resourceClaims':
    case 'schedulingGates':
      return { mergeKey: 'name' };
    case 'volumeMounts':
      return { mergeKey: 'mountPath' };
    case 'volumeDevices':
      return { mergeKey: 'devicePath' };
    case 'hostAliases':
      return { mergeKey: 'ip' };
    case 'topologySpreadConstraints':
      return { mergeKey: 'topologyKey' };
    case 'ownerReferences':
      return { mergeKey: 'uid' };
    case 'conditions':
      return { mergeKey: 'type' };
    case 'ports':
      if (kind === 'Service' && path.length === 1 && path[0] === 'spec') return { mergeKey: 'port' };
      return path[path.length - 1] === 'containers' || path[path.length - 1] === 'initContainers'
        ? { mergeKey: 'containerPort' }
        : {};
    case 'strategy':
      // Only a Deployment's strategy is `patchStrategy:"retainKeys"`; StatefulSet and DaemonSet
      // updateStrategy are plain structs.
      return path.length === 1 && path[0] === 'spec' ? { retainKeys: true } : {};
    default:
      return {};
  }
}

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

function keyString(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go diffListsOfMaps
function diffListsOfMaps(
  kind: string,
  path: string[],
  original: unknown[],
  modified: unknown[],
  mergeKey: string,
  opts: DiffOptions,
): { patch: unknown[]; deletions: unknown[] } {
  const sortByKey = (l: unknown[]) =>
    l
      .filter(isMap)
      .sort((a, b) =>
        keyString(a[mergeKey]) < keyString(b[mergeKey])
          ? -1
          : keyString(a[mergeKey]) > keyString(b[mergeKey])
            ? 1
            : 0,
      );
  const o = sortByKey(original);
  const m = sortByKey(modified);
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const ok = i < o.length ? keyString(o[i]![mergeKey]) : undefined;
    const mk = j < m.length ? keyString(m[j]![mergeKey]) : undefined;
    if (ok !== undefined && mk !== undefined && ok === mk) {
      const p = diffMaps(kind, path, o[i]!, m[j]!, opts);
      if (Object.keys(p).length > 0) {
        p[mergeKey] = m[j]![mergeKey];
        patch.push(p);
      }
      i++;
      j++;
    } else if (ok === undefined || (mk !== undefined && mk < ok)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: o[i]![mergeKey], [patchDirective]: 'delete' });
      i++;
    }
  }
  // normalizeSliceOrder: patch items follow the modified list's order.
  const order = modified.filter(isMap).map((x) => keyString(x[mergeKey]));
  patch.sort(
    (a, b) =>
      order.indexOf(keyString((a as JSONMap)[mergeKey])) - order.indexOf(keyString((b as JSONMap)[mergeKey])),
  );
  return { patch, deletions };
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go diffMaps
function diffMaps(
  kind: string,
  path: string[],
  original: JSONMap,
  modified: JSONMap,
  opts: DiffOptions,
): JSONMap {
  const patch: JSONMap = {};
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    const meta = patchMetaFor(kind, path, key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (isMap(ov) && isMap(mv)) {
      const sub = diffMaps(kind, [...path, key], ov, mv, opts);
      const addedKeys = Object.keys(mv).some((k) => !(k in ov));
      if (meta.retainKeys && (Object.keys(sub).length > 0 || addedKeys)) {
        sub[retainKeysDirective] = Object.keys(mv)
          .filter((k) => mv[k] !== null)
          .sort();
      }
      if (Object.keys(sub).length > 0) patch[key] = sub;
      continue;
    }
    if (
      Array.isArray(ov) &&
      Array.isArray(mv) &&
      meta.mergeKey &&
      (ov as unknown[]).every(isMap) &&
      (mv as unknown[]).every(isMap)
    ) {
      const { patch: list, deletions } = diffListsOfMaps(kind, [...path, key], ov, mv, meta.mergeKey, opts);
      const all = [...list, ...deletions];
      // isOrderSame
      const orderSame =
        ov.length === mv.length &&
        mv.every((x, i) => deepEqual((x as JSONMap)[meta.mergeKey!], (ov[i] as JSONMap)[meta.mergeKey!]));
      if (all.length > 0) patch[key] = all;
      if (
        (!opts.ignoreChangesAndAdditions && (all.length > 0 || !orderSame)) ||
        (!opts.ignoreDeletions && all.length > 0)
      ) {
        patch[`${setElementOrderPrefix}${key}`] = mv.map((x) => ({
          [meta.mergeKey!]: (x as JSONMap)[meta.mergeKey!],
        }));
      }
      continue;
    }
    if (!deepEqual(ov, mv) && !opts.ignoreChangesAndAdditions) patch[key] = mv;
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  return patch;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go mergeMap (patch into patch)
function mergePatchMaps(kind: string, path: string[], a: JSONMap, b: JSONMap): JSONMap {
  const out: JSONMap = { ...a };
  for (const [key, bv] of Object.entries(b)) {
    const av = out[key];
    const meta = patchMetaFor(kind, path, key);
    if (isMap(av) && isMap(bv)) out[key] = mergePatchMaps(kind, [...path, key], av, bv);
    else if (Array.isArray(av) && Array.isArray(bv) && meta.mergeKey) {
      const list: unknown[] = [...(av as unknown[])];
      for (const item of bv as unknown[]) {
        const k = isMap(item) ? keyString(item[meta.mergeKey]) : undefined;
        const idx = list.findIndex((x) => isMap(x) && keyString(x[meta.mergeKey!]) === k);
        if (idx >= 0 && isMap(list[idx]) && isMap(item))
          list[idx] = mergePatchMaps(kind, [...path, key], list[idx], item);
        else list.push(item);
      }
      out[key] = list;
    } else out[key] = bv;
  }
  return out;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch
/** The patch `kubectl apply` sends: changes from live to file, plus deletions of fields the file dropped. */
export function createThreeWayMergePatch(
  kind: string,
  original: JSONMap | undefined,
  modified: JSONMap,
  current: JSONMap,
): JSONMap {
  const delta = diffMaps(kind, [], current, modified, {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
  });
  const deletions = diffMaps(kind, [], original ?? {}, modified, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
  });
  return mergePatchMaps(kind, [], deletions, delta);
}

function mergeList(
  kind: string,
  path: string[],
  current: unknown[],
  patch: unknown[],
  mergeKey: string,
  order?: unknown[],
): unknown[] {
  let list = [...current];
  for (const item of patch) {
    if (!isMap(item)) continue;
    const k = keyString(item[mergeKey]);
    const idx = list.findIndex((x) => isMap(x) && keyString(x[mergeKey]) === k);
    if (item[patchDirective] === 'delete') {
      if (idx >= 0) list.splice(idx, 1);
      continue;
    }
    if (idx >= 0 && isMap(list[idx])) list[idx] = applyStrategicPatch(kind, list[idx], item, path);
    else list.push(applyStrategicPatch(kind, {}, item, path));
  }
  if (order) {
    const keys = order.filter(isMap).map((x) => keyString(x[mergeKey]));
    const rank = (x: unknown) => {
      const i = isMap(x) ? keys.indexOf(keyString(x[mergeKey])) : -1;
      return i < 0 ? keys.length : i;
    };
    list = list
      .map((x, i) => ({ x, i }))
      .sort((p, q) => rank(p.x) - rank(q.x) || p.i - q.i)
      .map((p) => p.x);
  }
  return list;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go mergeMap (patch into object)
/** The object the apiserver stores after applying a strategic merge patch to `current`. */
export function applyStrategicPatch(
  kind: string,
  current: JSONMap,
  patch: JSONMap,
  path: string[] = [],
): JSONMap {
  if (patch[patchDirective] === 'replace') {
    const { [patchDirective]: _p, ...rest } = patch;
    return rest;
  }
  const out: JSONMap = { ...current };
  for (const [key, pv] of Object.entries(patch)) {
    if (key === patchDirective || key === retainKeysDirective || key.startsWith(setElementOrderPrefix))
      continue;
    if (pv === null) {
      delete out[key];
      continue;
    }
    const cv = out[key];
    const meta = patchMetaFor(kind, path, key);
    if (isMap(pv) && isMap(cv)) out[key] = applyStrategicPatch(kind, cv, pv, [...path, key]);
    else if (isMap(pv)) out[key] = applyStrategicPatch(kind, {}, pv, [...path, key]);
    else if (Array.isArray(pv) && meta.mergeKey) {
      const order = patch[`${setElementOrderPrefix}${key}`];
      out[key] = mergeList(
        kind,
        [...path, key],
        Array.isArray(cv) ? cv : [],
        pv,
        meta.mergeKey,
        Array.isArray(order) ? order : undefined,
      );
    } else out[key] = pv;
  }
  const retain = patch[retainKeysDirective];
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

// Models golang fmt %+v of a map[string]interface{} decoded from JSON (keys sorted, ints as int64)
/** How Go prints a decoded JSON value with `%+v`: `map[spec:map[replicas:3]]`, `[a b]`, `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
