// A frame: the compact, render-ready picture of the cluster that the app derives after each engine change.
// The view only ever sees frames; it never reads the engine.

export interface NodeFrame {
  uid: string;
  name: string;
  /** The STATUS column of `kubectl get nodes`: `Ready`, `NotReady`, `Ready,SchedulingDisabled`, `Unknown`. */
  status: string;
  ready: boolean;
  unschedulable: boolean;
  controlPlane: boolean;
  /** Taints as kubectl describe prints them: `key=value:Effect` or `key:Effect`. */
  taints: string[];
  /** Pods of other namespaces (kube-system…) on this node: counted, not drawn. */
  otherPods: number;
}

export interface PodFrame {
  uid: string;
  name: string;
  namespace: string;
  /** The node it is bound to, if any. */
  node: string | null;
  /** The STATUS column of `kubectl get pods`: `Running`, `ContainerCreating`, `Terminating`, `ErrImagePull`… */
  status: string;
  /** The READY column: `1/1`. */
  readyText: string;
  ready: boolean;
  restarts: number;
  phase: string;
  terminating: boolean;
  replicaSet: string | null;
  /** The owning ReplicaSet's revision (`deployment.kubernetes.io/revision`). */
  revision: number | null;
  /** Stable colour slot of the owning ReplicaSet within its Deployment (creation order), or of the owning
   * ReplicationController among the namespace's ReplicationControllers. */
  colorIndex: number | null;
  createdMs: number;
  /** The owning ReplicationController (core/v1), if any. Optional so hand-made frames need not set it. */
  replicationController?: string | null;
  /** Its owner's position among the namespace's ReplicationControllers by creation, from 1 (the `rc1` badge). */
  rcOrdinal?: number | null;
  /** The owning StatefulSet (apps/v1), if any; optional as replicationController. */
  statefulSet?: string | null;
  /** Its ordinal (`apps.kubernetes.io/pod-index`, else the name's suffix): `web-2` → 2. */
  stsOrdinal?: number | null;
  /** The revision number of its `controller-revision-hash` (the ControllerRevision's `revision`). */
  stsRevision?: number | null;
  /** True when its `controller-revision-hash` is the set's `status.updateRevision`. */
  stsUpdated?: boolean;
  /** The PersistentVolumeClaims its volumes name (`spec.volumes[].persistentVolumeClaim.claimName`). */
  claims?: ClaimFrame[];
}

/** A core/v1 PersistentVolumeClaim as the picture needs it. */
export interface ClaimFrame {
  name: string;
  /** `status.phase`: `Pending`, `Bound`, `Lost`; `Pending` when a claim names no longer exists. */
  phase: string;
  /** `spec.volumeName` (the PV `pvc-<uid>`), empty while unbound. */
  volume: string;
  /** The Pod of this namespace that uses it, if any (a scale-down keeps the claim and deletes the Pod). */
  pod: string | null;
}

/**
 * An apps/v1 StatefulSet: counts as a ReplicaSet card, its update progress (revisions are its
 * ControllerRevisions' numbers, as `kubectl rollout history sts` prints them) and the claims of its
 * volumeClaimTemplates, with or without a Pod.
 */
export interface StatefulSetFrame {
  uid: string;
  name: string;
  namespace: string;
  /** Colour slot: position among the namespace's StatefulSets by creation. */
  colorIndex: number;
  desired: number;
  /** status.replicas: Pods created (kubectl's old CURRENT column). */
  current: number;
  ready: number;
  updated: number;
  /** Revision numbers of status.currentRevision / status.updateRevision (null when unknown). */
  currentRevision: number | null;
  updateRevision: number | null;
  /** spec.updateStrategy: `RollingUpdate` or `OnDelete`, and the RollingUpdate partition (0 when unset). */
  strategy: string;
  partition: number;
  image: string;
  /** Claims named `<template>-<set>-<ordinal>`, by ordinal then name. */
  claims: ClaimFrame[];
  createdMs: number;
}

export interface ReplicaSetFrame {
  uid: string;
  name: string;
  namespace: string;
  deployment: string | null;
  revision: number | null;
  colorIndex: number;
  desired: number;
  current: number;
  ready: number;
  available: number;
  image: string;
  createdMs: number;
}

/**
 * A core/v1 ReplicationController: drawn like a ReplicaSet card, coloured and badged (`rc1`, `rc2`…) by its
 * position among the namespace's ReplicationControllers by creation (they carry no revision).
 */
export interface ReplicationControllerFrame {
  uid: string;
  name: string;
  namespace: string;
  /** Position among the namespace's ReplicationControllers by creation, from 1. */
  ordinal: number;
  /** `ordinal - 1`: the old and the new controller of a rolling-update never share a colour. */
  colorIndex: number;
  desired: number;
  current: number;
  ready: number;
  available: number;
  image: string;
  /** spec.selector as kubectl prints it (`name=api-pods,version=2`). */
  selector: string;
  createdMs: number;
}

export interface DeploymentFrame {
  uid: string;
  name: string;
  namespace: string;
  replicas: number;
  updated: number;
  ready: number;
  available: number;
  total: number;
  strategy: string;
  /** As written in the spec (`25%`, `1`); empty for Recreate. */
  maxSurge: string;
  maxUnavailable: string;
  /** Resolved against replicas as the controller does (surge rounds up, unavailable down). */
  maxSurgeCount: number;
  maxUnavailableCount: number;
  revision: number | null;
  image: string;
}

/** A policy/v1 PodDisruptionBudget: its spec as written and the status the disruption controller keeps. */
export interface PdbFrame {
  uid: string;
  name: string;
  namespace: string;
  /** Which spec field is set and its value as written (`3`, `50%`); null when neither is. */
  rule: { field: 'minAvailable' | 'maxUnavailable'; value: string } | null;
  /** The Deployment whose Pod template the selector matches (its workload row), if any. */
  deployment: string | null;
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

export interface Frame {
  nodes: NodeFrame[];
  pods: PodFrame[];
  replicaSets: ReplicaSetFrame[];
  deployments: DeploymentFrame[];
  /** Optional so hand-made frames (tests, the bench) need not list them. */
  pdbs?: PdbFrame[];
  /** Optional, as pdbs. */
  replicationControllers?: ReplicationControllerFrame[];
  /** Optional, as pdbs. */
  statefulSets?: StatefulSetFrame[];
  /** Every PersistentVolumeClaim of the namespace (the table lists them). Optional, as pdbs. */
  claims?: ClaimFrame[];
}

export const emptyFrame: Frame = { nodes: [], pods: [], replicaSets: [], deployments: [] };

/** What the learner clicked in the picture. */
export interface ViewSelection {
  kind:
    | 'Pod'
    | 'Node'
    | 'ReplicaSet'
    | 'ReplicationController'
    | 'StatefulSet'
    | 'Deployment'
    | 'PodDisruptionBudget';
  namespace?: string;
  name: string;
  uid: string;
}
