// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go: pod identity, storage, revisions and
// the PVC retention policy of StatefulSets. Feature gates as in v1.36: PodIndexLabel (GA),
// StatefulSetAutoDeletePVC (GA), MaxUnavailableStatefulSet (beta, on).
import type {
  ControllerRevision,
  KubeObject,
  OwnerReference,
  PersistentVolumeClaim,
  Pod,
  StatefulSet,
  Stored,
} from '../../api/types.ts';
import { isPodAvailable, isPodReady } from '../../api/pod-util.ts';
import { getScaledValueFromIntOrPercent, type IntOrString } from '../../apimachinery/intstr.ts';
import { deepCopy } from '../../util/copy.ts';
import { newControllerRevision } from '../history/controller-history.ts';

export const controllerKind = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
const podKind = { apiVersion: 'v1', kind: 'Pod' } as const;

// Models kubernetes/staging/src/k8s.io/api/apps/v1/types.go StatefulSetRevisionLabel, StatefulSetPodNameLabel, PodIndexLabel
export const statefulSetRevisionLabel = 'controller-revision-hash';
export const statefulSetPodNameLabel = 'statefulset.kubernetes.io/pod-name';
export const podIndexLabel = 'apps.kubernetes.io/pod-index';

/** A pod the controller works on: a stored pod, or one it has built and not created yet (no status phase). */
export type SetPod = Pod & { metadata: NonNullable<Pod['metadata']> };

const statefulPodRegex = /^(.*)-([0-9]+)$/;

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getParentNameAndOrdinal
export function getParentNameAndOrdinal(pod: Pod): [string, number] {
  const m = statefulPodRegex.exec(pod.metadata?.name ?? '');
  if (!m) return ['', -1];
  const n = Number(m[2]);
  // strconv.ParseInt(s, 10, 32) fails beyond int32.
  return [m[1]!, n <= 2147483647 ? n : -1];
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getParentName
export function getParentName(pod: Pod): string {
  return getParentNameAndOrdinal(pod)[0];
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getOrdinal
export function getOrdinal(pod: Pod): number {
  return getParentNameAndOrdinal(pod)[1];
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getStartOrdinal
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals ? (set.spec.ordinals.start ?? 0) : 0;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getEndOrdinal
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go podInOrdinalRange
export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPodName
export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaimName
export function getPersistentVolumeClaimName(
  set: StatefulSet,
  claim: PersistentVolumeClaim,
  ordinal: number,
): string {
  return `${claim.metadata?.name ?? ''}-${set.metadata?.name ?? ''}-${ordinal}`;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isMemberOf
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentName(pod) === set.metadata?.name;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go identityMatches
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const [parent, ordinal] = getParentNameAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    set.metadata?.name === parent &&
    pod.metadata?.name === getPodName(set, ordinal) &&
    (pod.metadata?.namespace ?? 'default') === (set.metadata?.namespace ?? 'default') &&
    pod.metadata?.labels?.[statefulSetPodNameLabel] === pod.metadata?.name
  );
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go storageMatches
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const claim of set.spec?.volumeClaimTemplates ?? []) {
    const volume = volumes.get(claim.metadata?.name ?? '');
    if (volume?.persistentVolumeClaim?.claimName !== getPersistentVolumeClaimName(set, claim, ordinal))
      return false;
  }
  return true;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaimRetentionPolicy
export function getPersistentVolumeClaimRetentionPolicy(set: StatefulSet): {
  whenDeleted: string;
  whenScaled: string;
} {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return p ? { whenDeleted: p.whenDeleted ?? '', whenScaled: p.whenScaled ?? '' } : retainRetain;
}

const retainRetain = { whenDeleted: 'Retain', whenScaled: 'Retain' };

type Owner = { kind?: string; apiVersion?: string; metadata?: { name?: string; uid?: string } };

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go matchesRef
function matchesRef(ref: OwnerReference, obj: Owner, gvk: { apiVersion: string; kind: string }): boolean {
  return gvk.apiVersion === ref.apiVersion && gvk.kind === ref.kind && ref.name === obj.metadata?.name;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go hasUnexpectedController
export function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of claim.metadata?.ownerReferences ?? []) {
    if (matchesRef(ref, set, controllerKind)) {
      if (ref.uid !== set.metadata?.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod, podKind)) {
      if (ref.uid !== pod.metadata?.uid) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go hasNonControllerOwner
function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata?.ownerReferences ?? []).some(
    (ref) => (ref.uid === set.metadata?.uid || ref.uid === pod.metadata?.uid) && ref.controller !== true,
  );
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go hasOwnerRef
export function hasOwnerRef(target: KubeObject, owner: Owner): boolean {
  const uid = owner.metadata?.uid;
  return (target.metadata?.ownerReferences ?? []).some((r) => r.uid === uid);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go hasStaleOwnerRef
export function hasStaleOwnerRef(
  target: PersistentVolumeClaim,
  obj: Owner,
  gvk: { apiVersion: string; kind: string },
): boolean {
  for (const ref of target.metadata?.ownerReferences ?? []) {
    if (matchesRef(ref, obj, gvk)) return ref.uid !== obj.metadata?.uid;
  }
  return false;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isClaimOwnerUpToDate
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set, controllerKind) || hasStaleOwnerRef(claim, pod, podKind)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Retain') {
    return !hasOwnerRef(claim, set) && scaledDown === hasOwnerRef(claim, pod);
  }
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete') {
    return scaledDown !== hasOwnerRef(claim, set) && scaledDown === hasOwnerRef(claim, pod);
  }
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') {
    return hasOwnerRef(claim, set) && !hasOwnerRef(claim, pod);
  }
  // Retain/Retain, and any unknown policy (treated as Retain).
  return !hasOwnerRef(claim, set) && !hasOwnerRef(claim, pod);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go updateClaimOwnerRefForSetAndPod
export function updateClaimOwnerRefForSetAndPod(
  claim: PersistentVolumeClaim,
  set: StatefulSet,
  pod: Pod,
): void {
  const unexpectedController = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata?.ownerReferences ?? []).filter(
    (r) => !(matchesRef(r, set, controllerKind) || matchesRef(r, pod, podKind)),
  );
  if (!unexpectedController) {
    const policy = getPersistentVolumeClaimRetentionPolicy(set);
    const scaledDown = !podInOrdinalRange(pod, set);
    const del = (x: string) => x === 'Delete';
    if (del(policy.whenScaled) && scaledDown) refs = addControllerRef(refs, pod, podKind);
    if (del(policy.whenDeleted) && (policy.whenScaled === 'Retain' || !scaledDown))
      refs = addControllerRef(refs, set, controllerKind);
  }
  const meta = (claim.metadata ??= {});
  if (refs.length > 0) meta.ownerReferences = refs;
  else delete meta.ownerReferences;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go addControllerRef
function addControllerRef(
  refs: OwnerReference[],
  owner: Owner,
  gvk: { apiVersion: string; kind: string },
): OwnerReference[] {
  if (refs.some((r) => r.uid === owner.metadata?.uid)) return refs;
  return [
    ...refs,
    {
      apiVersion: gvk.apiVersion,
      kind: gvk.kind,
      name: owner.metadata?.name ?? '',
      uid: owner.metadata?.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaims
/** Claims in template order (upstream returns a map keyed by template name). */
export function getPersistentVolumeClaims(
  set: StatefulSet,
  pod: Pod,
): { template: string; claim: PersistentVolumeClaim }[] {
  const ordinal = getOrdinal(pod);
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const claim = deepCopy(t);
    const meta = (claim.metadata ??= {});
    meta.name = getPersistentVolumeClaimName(set, t, ordinal);
    meta.namespace = set.metadata?.namespace;
    meta.labels = { ...(meta.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    return { template: t.metadata?.name ?? '', claim };
  });
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go updateStorage
export function updateStorage(set: StatefulSet, pod: SetPod): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const names = new Set(claims.map((c) => c.template));
  const spec = (pod.spec ??= { containers: [] });
  const volumes = claims.map((c) => ({
    name: c.template,
    persistentVolumeClaim: { claimName: c.claim.metadata!.name! },
  }));
  for (const v of spec.volumes ?? []) if (!names.has(v.name)) volumes.push(v as (typeof volumes)[number]);
  if (volumes.length > 0) spec.volumes = volumes;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go initIdentity
function initIdentity(set: StatefulSet, pod: SetPod): void {
  updateIdentity(set, pod);
  const spec = (pod.spec ??= { containers: [] });
  spec.hostname = pod.metadata.name;
  spec.subdomain = set.spec?.serviceName;
  if (!spec.subdomain) delete spec.subdomain;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go updateIdentity
export function updateIdentity(set: StatefulSet, pod: SetPod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = getPodName(set, ordinal);
  pod.metadata.namespace = set.metadata?.namespace;
  const labels = (pod.metadata.labels ??= {});
  labels[statefulSetPodNameLabel] = pod.metadata.name;
  labels[podIndexLabel] = String(ordinal);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isRunningAndReady
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isRunningAndAvailable
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isCreated
export function isCreated(pod: Pod): boolean {
  return (pod.status?.phase ?? '') !== '';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isPending
export function isPending(pod: Pod): boolean {
  return pod.status?.phase === 'Pending';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isFailed
export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isSucceeded
export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isTerminating
export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isHealthy
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go isUnavailable
export function isUnavailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return !isPodAvailable(pod, minReadySeconds, now) || isTerminating(pod);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go allowsBurst
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go setPodRevision
export function setPodRevision(pod: SetPod, revision: string): void {
  (pod.metadata.labels ??= {})[statefulSetRevisionLabel] = revision;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPodRevision
export function getPodRevision(pod: Pod): string {
  return pod.metadata?.labels?.[statefulSetRevisionLabel] ?? '';
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go newStatefulSetPod
export function newStatefulSetPod(set: Stored<StatefulSet>, ordinal: number): SetPod {
  // Models kubernetes/pkg/controller/controller_utils.go GetPodFromTemplate
  const t = set.spec?.template;
  const pod: SetPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${set.metadata.name}-`,
      labels: { ...(t?.metadata?.labels ?? {}) },
      ...(t?.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ...(t?.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
      ownerReferences: [
        {
          ...controllerKind,
          name: set.metadata.name,
          uid: set.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: deepCopy(t?.spec ?? { containers: [] }),
  };
  pod.metadata.name = getPodName(set, ordinal);
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go newVersionedStatefulSetPod
export function newVersionedStatefulSetPod(
  currentSet: Stored<StatefulSet>,
  updateSet: Stored<StatefulSet>,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): SetPod {
  const strategy = currentSet.spec?.updateStrategy;
  const start = getStartOrdinal(currentSet);
  // Go's && binds tighter than ||: the partition clause holds for any strategy type (as upstream).
  if (
    (strategy?.type === 'RollingUpdate' &&
      !strategy.rollingUpdate &&
      ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0))
  ) {
    const pod = newStatefulSetPod(currentSet, ordinal);
    setPodRevision(pod, currentRevision);
    return pod;
  }
  const pod = newStatefulSetPod(updateSet, ordinal);
  setPodRevision(pod, updateRevision);
  return pod;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getPatch
/** The strategic merge patch that restores the template: `{"spec":{"template":{"$patch":"replace",...}}}`. */
export function getPatch(set: StatefulSet): object {
  return { spec: { template: { ...deepCopy(set.spec?.template ?? {}), $patch: 'replace' } } };
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go newRevision
export function newRevision(
  set: Stored<StatefulSet>,
  revision: number,
  collisionCount: number,
): ControllerRevision {
  const cr = newControllerRevision(
    set,
    controllerKind.apiVersion,
    controllerKind.kind,
    set.spec?.template?.metadata?.labels,
    getPatch(set),
    revision,
    collisionCount,
  );
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length > 0)
    cr.metadata!.annotations = { ...set.metadata.annotations };
  return cr;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go ApplyRevision
/** The patch replaces the whole template, so applying it is taking the template out of the data. */
export function applyRevision(set: Stored<StatefulSet>, revision: ControllerRevision): Stored<StatefulSet> {
  const clone = deepCopy(set);
  const data: { spec?: { template?: Record<string, unknown> } } | undefined = revision.data;
  const template = deepCopy(data?.spec?.template);
  if (template) {
    delete template.$patch;
    clone.spec!.template = template;
  }
  return clone;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go nextRevision
export function nextRevision(revisions: ControllerRevision[]): number {
  const last = revisions[revisions.length - 1];
  return last ? last.revision + 1 : 1;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go getStatefulSetMaxUnavailable
export function getStatefulSetMaxUnavailable(
  maxUnavailable: IntOrString | undefined,
  replicaCount: number,
): [number, Error | null] {
  const [n, err] = getScaledValueFromIntOrPercent(maxUnavailable ?? 1, replicaCount, false);
  if (err) return [0, err];
  return [Math.max(n, 1), null];
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go ascendingOrdinal
export function ascendingOrdinal(a: Pod, b: Pod): number {
  return getOrdinal(a) - getOrdinal(b);
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go descendingOrdinal
export function descendingOrdinal(a: Pod, b: Pod): number {
  return getOrdinal(b) - getOrdinal(a);
}
