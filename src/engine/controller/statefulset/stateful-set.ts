// Models kubernetes/pkg/controller/statefulset/stateful_set.go: the StatefulSet controller's watches, pod
// adoption and release, and the keyed sync on the shared work queue.
// Differences from upstream: the apiserver is synchronous, so there are no expectations and no cache to wait
// for; a sync that fails is not requeued with backoff (the next pod or set event syncs again); the requeue
// after minReadySeconds happens only while some Ready pod is not yet available (upstream requeues while any
// replica is unavailable, which only matters for pods that are Ready).
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, namespacedKey, splitKey } from '../controller.ts';
import type { ControllerRevision, Pod, StatefulSet, Stored } from '../../api/types.ts';
import { controllerRef, isPodReady } from '../../api/pod-util.ts';
import { labelSelectorAsSelector, selectorMatches, type Selector } from '../../apimachinery/labels.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import { History } from '../history/controller-history.ts';
import { StatefulPodControl } from './stateful-pod-control.ts';
import { StatefulSetControl } from './stateful-set-control.ts';
import { controllerKind, isMemberOf } from './stateful-set-utils.ts';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  readonly control: StatefulSetControl;

  constructor(private readonly ctx: ControllerContext) {
    this.control = new StatefulSetControl(
      ctx.api,
      ctx.clock,
      new StatefulPodControl(ctx.api, ctx.recorder),
      new History(ctx.api),
      ctx.trace,
    );
    ctx.api.watch<StatefulSet>('StatefulSet', (e) => ctx.queue.add(this, keyOf(e.object)));
    ctx.api.watch<Pod>('Pod', (e) => {
      if (e.type === 'ADDED') this.addPod(e.object);
      else if (e.type === 'MODIFIED') this.updatePod(e.old!, e.object);
      else this.deletePod(e.object);
    });
  }

  private enqueue(set: Stored<StatefulSet>): void {
    this.ctx.queue.add(this, keyOf(set));
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.addPod
  private addPod(pod: Stored<Pod>): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerRef(pod);
    if (ref) {
      const set = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (set) this.enqueue(set);
      return;
    }
    for (const set of this.getStatefulSetsForPod(pod)) this.enqueue(set);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.updatePod
  private updatePod(oldPod: Stored<Pod>, curPod: Stored<Pod>): void {
    const labelChanged = !deepEqual(curPod.metadata.labels, oldPod.metadata.labels);
    const curRef = controllerRef(curPod);
    const oldRef = controllerRef(oldPod);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const set = this.resolveControllerRef(oldPod.metadata.namespace, oldRef);
      if (set) this.enqueue(set);
    }
    if (curRef) {
      const set = this.resolveControllerRef(curPod.metadata.namespace, curRef);
      if (!set) return;
      this.enqueue(set);
      const minReady = set.spec?.minReadySeconds ?? 0;
      // Upstream adds a second "to avoid milliseconds skew in AddAfter".
      if (!isPodReady(oldPod) && isPodReady(curPod) && minReady > 0)
        this.ctx.queue.addAfter(this, keyOf(set), (minReady + 1) * 1000);
      return;
    }
    if (labelChanged || refChanged) for (const set of this.getStatefulSetsForPod(curPod)) this.enqueue(set);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.deletePod
  private deletePod(pod: Stored<Pod>): void {
    const ref = controllerRef(pod);
    if (!ref) return;
    const set = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (set) this.enqueue(set);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.getStatefulSetsForPod
  private getStatefulSetsForPod(pod: Pod): Stored<StatefulSet>[] {
    return this.ctx.api.list<StatefulSet>('StatefulSet', pod.metadata?.namespace).filter((set) => {
      const sel = labelSelectorAsSelector(set.spec?.selector);
      return sel !== null && sel.length > 0 && selectorMatches(sel, pod.metadata?.labels);
    });
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.resolveControllerRef
  private resolveControllerRef(
    namespace: string | undefined,
    ref: { kind: string; name: string; uid: string },
  ): Stored<StatefulSet> | undefined {
    if (ref.kind !== controllerKind.kind) return undefined;
    const set = this.ctx.api.get<StatefulSet>('StatefulSet', namespace, ref.name);
    return set?.metadata.uid === ref.uid ? set : undefined;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.sync
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const set = this.ctx.api.get<StatefulSet>('StatefulSet', ns, name);
    if (!set) return;
    const selector = labelSelectorAsSelector(set.spec?.selector);
    if (!selector) return;
    if (this.adoptOrphanRevisions(set)) return;
    const pods = this.getPodsForStatefulSet(set, selector);
    this.syncStatefulSet(set, pods);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.adoptOrphanRevisions
  /** Returns true when an adoption failed. */
  private adoptOrphanRevisions(set: Stored<StatefulSet>): boolean {
    const revisions = this.control.listRevisions(set);
    const orphans = revisions.filter(
      (r: Stored<ControllerRevision>) => !r.metadata.ownerReferences?.some((o) => o.controller === true),
    );
    if (orphans.length === 0) return false;
    return this.control.adoptOrphanRevisions(set, orphans) !== null;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.getPodsForStatefulSet
  /**
   * Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.ClaimPods with the
   * isMemberOf filter: releases owned pods that stopped matching, adopts matching orphans (name order).
   */
  private getPodsForStatefulSet(set: Stored<StatefulSet>, selector: Selector): Stored<Pod>[] {
    const uid = set.metadata.uid;
    const deleting = !!set.metadata.deletionTimestamp;
    const match = (p: Pod) => selectorMatches(selector, p.metadata?.labels) && isMemberOf(set, p);
    const claimed: Stored<Pod>[] = [];
    for (const pod of this.ctx.api.list<Pod>('Pod', set.metadata.namespace)) {
      const ref = controllerRef(pod);
      if (ref) {
        if (ref.uid !== uid) continue;
        if (match(pod)) {
          claimed.push(pod);
          continue;
        }
        if (deleting) continue;
        // Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.ReleasePod
        const copy = deepCopy(pod);
        copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
        this.ctx.api.update(copy);
        continue;
      }
      if (deleting || !match(pod) || pod.metadata.deletionTimestamp) continue;
      // Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.AdoptPod
      const copy = deepCopy(pod);
      copy.metadata.ownerReferences = [
        ...(copy.metadata.ownerReferences ?? []),
        { ...controllerKind, name: set.metadata.name, uid, controller: true, blockOwnerDeletion: true },
      ];
      const [adopted] = this.ctx.api.update(copy);
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set.go StatefulSetController.syncStatefulSet
  private syncStatefulSet(set: Stored<StatefulSet>, pods: Stored<Pod>[]): void {
    const [status] = this.control.updateStatefulSet(set, pods);
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (
      minReady > 0 &&
      status &&
      status.availableReplicas !== (set.spec?.replicas ?? 1) &&
      (status.readyReplicas ?? 0) > (status.availableReplicas ?? 0)
    ) {
      this.ctx.queue.addAfter(
        this,
        namespacedKey(set.metadata.namespace ?? 'default', set.metadata.name),
        minReady * 1000,
      );
    }
  }
}
