// The pieces of pkg/controller/controller_utils.go the deployment controller uses.
import type { OwnerReference, PodTemplateSpec, ReplicaSet } from '../../../api/types.ts';
import { parseTime } from '../../../apimachinery/time.ts';
import { fnv32a, safeEncodeString } from '../../../rand/rand.ts';
import { canonicalJSON } from '../../../util/copy.ts';

/** spec.replicas as the controller reads it (always set once the apiserver has defaulted the object). */
export function specReplicas(rs: ReplicaSet | undefined): number {
  return rs?.spec?.replicas ?? 1;
}

// Models kubernetes/pkg/controller/controller_utils.go ComputeHash
/**
 * FNV-32a over the template. Upstream hashes Go's spew dump of the struct; we hash its canonical JSON,
 * so the value differs from a real cluster's but has the same shape and the same stability.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(canonicalJSON(template));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: 4 bytes of the count, then 4 zero bytes.
    const c = collisionCount >>> 0;
    const bytes = [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0];
    for (const b of bytes) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return safeEncodeString(String(h >>> 0));
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go GetControllerOf
export function getControllerOf(obj: {
  metadata?: { ownerReferences?: OwnerReference[] };
}): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

// Models kubernetes/pkg/controller/controller_utils.go FilterActiveReplicaSets
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

// Models kubernetes/pkg/controller/controller_utils.go FilterReplicaSets
export function filterReplicaSets(rss: readonly ReplicaSet[], fn: (rs: ReplicaSet) => boolean): ReplicaSet[] {
  return rss.filter(fn);
}

const created = (rs: ReplicaSet) => parseTime(rs.metadata?.creationTimestamp);
const nameOf = (rs: ReplicaSet) => rs.metadata?.name ?? '';

// Models kubernetes/pkg/controller/controller_utils.go ReplicaSetsByCreationTimestamp
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = created(a);
  const tb = created(b);
  if (ta === tb) return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
  return ta - tb;
}

// Models kubernetes/pkg/controller/controller_utils.go ReplicaSetsBySizeOlder
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

// Models kubernetes/pkg/controller/controller_utils.go ReplicaSetsBySizeNewer
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(b, a);
  return specReplicas(b) - specReplicas(a);
}
