// Models kubernetes/pkg/controller/history/controller_history.go: ControllerRevisions, the recorded states of a
// controller's template (used by the StatefulSet controller). The apiserver here is synchronous, so the
// lister and the client are one: reads see every write at once and no retry on conflict is needed.
// A revision's `data` is kept as the parsed JSON object upstream stores as raw bytes; its bytes (for the hash
// and for equality) are its canonical JSON (sorted keys, as Go's json.Marshal of a map writes them).
import type { ControllerRevision, KubeObject, OwnerReference, Stored } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { ApiError } from '../../apiserver/errors.ts';
import { selectorMatches, type Selector } from '../../apimachinery/labels.ts';
import { parseTime } from '../../apimachinery/time.ts';
import { safeEncodeString } from '../../rand/rand.ts';
import { canonicalJSON, deepCopy } from '../../util/copy.ts';

// Models kubernetes/pkg/controller/history/controller_history.go ControllerRevisionHashLabel
export const controllerRevisionHashLabel = 'controller.kubernetes.io/hash';

// Models kubernetes/pkg/controller/history/controller_history.go ControllerRevisionName
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** The UTF-8 bytes of a string. */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** FNV-1 (not 1a), 32 bit: Go's hash/fnv New32, which HashControllerRevision uses. */
function fnv32(bytes: readonly number[], hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h;
}

/** The raw bytes upstream keeps in Data.Raw: here the canonical JSON of the data. */
export function revisionBytes(revision: ControllerRevision): string {
  return revision.data === undefined ? '' : canonicalJSON(revision.data);
}

// Models kubernetes/pkg/controller/history/controller_history.go HashControllerRevision
export function hashControllerRevision(revision: ControllerRevision, probe?: number): string {
  let h = fnv32(utf8(revisionBytes(revision)));
  if (probe !== undefined) h = fnv32(utf8(String(probe)), h);
  return safeEncodeString(String(h));
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go NewControllerRef
export function newControllerRef(
  owner: Stored<KubeObject>,
  apiVersion: string,
  kind: string,
): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

// Models kubernetes/pkg/controller/history/controller_history.go NewControllerRevision
export function newControllerRevision(
  parent: Stored<KubeObject>,
  parentApiVersion: string,
  parentKind: string,
  templateLabels: Record<string, string> | undefined,
  data: object,
  revision: number,
  collisionCount: number | undefined,
): ControllerRevision {
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}) },
      ownerReferences: [newControllerRef(parent, parentApiVersion, parentKind)],
    },
    data,
    revision,
  };
  const hash = hashControllerRevision(cr, collisionCount);
  cr.metadata!.name = controllerRevisionName(parent.metadata.name, hash);
  cr.metadata!.labels![controllerRevisionHashLabel] = hash;
  return cr;
}

// Models kubernetes/pkg/controller/history/controller_history.go byRevision.Less
function byRevision(a: ControllerRevision, b: ControllerRevision): number {
  if (a.revision !== b.revision) return a.revision - b.revision;
  const ta = parseTime(a.metadata?.creationTimestamp);
  const tb = parseTime(b.metadata?.creationTimestamp);
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

// Models kubernetes/pkg/controller/history/controller_history.go SortControllerRevisions
export function sortControllerRevisions<T extends ControllerRevision>(revisions: T[]): T[] {
  return revisions.sort(byRevision);
}

// Models kubernetes/pkg/controller/history/controller_history.go EqualRevision
/** Upstream first compares the hash labels parsed as integers; SafeEncodeString hashes never parse, so only the data counts. */
export function equalRevision(
  lhs: ControllerRevision | undefined,
  rhs: ControllerRevision | undefined,
): boolean {
  if (!lhs || !rhs) return lhs === rhs;
  return revisionBytes(lhs) === revisionBytes(rhs);
}

// Models kubernetes/pkg/controller/history/controller_history.go FindEqualRevisions
export function findEqualRevisions<T extends ControllerRevision>(
  revisions: T[],
  needle: ControllerRevision,
): T[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

// Models kubernetes/pkg/controller/history/controller_history.go realHistory
export class History {
  constructor(private readonly api: ApiServer) {}

  // Models kubernetes/pkg/controller/history/controller_history.go realHistory.ListControllerRevisions
  listControllerRevisions(parent: Stored<KubeObject>, selector: Selector): Stored<ControllerRevision>[] {
    return this.api
      .list<ControllerRevision>('ControllerRevision', parent.metadata.namespace)
      .filter((r) => selectorMatches(selector, r.metadata.labels))
      .filter((r) => {
        const ref = r.metadata.ownerReferences?.find((o) => o.controller === true);
        return !ref || ref.uid === parent.metadata.uid;
      });
  }

  // Models kubernetes/pkg/controller/history/controller_history.go realHistory.CreateControllerRevision
  /** `collisionCount.value` is bumped on every name collision with different data. */
  createControllerRevision(
    parent: Stored<KubeObject>,
    revision: ControllerRevision,
    collisionCount: { value: number },
  ): [Stored<ControllerRevision>, null] | [null, ApiError] {
    const clone = deepCopy(revision);
    for (;;) {
      const hash = hashControllerRevision(revision, collisionCount.value);
      clone.metadata!.name = controllerRevisionName(parent.metadata.name, hash);
      const ns = parent.metadata.namespace;
      const [created, err] = this.api.create(clone);
      if (err?.reason === 'AlreadyExists') {
        const exists = this.api.get<ControllerRevision>('ControllerRevision', ns, clone.metadata!.name);
        if (!exists) return [null, err];
        if (revisionBytes(exists) === revisionBytes(clone)) return [exists, null];
        collisionCount.value++;
        continue;
      }
      return err ? [null, err] : [created, null];
    }
  }

  // Models kubernetes/pkg/controller/history/controller_history.go realHistory.UpdateControllerRevision
  updateControllerRevision(
    revision: Stored<ControllerRevision>,
    newRevision: number,
  ): [Stored<ControllerRevision>, null] | [null, ApiError] {
    if (revision.revision === newRevision) return [revision, null];
    const clone = deepCopy(revision);
    clone.revision = newRevision;
    const [updated, err] = this.api.update(clone);
    return err ? [null, err] : [updated, null];
  }

  // Models kubernetes/pkg/controller/history/controller_history.go realHistory.DeleteControllerRevision
  deleteControllerRevision(revision: Stored<ControllerRevision>): ApiError | null {
    const [, err] = this.api.delete(
      'ControllerRevision',
      revision.metadata.namespace,
      revision.metadata.name,
    );
    return err;
  }

  // Models kubernetes/pkg/controller/history/controller_history.go realHistory.AdoptControllerRevision
  adoptControllerRevision(
    parent: Stored<KubeObject>,
    parentApiVersion: string,
    parentKind: string,
    revision: Stored<ControllerRevision>,
  ): [Stored<ControllerRevision>, null] | [null, ApiError | Error] {
    const owner = revision.metadata.ownerReferences?.find((o) => o.controller === true);
    if (owner) return [null, new Error(`attempt to adopt revision owned by ${JSON.stringify(owner)}`)];
    const clone = deepCopy(revision);
    clone.metadata.ownerReferences = [
      ...(clone.metadata.ownerReferences ?? []),
      newControllerRef(parent, parentApiVersion, parentKind),
    ];
    const [updated, err] = this.api.update(clone);
    return err ? [null, err] : [updated, null];
  }
}
