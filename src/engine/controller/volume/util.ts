// What the PV controller, the scheduler's VolumeBinding plugin and the kubelet share about claims and volumes.
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type {
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Stored,
  StorageClass,
} from '../../api/types.ts';
import { compareQuantity } from '../../apis/storage/quantity.ts';

// Models kubernetes/pkg/controller/volume/persistentvolume/util/util.go annotations
export const annBindCompleted = 'pv.kubernetes.io/bind-completed';
export const annBoundByController = 'pv.kubernetes.io/bound-by-controller';
export const annSelectedNode = 'volume.kubernetes.io/selected-node';
export const annStorageProvisioner = 'volume.kubernetes.io/storage-provisioner';
export const annBetaStorageProvisioner = 'volume.beta.kubernetes.io/storage-provisioner';
export const annDynamicallyProvisioned = 'pv.kubernetes.io/provisioned-by';
const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

// Models kubernetes/staging/src/k8s.io/component-helpers/storage/volume/helpers.go GetPersistentVolumeClaimClass
export function getClaimClass(claim: PersistentVolumeClaim): string {
  const beta = claim.metadata?.annotations?.[betaStorageClassAnnotation];
  if (beta !== undefined) return beta;
  return claim.spec?.storageClassName ?? '';
}

// Models kubernetes/staging/src/k8s.io/component-helpers/storage/volume/helpers.go GetPersistentVolumeClass
export function getVolumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[betaStorageClassAnnotation] ?? pv.spec?.storageClassName ?? '';
}

// Models kubernetes/pkg/controller/volume/persistentvolume/util/util.go IsDelayBindingMode
export function isDelayBindingMode(api: ApiServer, claim: PersistentVolumeClaim): boolean {
  const name = getClaimClass(claim);
  if (!name) return false;
  const sc = api.get<StorageClass>('StorageClass', undefined, name);
  return sc?.volumeBindingMode === 'WaitForFirstConsumer';
}

// Models kubernetes/pkg/controller/volume/persistentvolume/util/util.go IsVolumeBoundToClaim
export function isVolumeBoundToClaim(pv: PersistentVolume, claim: Stored<PersistentVolumeClaim>): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

// Models kubernetes/staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
/** Whether a node satisfies a PV's required node affinity (terms OR'd, expressions AND'd). */
export function checkNodeAffinity(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  const labels = node.metadata?.labels ?? {};
  return terms.some((t) => {
    const exprs = t.matchExpressions ?? [];
    if (exprs.length === 0) return false; // an empty term matches nothing (matchFields are not modelled)
    return exprs.every((e) => {
      const v = labels[e.key];
      switch (e.operator) {
        case 'In':
          return v !== undefined && (e.values ?? []).includes(v);
        case 'NotIn':
          return v === undefined || !(e.values ?? []).includes(v);
        case 'Exists':
          return v !== undefined;
        case 'DoesNotExist':
          return v === undefined;
        case 'Gt':
          return v !== undefined && Number(v) > Number(e.values?.[0]);
        case 'Lt':
          return v !== undefined && Number(v) < Number(e.values?.[0]);
        default:
          return false;
      }
    });
  });
}

// Models kubernetes/staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go FindMatchingVolume
/**
 * The smallest fitting volume for a claim: same class, access modes, enough capacity, not bound to another
 * claim; a volume pre-bound to the claim wins. With `node`, only volumes whose node affinity allows it;
 * without a node in delayed-binding mode, only a pre-bound volume (the scheduler binds the rest).
 */
export function findMatchingVolume(
  claim: Stored<PersistentVolumeClaim>,
  volumes: readonly Stored<PersistentVolume>[],
  node: Node | undefined,
  delayBinding: boolean,
): Stored<PersistentVolume> | undefined {
  const request = String(claim.spec?.resources?.requests?.storage ?? '0');
  const cls = getClaimClass(claim);
  const modes = claim.spec?.accessModes ?? [];
  let best: Stored<PersistentVolume> | undefined;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue;
    const capacity = String(pv.spec?.capacity?.storage ?? '0');
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) continue;
    if (node && !checkNodeAffinity(pv, node)) continue;
    if (isVolumeBoundToClaim(pv, claim)) {
      if (compareQuantity(capacity, request) < 0) continue;
      return pv;
    }
    if (!node && delayBinding) continue;
    if (pv.status?.phase !== 'Available') continue;
    if (pv.spec?.claimRef) continue;
    if (claim.spec?.selector) continue; // label selectors on claims are not modelled
    if (getVolumeClass(pv) !== cls) continue;
    const pvModes = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    if (compareQuantity(capacity, request) < 0) continue;
    if (!best || compareQuantity(capacity, String(best.spec?.capacity?.storage ?? '0')) < 0) best = pv;
  }
  return best;
}

/** The claim names of a pod's persistentVolumeClaim volumes, in spec order. */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const c = v.persistentVolumeClaim?.claimName;
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** Whether the PV controller has finished binding a claim (and its volume points back at it). */
export function isClaimFullyBound(api: ApiServer, claim: Stored<PersistentVolumeClaim>): boolean {
  const name = claim.spec?.volumeName;
  if (!name || claim.metadata.annotations?.[annBindCompleted] === undefined) return false;
  const pv = api.get<PersistentVolume>('PersistentVolume', undefined, name);
  return !!pv && isVolumeBoundToClaim(pv, claim) && !!pv.spec?.claimRef?.uid;
}
