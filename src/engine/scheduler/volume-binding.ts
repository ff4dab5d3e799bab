// The scheduler's VolumeBinding plugin: a pod's claims must exist and not be terminating (PreFilter); claims
// in Immediate mode must already be bound (PreFilter); a bound claim's volume must allow the node, and an
// unbound WaitForFirstConsumer claim needs a matching volume or a provisioner on the node (Filter). Once a node
// is chosen, unbound claims are bound there (a matching PV) or handed to the provisioner with the selected-node
// annotation (PreBind), and the pod is bound only when every claim is.
import type { ApiServer } from '../apiserver/apiserver.ts';
import type {
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Stored,
  StorageClass,
} from '../api/types.ts';
import {
  annBindCompleted,
  annBoundByController,
  annSelectedNode,
  checkNodeAffinity,
  findMatchingVolume,
  getClaimClass,
  isClaimFullyBound,
  isDelayBindingMode,
  podClaimNames,
} from '../controller/volume/util.ts';

// Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go ConflictReason values
export const errReasonBindConflict = "node(s) didn't find available persistent volumes to bind";
export const errReasonNodeConflict = 'node(s) had volume node affinity conflict';
export const errReasonPVNotExist =
  'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const volumeReasons: ReadonlySet<string> = new Set([
  errReasonBindConflict,
  errReasonNodeConflict,
  errReasonPVNotExist,
]);

type Claim = Stored<PersistentVolumeClaim>;

export interface PodVolumeClaims {
  bound: Claim[];
  delayed: Claim[];
}

// Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/volume_binding.go PreFilter (with
// binder.go GetPodVolumeClaims). Undefined: the pod has no claims (the plugin is skipped); a string: the
// PreFilter rejection.
export function preFilterVolumes(api: ApiServer, pod: Stored<Pod>): PodVolumeClaims | string | undefined {
  const names = podClaimNames(pod);
  if (names.length === 0) return undefined;
  const out: PodVolumeClaims = { bound: [], delayed: [] };
  let immediate = false;
  for (const name of names) {
    const claim = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, name);
    if (!claim) return `persistentvolumeclaim "${name}" not found`;
    if (claim.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    const fullyBound =
      !!claim.spec?.volumeName && claim.metadata.annotations?.[annBindCompleted] !== undefined;
    if (fullyBound) out.bound.push(claim);
    else if (isDelayBindingMode(api, claim) && !claim.spec?.volumeName) out.delayed.push(claim);
    else immediate = true;
  }
  if (immediate) return 'pod has unbound immediate PersistentVolumeClaims';
  return out;
}

export interface VolumeDecision {
  /** Claims to bind to these (matching, unbound) volumes. */
  static: [Claim, Stored<PersistentVolume>][];
  /** Claims for the provisioner. */
  provision: Claim[];
}

// Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go FindPodVolumes
/** The reason the node fails, or how its unbound claims would be satisfied there. */
export function filterVolumes(api: ApiServer, claims: PodVolumeClaims, node: Node): string | VolumeDecision {
  for (const claim of claims.bound) {
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, claim.spec!.volumeName!);
    if (!pv) return errReasonPVNotExist;
    if (!checkNodeAffinity(pv, node)) return errReasonNodeConflict;
  }
  const decision: VolumeDecision = { static: [], provision: [] };
  if (claims.delayed.length === 0) return decision;
  const volumes = api.list<PersistentVolume>('PersistentVolume');
  const chosen = new Set<string>();
  for (const claim of claims.delayed) {
    const pv = findMatchingVolume(
      claim,
      volumes.filter((v) => !chosen.has(v.metadata.name)),
      node,
      true,
    );
    if (pv) {
      chosen.add(pv.metadata.name);
      decision.static.push([claim, pv]);
      continue;
    }
    // Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go checkVolumeProvisions
    const sc = api.get<StorageClass>('StorageClass', undefined, getClaimClass(claim));
    if (!sc || sc.provisioner === 'kubernetes.io/no-provisioner') return errReasonBindConflict;
    const topologies = sc.allowedTopologies ?? [];
    const labels = node.metadata?.labels ?? {};
    const allowed =
      topologies.length === 0 ||
      topologies.some((t) =>
        (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '\u0000')),
      );
    if (!allowed) return errReasonBindConflict;
    decision.provision.push(claim);
  }
  return decision;
}

// Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go BindPodVolumes (the API updates)
export function bindPodVolumes(api: ApiServer, decision: VolumeDecision, nodeName: string): void {
  for (const [claim, pv] of decision.static) {
    const next: Stored<PersistentVolume> = {
      ...pv,
      metadata: {
        ...pv.metadata,
        annotations: { ...pv.metadata.annotations, [annBoundByController]: 'yes' },
      },
      spec: {
        ...pv.spec,
        claimRef: {
          kind: 'PersistentVolumeClaim',
          namespace: claim.metadata.namespace,
          name: claim.metadata.name,
          uid: claim.metadata.uid,
          apiVersion: 'v1',
          resourceVersion: claim.metadata.resourceVersion,
        },
      },
    };
    api.updateOwned(next);
  }
  for (const claim of decision.provision) {
    const current = api.get<PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      claim.metadata.namespace,
      claim.metadata.name,
    );
    if (!current || current.metadata.annotations?.[annSelectedNode] === nodeName) continue;
    api.updateOwned({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: { ...current.metadata.annotations, [annSelectedNode]: nodeName },
      },
    });
  }
}

// Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go checkBindings
/** 'bound' when every claim of the pod is bound, 'wait' while binding goes on, 'failed' when it cannot finish. */
export function checkBindings(api: ApiServer, pod: Stored<Pod>): 'bound' | 'wait' | 'failed' {
  let result: 'bound' | 'wait' = 'bound';
  for (const name of podClaimNames(pod)) {
    const claim = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return 'failed';
    if (!isClaimFullyBound(api, claim)) result = 'wait';
  }
  return result;
}
