// Models kubernetes/pkg/controller/replicaset/replica_set.go: keep `spec.replicas` active pods per ReplicaSet.
// Differences from upstream: the apiserver here is synchronous, so expectations are always satisfied and
// deletions run in ranked order rather than in parallel goroutines; orphan adoption (claimPods) is not modelled
// — pods are counted by ownerReference.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, namespacedKey, splitKey } from '../controller.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus, Stored } from '../../api/types.ts';
import { controllerRef, isPodActive, isPodAvailable, isPodReady } from '../../api/pod-util.ts';
import { OwnedPodIndex, type PodCounts } from './pod-counts.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import { slowStartInitialBatchSize, sortActivePodsWithRanks } from '../util/controller-utils.ts';

// Models kubernetes/pkg/controller/replicaset/replica_set.go BurstReplicas
export const burstReplicas = 500;

const source = { component: 'replicaset-controller' };

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
    let diff = activeCount - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      diff = Math.min(-diff, burstReplicas);
      slowStartBatch(diff, slowStartInitialBatchSize, () => this.createPod(rs));
    } else if (diff > 0) {
      diff = Math.min(diff, burstReplicas);
      const filteredPods = this.pods.activePods(rs);
      const toDelete = podsToDelete(
        filteredPods,
        () => this.relatedPodsOnNodes(rs),
        diff,
        this.ctx.clock.now(),
      );
      for (const pod of toDelete) {
        const [, err] = this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
        if (!err)
          this.ctx.recorder.event(
            rs,
            'Normal',
            'SuccessfulDelete',
            `Deleted pod: ${pod.metadata.name}`,
            source,
          );
      }
    }
  }

  // Models kubernetes/pkg/controller/controller_utils.go RealPodControl.CreatePodsWithControllerRef
  private createPod(rs: Stored<ReplicaSet>): boolean {
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
      this.ctx.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, source);
      return false;
    }
    this.ctx.recorder.event(
      rs,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${created.metadata.name}`,
      source,
    );
    return true;
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
    const [updated] = this.ctx.api.update({ ...rs, status }, { status: true });
    return updated ?? rs;
  }
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

// Models kubernetes/pkg/controller/replicaset/replica_set.go getPodsToDelete
export function getPodsToDelete<T extends Pod>(
  filteredPods: T[],
  relatedPods: Pod[],
  diff: number,
  now: number,
): T[] {
  return podsToDelete(filteredPods, () => activePodsOnNodes(relatedPods), diff, now);
}

/** getPodsToDelete with the related pods already counted per node (asked for only when a ranking is needed). */
function podsToDelete<T extends Pod>(
  filteredPods: T[],
  podsOnNodes: () => Map<string, number>,
  diff: number,
  now: number,
): T[] {
  let pods = filteredPods;
  if (diff < filteredPods.length) {
    // Models kubernetes/pkg/controller/replicaset/replica_set.go getPodsRankedByRelatedPodsOnSameNode
    const podsOnNode = podsOnNodes();
    const ranks = filteredPods.map((p) => podsOnNode.get(p.spec?.nodeName ?? '') ?? 0);
    pods = sortActivePodsWithRanks([...filteredPods], ranks, now);
  }
  return pods.slice(0, diff);
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
