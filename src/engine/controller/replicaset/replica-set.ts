// Models kubernetes/pkg/controller/replicaset/replica_set.go: keep `spec.replicas` active pods per ReplicaSet.
// Differences from upstream: the apiserver here is synchronous, so expectations are always satisfied and
// deletions run in ranked order rather than in parallel goroutines; orphan adoption (claimPods) is not modelled
// — pods are counted by ownerReference.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, splitKey } from '../controller.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus, Stored } from '../../api/types.ts';
import {
  controllerRef,
  filterActivePods,
  isPodActive,
  isPodAvailable,
  isPodReady,
} from '../../api/pod-util.ts';
import { selectorMatches } from '../../apimachinery/labels.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import { slowStartInitialBatchSize, sortActivePodsWithRanks } from '../util/controller-utils.ts';

// Models kubernetes/pkg/controller/replicaset/replica_set.go BurstReplicas
export const burstReplicas = 500;

const source = { component: 'replicaset-controller' };

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<ReplicaSet>('ReplicaSet', (e) => ctx.queue.add(this, keyOf(e.object)));
    ctx.api.watch<Pod>('Pod', (e) => {
      // Models kubernetes/pkg/controller/replicaset/replica_set.go addPod / updatePod / deletePod
      const ref = controllerRef(e.object);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      const ns = e.object.metadata.namespace;
      if (oldRef && oldRef.kind === 'ReplicaSet' && oldRef.uid !== ref?.uid)
        ctx.queue.add(this, `${ns}/${oldRef.name}`);
      if (ref?.kind === 'ReplicaSet') {
        ctx.queue.add(this, `${ns}/${ref.name}`);
        const rs = ctx.api.get<ReplicaSet>('ReplicaSet', ns, ref.name);
        const minReady = rs?.spec?.minReadySeconds ?? 0;
        if (e.type === 'MODIFIED' && minReady > 0 && e.old && !isPodReady(e.old) && isPodReady(e.object)) {
          ctx.queue.addAfter(this, `${ns}/${ref.name}`, minReady * 1000);
        }
      }
    });
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go syncReplicaSet
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.ctx.api.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs) return;
    const owned = this.ctx.api
      .listOwnedBy<Pod>('Pod', rs.metadata.uid)
      .filter((p) => controllerRef(p)?.uid === rs.metadata.uid);
    const filteredPods = filterActivePods(owned);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(filteredPods, rs);
    // Models kubernetes/pkg/controller/controller_utils.go FilterTerminatingPods (DeploymentReplicaSetTerminatingReplicas, beta since 1.35)
    const terminating = owned.filter(
      (p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    ).length;
    const newStatus = { ...this.calculateStatus(rs, filteredPods), terminatingReplicas: terminating };
    const updated = this.updateReplicaSetStatus(rs, newStatus);
    const replicas = updated.spec?.replicas ?? 1;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (
      minReady > 0 &&
      updated.status?.readyReplicas === replicas &&
      updated.status?.availableReplicas !== replicas
    ) {
      this.ctx.queue.addAfter(this, key, minReady * 1000);
    }
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set.go manageReplicas
  private manageReplicas(filteredPods: Stored<Pod>[], rs: Stored<ReplicaSet>): void {
    let diff = filteredPods.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      diff = Math.min(-diff, burstReplicas);
      slowStartBatch(diff, slowStartInitialBatchSize, () => this.createPod(rs));
    } else if (diff > 0) {
      diff = Math.min(diff, burstReplicas);
      const relatedPods = this.getIndirectlyRelatedPods(rs);
      for (const pod of getPodsToDelete(filteredPods, relatedPods, diff, this.ctx.clock.now())) {
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
    const [created, err] = this.ctx.api.create(pod);
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
  private getIndirectlyRelatedPods(rs: Stored<ReplicaSet>): Stored<Pod>[] {
    const ref = controllerRef(rs);
    if (!ref) return this.ctx.api.listOwnedBy<Pod>('Pod', rs.metadata.uid);
    const siblings = this.ctx.api.listOwnedBy<ReplicaSet>('ReplicaSet', ref.uid);
    return siblings.flatMap((s) => this.ctx.api.listOwnedBy<Pod>('Pod', s.metadata.uid));
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go calculateStatus
  private calculateStatus(rs: Stored<ReplicaSet>, filteredPods: Stored<Pod>[]): ReplicaSetStatus {
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    const sel = Object.entries(templateLabels).map(([k, v]) => ({ key: k, op: '=' as const, values: [v] }));
    const now = this.ctx.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    for (const pod of filteredPods) {
      if (selectorMatches(sel, pod.metadata.labels)) fullyLabeled++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
    }
    return {
      ...(rs.status ?? {}),
      replicas: filteredPods.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: available,
    };
  }

  // Models kubernetes/pkg/controller/replicaset/replica_set_utils.go updateReplicaSetStatus
  private updateReplicaSetStatus(rs: Stored<ReplicaSet>, newStatus: ReplicaSetStatus): Stored<ReplicaSet> {
    const generation = rs.metadata.generation ?? 1;
    const status = { ...newStatus, observedGeneration: generation };
    if (deepEqual(rs.status ?? {}, status)) return rs;
    const next = deepCopy(rs);
    next.status = status;
    const [updated] = this.ctx.api.update(next, { status: true });
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
  let pods = filteredPods;
  if (diff < filteredPods.length) {
    // Models kubernetes/pkg/controller/replicaset/replica_set.go getPodsRankedByRelatedPodsOnSameNode
    const podsOnNode = new Map<string, number>();
    for (const p of relatedPods) {
      if (isPodActive(p)) {
        const n = p.spec?.nodeName ?? '';
        podsOnNode.set(n, (podsOnNode.get(n) ?? 0) + 1);
      }
    }
    const ranks = filteredPods.map((p) => podsOnNode.get(p.spec?.nodeName ?? '') ?? 0);
    pods = sortActivePodsWithRanks([...filteredPods], ranks, now);
  }
  return pods.slice(0, diff);
}
