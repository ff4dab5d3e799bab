// Models kubernetes/pkg/controller/replicaset/replica_set.go: keep `spec.replicas` active pods per ReplicaSet.
// One implementation serves ReplicaSets and (with other options, see ../replication/) ReplicationControllers.
// Differences from upstream: the apiserver here is synchronous, so expectations are always satisfied and
// deletions run in ranked order rather than in parallel goroutines; pods are counted by ownerReference, and
// orphan adoption and release (claimPods) run only where the options ask for them (ReplicationControllers).
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, namespacedKey, splitKey } from '../controller.ts';
import type { WatchEvent } from '../../apiserver/apiserver.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus, ReplicationController, Stored } from '../../api/types.ts';
import {
  controllerRef,
  getPodReadyCondition,
  isPodActive,
  isPodAvailable,
  isPodReady,
} from '../../api/pod-util.ts';
import { OwnedPodIndex, type PodCounts } from './pod-counts.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import { slowStartInitialBatchSize, sortActivePodsWithRanks } from '../util/controller-utils.ts';
import { parseTime } from '../../apimachinery/time.ts';
import { labelSelectorAsSelector, selectorMatches, type Selector } from '../../apimachinery/labels.ts';
import { claimPods } from './controller-ref-manager.ts';

// Models kubernetes/pkg/controller/replicaset/replica_set.go BurstReplicas
export const burstReplicas = 500;

/** A ReplicaSet, or a ReplicationController handled by the same code (pkg/controller/replication/conversion.go). */
export type ReplicaSetLike = ReplicaSet | ReplicationController;

// Models kubernetes/pkg/controller/replicaset/replica_set.go NewBaseController
/** What tells the instances of this controller apart (NewBaseController's parameters). */
export interface BaseControllerOptions {
  /** The GroupVersionKind this instance manages (and writes into the ownerReferences of its pods). */
  apiVersion: string;
  kind: 'ReplicaSet' | 'ReplicationController';
  /** The controller's (work queue's) name. */
  name: string;
  /** The source component of the events it records. */
  component: string;
  /** The object's pod selector as a labels.Selector (null selects nothing). */
  selector(o: Stored<ReplicaSetLike>): Selector | null;
  /** Whether a sync claims pods by selector first (adopts matching orphans, releases pods that stopped matching). */
  claimPods: boolean;
  /** Whether the status carries terminatingReplicas (apps/v1 ReplicaSetStatus has it, core/v1 RC status not). */
  terminatingReplicas: boolean;
}

// Models kubernetes/pkg/controller/replicaset/replica_set.go NewReplicaSetController
export const replicaSetOptions: BaseControllerOptions = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: 'replicaset-controller',
  component: 'replicaset-controller',
  selector: (rs) => labelSelectorAsSelector((rs as Stored<ReplicaSet>).spec?.selector),
  claimPods: false,
  terminatingReplicas: true,
};

/** The "why" records this controller writes and the value names each carries. */
export const replicaSetTraceRules = {
  'replicaset.createPods': ['replicas', 'activePods', 'diff', 'burstReplicas', 'batches', 'created'],
  'replicaset.deletePods': [
    'replicas',
    'activePods',
    'diff',
    'firstPod',
    'firstReason',
    'comparedWith',
    'firstRank',
    'comparedRank',
  ],
} as const satisfies Record<string, readonly string[]>;

type ReplicaSetTraceRule = keyof typeof replicaSetTraceRules;

/** The queue key of a pod's ReplicaSet: `namespace/name`. */
const rsKey = (ns: string | undefined, name: string) =>
  ns !== undefined ? namespacedKey(ns, name) : `${ns}/${name}`;

export class ReplicaSetController implements Controller {
  readonly name: string;
  private readonly kind: BaseControllerOptions['kind'];
  private readonly source: { component: string };

  /** The pods of each ReplicaSet, kept from the Pod watch (see pod-counts.ts). */
  private readonly pods: OwnedPodIndex;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: BaseControllerOptions = replicaSetOptions,
  ) {
    this.name = opts.name;
    this.kind = opts.kind;
    this.source = { component: opts.component };
    this.pods = new OwnedPodIndex(ctx.api);
    ctx.api.watch<ReplicaSetLike>(this.kind, (e) => {
      if (e.type === 'DELETED') this.pods.forget(e.object.metadata.uid);
      // The echo of this controller's own status write: upstream's updateRS enqueues it, and that sync finds
      // nothing to do (a sync depends on the spec and the pods, whose changes enqueue the key on their own).
      // Skipped, as it changes nothing.
      if (this.writingStatus && e.type === 'MODIFIED') return;
      ctx.queue.add(this, keyOf(e.object));
    });
    // The ReplicaSet instance indexes every pod (its related-pods ranking counts any owner); another kind's
    // instance only needs the pods it controls or controlled.
    const indexAll = opts.kind === 'ReplicaSet';
    ctx.api.watch<Pod>('Pod', (e) => {
      // Models kubernetes/pkg/controller/replicaset/replica_set.go addPod / updatePod / deletePod
      const ref = controllerRef(e.object);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      if (indexAll || ref?.kind === this.kind || oldRef?.kind === this.kind) this.pods.observe(e);
      const ns = e.object.metadata.namespace;
      if (oldRef && oldRef.kind === this.kind && oldRef.uid !== ref?.uid)
        ctx.queue.add(this, rsKey(ns, oldRef.name));
      if (ref?.kind === this.kind) {
        ctx.queue.add(this, rsKey(ns, ref.name));
        const rs = ctx.api.get<ReplicaSetLike>(this.kind, ns, ref.name);
        const minReady = rs?.spec?.minReadySeconds ?? 0;
        if (e.type === 'MODIFIED' && minReady > 0 && e.old && !isPodReady(e.old) && isPodReady(e.object)) {
          ctx.queue.addAfter(this, rsKey(ns, ref.name), minReady * 1000);
        }
      } else if (!ref && opts.claimPods) this.enqueueClaimers(e, oldRef !== undefined);
    });
  }

  /**
   * An orphan pod was created, or its labels or controller changed: sync the objects whose selector matches
   * it, to see if one wants to adopt it (upstream addPod / updatePod for orphans).
   */
  private enqueueClaimers(e: WatchEvent<Pod>, controllerRefChanged: boolean): void {
    const pod = e.object;
    if (e.type === 'DELETED' || pod.metadata.deletionTimestamp) return;
    if (
      e.type === 'MODIFIED' &&
      !controllerRefChanged &&
      deepEqual(e.old?.metadata.labels, pod.metadata.labels)
    )
      return;
    // Models kubernetes/pkg/controller/replicaset/replica_set.go getPodReplicaSets
    for (const rs of this.ctx.api.list<ReplicaSetLike>(this.kind, pod.metadata.namespace)) {
      const sel = this.opts.selector(rs);
      if (sel && sel.length > 0 && selectorMatches(sel, pod.metadata.labels))
        this.ctx.queue.add(this, keyOf(rs));
    }
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go syncReplicaSet
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.ctx.api.get<ReplicaSetLike>(this.kind, ns, name);
    if (!rs) return;
    // Models kubernetes/pkg/controller/replicaset/replica_set.go claimPods
    if (this.opts.claimPods) claimPods(this.ctx.api, rs, this.opts.selector(rs), this.controllerRefOf(rs));
    // The status is calculated from the pods as they were before manageReplicas, as upstream does.
    const counts = this.pods.counts(rs);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const available = minReady === 0 ? counts.ready : this.countAvailable(rs, minReady);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(counts.active, rs);
    // Models kubernetes/pkg/controller/controller_utils.go FilterTerminatingPods (DeploymentReplicaSetTerminatingReplicas, beta since 1.35)
    const newStatus = this.opts.terminatingReplicas
      ? { ...this.calculateStatus(rs, counts, available), terminatingReplicas: counts.terminating }
      : this.calculateStatus(rs, counts, available);
    const updated = this.updateReplicaSetStatus(rs, newStatus);
    const replicas = updated.spec?.replicas ?? 1;
    const minReadyNow = updated.spec?.minReadySeconds ?? 0;
    if (
      minReadyNow > 0 &&
      updated.status?.readyReplicas === replicas &&
      updated.status?.availableReplicas !== replicas
    ) {
      this.ctx.queue.addAfter(this, key, minReadyNow * 1000);
    }
  }

  /** Available pods when minReadySeconds > 0 (then availability depends on the time, so it is counted). */
  private countAvailable(rs: Stored<ReplicaSetLike>, minReady: number): number {
    const now = this.ctx.clock.now();
    let available = 0;
    for (const pod of this.pods.activePods(rs)) if (isPodAvailable(pod, minReady, now)) available++;
    return available;
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go manageReplicas
  private manageReplicas(activeCount: number, rs: Stored<ReplicaSetLike>): void {
    const replicas = rs.spec?.replicas ?? 1;
    let diff = activeCount - replicas;
    if (diff < 0) {
      diff = Math.min(-diff, burstReplicas);
      let firstEvent: string | undefined;
      const created = slowStartBatch(diff, slowStartInitialBatchSize, () => {
        const [ok, message] = this.createPod(rs);
        firstEvent ??= message;
        return ok;
      });
      this.traceDecision(rs, 'replicaset.createPods', 'replica_set.go manageReplicas', firstEvent, {
        replicas,
        activePods: activeCount,
        diff,
        burstReplicas,
        batches: slowStartBatchSizes(diff, slowStartInitialBatchSize).join(', '),
        created,
      });
    } else if (diff > 0) {
      diff = Math.min(diff, burstReplicas);
      const filteredPods = this.pods.activePods(rs);
      let onNodes: Map<string, number> | undefined;
      const ranked = rankedForDeletion(
        filteredPods,
        () => (onNodes = this.relatedPodsOnNodes(rs)),
        diff,
        this.ctx.clock.now(),
      );
      const toDelete = ranked.slice(0, diff);
      let firstEvent: string | undefined;
      for (const pod of toDelete) {
        const [, err] = this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
        if (!err) {
          const message = `Deleted pod: ${pod.metadata.name}`;
          firstEvent ??= message;
          this.ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', message, this.source);
        }
      }
      this.traceDecision(rs, 'replicaset.deletePods', 'replica_set.go getPodsToDelete', firstEvent, {
        replicas,
        activePods: activeCount,
        diff,
        ...whyFirst(ranked, onNodes, this.ctx.clock.now()),
      });
    }
  }

  /** Records a decision for the "why" view (see replicaSetTraceRules). */
  private traceDecision(
    rs: Stored<ReplicaSetLike>,
    rule: ReplicaSetTraceRule,
    upstream: string,
    event: string | undefined,
    values: Record<string, number | string | boolean>,
  ): void {
    this.ctx.trace.record({
      time: this.ctx.clock.now(),
      controller: this.name,
      upstream: `pkg/controller/replicaset/${upstream}`,
      rule,
      object: { kind: this.kind, namespace: rs.metadata.namespace, name: rs.metadata.name },
      values,
      ...(event !== undefined ? { event } : {}),
    });
  }

  // Models kubernetes/pkg/controller/controller_utils.go RealPodControl.CreatePodsWithControllerRef
  /** Whether the pod was created, and the message of the event recorded. */
  private createPod(rs: Stored<ReplicaSetLike>): [boolean, string] {
    const t = rs.spec?.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(t?.metadata?.labels ?? {}) },
        ...(t?.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ownerReferences: [this.controllerRefOf(rs)],
      },
      spec: deepCopy(t?.spec ?? { containers: [] }),
    };
    const [created, err] = this.ctx.api.createOwned(pod);
    if (err) {
      const message = `Error creating: ${err.message}`;
      this.ctx.recorder.event(rs, 'Warning', 'FailedCreate', message, this.source);
      return [false, message];
    }
    const message = `Created pod: ${created.metadata.name}`;
    this.ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', message, this.source);
    return [true, message];
  }

  // Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go NewControllerRef
  private controllerRefOf(rs: Stored<ReplicaSetLike>) {
    return {
      apiVersion: this.opts.apiVersion,
      kind: this.kind,
      name: rs.metadata.name,
      uid: rs.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go getIndirectlyRelatedPods
  /** Active related pods per node (what getPodsRankedByRelatedPodsOnSameNode counts), from the pod index. */
  private relatedPodsOnNodes(rs: Stored<ReplicaSetLike>): Map<string, number> {
    const ref = controllerRef(rs);
    const owners = ref
      ? this.ctx.api.listOwnedBy<ReplicaSetLike>(this.kind, ref.uid).map((s) => s.metadata.uid)
      : [rs.metadata.uid];
    const podsOnNode = new Map<string, number>();
    for (const uid of owners)
      for (const [n, v] of this.pods.activeOnNodes(uid)) podsOnNode.set(n, (podsOnNode.get(n) ?? 0) + v);
    return podsOnNode;
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go calculateStatus
  /** From the kept pod counts (see pod-counts.ts) rather than a pass over the pods. */
  private calculateStatus(
    rs: Stored<ReplicaSetLike>,
    counts: PodCounts,
    available: number,
  ): ReplicaSetStatus {
    return {
      ...(rs.status ?? {}),
      replicas: counts.active,
      fullyLabeledReplicas: counts.fullyLabeled,
      readyReplicas: counts.ready,
      availableReplicas: available,
    };
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go updateReplicaSetStatus
  private updateReplicaSetStatus(
    rs: Stored<ReplicaSetLike>,
    newStatus: ReplicaSetStatus,
  ): Stored<ReplicaSetLike> {
    const generation = rs.metadata.generation ?? 1;
    const status = { ...newStatus, observedGeneration: generation };
    if (deepEqual(rs.status ?? {}, status)) return rs;
    // The status subresource takes only .status (and the annotations, unchanged here): no copy of the rest.
    this.writingStatus = true;
    try {
      const [updated] = this.ctx.api.update<ReplicaSetLike>({ ...rs, status }, { status: true });
      return updated ?? rs;
    } finally {
      this.writingStatus = false;
    }
  }

  /** True while this controller writes a ReplicaSet's status (see the ReplicaSet watch). */
  private writingStatus = false;
}

// Models kubernetes/pkg/controller/replicaset/replica_set.go slowStartBatch
/** Calls fn `count` times in batches of 1, 2, 4, … ; stops after a batch with a failure. Returns successes. */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => boolean): number {
  let remaining = count;
  let successes = 0;
  for (
    let batchSize = Math.min(remaining, initialBatchSize);
    batchSize > 0;
    batchSize = Math.min(2 * batchSize, remaining)
  ) {
    let failed = false;
    for (let i = 0; i < batchSize; i++) {
      if (fn()) successes++;
      else failed = true;
    }
    if (failed) return successes;
    remaining -= batchSize;
  }
  return successes;
}

/** The batch sizes slowStartBatch uses for `count` calls without failures: 1, 2, 4, …, the rest. */
function slowStartBatchSizes(count: number, initialBatchSize: number): number[] {
  const sizes: number[] = [];
  let remaining = count;
  for (let b = Math.min(remaining, initialBatchSize); b > 0; b = Math.min(2 * b, remaining)) {
    sizes.push(b);
    remaining -= b;
  }
  return sizes;
}

// Models kubernetes/pkg/controller/replicaset/replica_set.go getPodsToDelete
export function getPodsToDelete<T extends Pod>(
  filteredPods: T[],
  relatedPods: Pod[],
  diff: number,
  now: number,
): T[] {
  return rankedForDeletion(filteredPods, () => activePodsOnNodes(relatedPods), diff, now).slice(0, diff);
}

/**
 * getPodsToDelete before its final slice: the pods in the order they would be deleted (ranked only when not
 * all of them go), with the related pods counted per node (asked for only when a ranking is needed).
 */
function rankedForDeletion<T extends Pod>(
  filteredPods: T[],
  podsOnNodes: () => Map<string, number>,
  diff: number,
  now: number,
): T[] {
  if (diff >= filteredPods.length) return filteredPods;
  // Models kubernetes/pkg/controller/replicaset/replica_set.go getPodsRankedByRelatedPodsOnSameNode
  const podsOnNode = podsOnNodes();
  const ranks = filteredPods.map((p) => podsOnNode.get(p.spec?.nodeName ?? '') ?? 0);
  return sortActivePodsWithRanks([...filteredPods], ranks, now);
}

function activePodsOnNodes(relatedPods: Pod[]): Map<string, number> {
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (isPodActive(p)) {
      const n = p.spec?.nodeName ?? '';
      podsOnNode.set(n, (podsOnNode.get(n) ?? 0) + 1);
    }
  }
  return podsOnNode;
}

/**
 * For the "why" view: the pod deleted first, the pod ranked next (among the others), and the first comparison
 * of ActivePodsWithRanks.Less (controller-utils.ts) that put it ahead. `ranked` is in deletion order (a
 * stable sort, so its second pod is the first of the others that no other pod ranks before); `onNodes` is
 * unset when every pod goes (no ranking).
 */
function whyFirst(
  ranked: Pod[],
  onNodes: Map<string, number> | undefined,
  now: number,
): Record<string, string | number> {
  const rank = (p: Pod) => onNodes?.get(p.spec?.nodeName ?? '') ?? 0;
  const first = ranked[0];
  const next = onNodes && first ? ranked[1] : undefined;
  return {
    firstPod: first?.metadata?.name ?? '',
    firstReason: !first || !next ? 'all' : lessReason(first, rank(first), next, rank(next), now),
    comparedWith: next?.metadata?.name ?? '',
    firstRank: first ? rank(first) : 0,
    comparedRank: next ? rank(next) : 0,
  };
}

/** Which step of ActivePodsWithRanks.Less decides between two pods (`tie` when none does). */
function lessReason(pi: Pod, ri: number, pj: Pod, rj: number, now: number): string {
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return 'unscheduled';
  const phase = (p: Pod) => ({ Pending: 0, Unknown: 1, Running: 2 })[p.status?.phase ?? ''] ?? 0;
  if (phase(pi) !== phase(pj)) return 'pending';
  if (isPodReady(pi) !== isPodReady(pj)) return 'notReady';
  const cost = (p: Pod) => {
    const n = Number(p.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
    return Number.isInteger(n) ? n : 0;
  };
  if (cost(pi) !== cost(pj)) return 'deletionCost';
  if (ri !== rj) return 'doubledUp';
  const logRank = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  const byTime = (t1: number, t2: number, reason: string) =>
    now === 0 || t1 === 0 || t2 === 0 || logRank(t1) !== logRank(t2) ? reason : 'uid';
  if (isPodReady(pi) && isPodReady(pj)) {
    const t1 = parseTime(getPodReadyCondition(pi)?.lastTransitionTime);
    const t2 = parseTime(getPodReadyCondition(pj)?.lastTransitionTime);
    if (t1 !== t2) return byTime(t1, t2, 'newerReady');
  }
  const restarts = (p: Pod) =>
    Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  if (restarts(pi) !== restarts(pj)) return 'restarts';
  const c1 = parseTime(pi.metadata?.creationTimestamp);
  const c2 = parseTime(pj.metadata?.creationTimestamp);
  if (c1 !== c2) return byTime(c1, c2, 'newer');
  return 'tie';
}
