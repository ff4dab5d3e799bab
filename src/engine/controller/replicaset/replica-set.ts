// Models kubernetes/pkg/controller/replicaset/replica_set.go: keep `spec.replicas` active pods per ReplicaSet.
// Differences from upstream: the apiserver here is synchronous, so expectations are always satisfied and
// deletions run in ranked order rather than in parallel goroutines; orphan adoption (claimPods) is not modelled
// — pods are counted by ownerReference.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, namespacedKey, splitKey } from '../controller.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus, Stored } from '../../api/types.ts';
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

// Models kubernetes/pkg/controller/replicaset/replica_set.go BurstReplicas
export const burstReplicas = 500;

const source = { component: 'replicaset-controller' };

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
  readonly name = 'replicaset-controller';

  /** The pods of each ReplicaSet, kept from the Pod watch (see pod-counts.ts). */
  private readonly pods: OwnedPodIndex;

  constructor(private readonly ctx: ControllerContext) {
    this.pods = new OwnedPodIndex(ctx.api);
    ctx.api.watch<ReplicaSet>('ReplicaSet', (e) => {
      if (e.type === 'DELETED') this.pods.forget(e.object.metadata.uid);
      // The echo of this controller's own status write: upstream's updateRS enqueues it, and that sync finds
      // nothing to do (a sync depends on the spec and the pods, whose changes enqueue the key on their own).
      // Skipped, as it changes nothing.
      if (this.writingStatus && e.type === 'MODIFIED') return;
      ctx.queue.add(this, keyOf(e.object));
    });
    ctx.api.watch<Pod>('Pod', (e) => {
      this.pods.observe(e);
      // Models kubernetes/pkg/controller/replicaset/replica_set.go addPod / updatePod / deletePod
      const ref = controllerRef(e.object);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      const ns = e.object.metadata.namespace;
      if (oldRef && oldRef.kind === 'ReplicaSet' && oldRef.uid !== ref?.uid)
        ctx.queue.add(this, rsKey(ns, oldRef.name));
      if (ref?.kind === 'ReplicaSet') {
        ctx.queue.add(this, rsKey(ns, ref.name));
        const rs = ctx.api.get<ReplicaSet>('ReplicaSet', ns, ref.name);
        const minReady = rs?.spec?.minReadySeconds ?? 0;
        if (e.type === 'MODIFIED' && minReady > 0 && e.old && !isPodReady(e.old) && isPodReady(e.object)) {
          ctx.queue.addAfter(this, rsKey(ns, ref.name), minReady * 1000);
        }
      }
    });
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go syncReplicaSet
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.ctx.api.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs) return;
    // The status is calculated from the pods as they were before manageReplicas, as upstream does.
    const counts = this.pods.counts(rs);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const available = minReady === 0 ? counts.ready : this.countAvailable(rs, minReady);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(counts.active, rs);
    // Models kubernetes/pkg/controller/controller_utils.go FilterTerminatingPods (DeploymentReplicaSetTerminatingReplicas, beta since 1.35)
    const newStatus = {
      ...this.calculateStatus(rs, counts, available),
      terminatingReplicas: counts.terminating,
    };
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
  private countAvailable(rs: Stored<ReplicaSet>, minReady: number): number {
    const now = this.ctx.clock.now();
    let available = 0;
    for (const pod of this.pods.activePods(rs)) if (isPodAvailable(pod, minReady, now)) available++;
    return available;
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go manageReplicas
  private manageReplicas(activeCount: number, rs: Stored<ReplicaSet>): void {
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
          this.ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', message, source);
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
    rs: Stored<ReplicaSet>,
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
      object: { kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: rs.metadata.name },
      values,
      ...(event !== undefined ? { event } : {}),
    });
  }

  // Models kubernetes/pkg/controller/controller_utils.go RealPodControl.CreatePodsWithControllerRef
  /** Whether the pod was created, and the message of the event recorded. */
  private createPod(rs: Stored<ReplicaSet>): [boolean, string] {
    const t = rs.spec?.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(t?.metadata?.labels ?? {}) },
        ...(t?.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata.name,
            uid: rs.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: deepCopy(t?.spec ?? { containers: [] }),
    };
    const [created, err] = this.ctx.api.createOwned(pod);
    if (err) {
      const message = `Error creating: ${err.message}`;
      this.ctx.recorder.event(rs, 'Warning', 'FailedCreate', message, source);
      return [false, message];
    }
    const message = `Created pod: ${created.metadata.name}`;
    this.ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', message, source);
    return [true, message];
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go getIndirectlyRelatedPods
  /** Active related pods per node (what getPodsRankedByRelatedPodsOnSameNode counts), from the pod index. */
  private relatedPodsOnNodes(rs: Stored<ReplicaSet>): Map<string, number> {
    const ref = controllerRef(rs);
    const owners = ref
      ? this.ctx.api.listOwnedBy<ReplicaSet>('ReplicaSet', ref.uid).map((s) => s.metadata.uid)
      : [rs.metadata.uid];
    const podsOnNode = new Map<string, number>();
    for (const uid of owners)
      for (const [n, v] of this.pods.activeOnNodes(uid)) podsOnNode.set(n, (podsOnNode.get(n) ?? 0) + v);
    return podsOnNode;
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go calculateStatus
  /** From the kept pod counts (see pod-counts.ts) rather than a pass over the pods. */
  private calculateStatus(rs: Stored<ReplicaSet>, counts: PodCounts, available: number): ReplicaSetStatus {
    return {
      ...(rs.status ?? {}),
      replicas: counts.active,
      fullyLabeledReplicas: counts.fullyLabeled,
      readyReplicas: counts.ready,
      availableReplicas: available,
    };
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go updateReplicaSetStatus
  private updateReplicaSetStatus(rs: Stored<ReplicaSet>, newStatus: ReplicaSetStatus): Stored<ReplicaSet> {
    const generation = rs.metadata.generation ?? 1;
    const status = { ...newStatus, observedGeneration: generation };
    if (deepEqual(rs.status ?? {}, status)) return rs;
    // The status subresource takes only .status (and the annotations, unchanged here): no copy of the rest.
    this.writingStatus = true;
    try {
      const [updated] = this.ctx.api.update({ ...rs, status }, { status: true });
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
