// Port of pkg/controller/deployment/deployment_controller.go: watches Deployments, ReplicaSets and Pods and
// reconciles one Deployment per sync. The sync steps live in sync.ts, rolling.ts, recreate.ts, progress.ts.
import type {
  Deployment,
  DeploymentStatus,
  KubeObject,
  OwnerReference,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  Stored,
} from '../../api/types.ts';
import type { ApiError } from '../../apiserver/errors.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../apimachinery/labels.ts';
import type { TraceRecord } from '../../trace/trace.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import { splitKey, keyOf, type Controller, type ControllerContext } from '../controller.ts';
import { rolloutRecreate } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync.ts';
import type { DeploymentTraceRule } from './trace-rules.ts';
import { claimReplicaSets } from './util/controller-ref-manager.ts';
import { getControllerOf } from './util/controller-utils.ts';
import {
  dReplicas,
  equalIgnoreHash,
  getDeploymentCondition,
  getDeploymentsForReplicaSet,
  maxUnavailable,
} from './util/deployment-util.ts';

export type SyncError = Error | ApiError | null;

/** Why a decision was taken: the rule key, the upstream function and the numbers that decided it. */
export interface Why {
  rule: DeploymentTraceRule;
  upstream: string;
  values: TraceRecord['values'];
}

// Models kubernetes/pkg/controller/deployment/deployment_controller.go maxRetries
const maxRetries = 15;

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  /** Requeues per key since the last successful sync (workqueue NumRequeues). */
  private readonly requeues = new Map<string, number>();
  /** The waits recorded per Deployment since its last action, so an unchanged wait is recorded once. */
  private readonly lastWait = new Map<string, Map<string, string>>();
  /** Virtual time at which each delayed key is re-added. */
  private readonly waiting = new Map<string, number>();

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go NewDeploymentController
  constructor(readonly ctx: ControllerContext) {
    ctx.api.watch<Deployment>('Deployment', (e) => {
      if (e.type === 'DELETED') this.lastWait.delete(keyOf(e.object));
      // The echo of this controller's own status write: upstream's updateDeployment enqueues it, and that
      // sync finds nothing to do (a sync depends on the spec, the ReplicaSets and the pods, not on the status
      // it wrote; any other change enqueues the key on its own). Skipped, as it changes nothing.
      if (this.writingStatus && e.type === 'MODIFIED') return;
      this.enqueue(e.object);
    });
    ctx.api.watch<ReplicaSet>('ReplicaSet', (e) => {
      if (e.type === 'ADDED') this.addReplicaSet(e.object);
      else if (e.type === 'MODIFIED') this.updateReplicaSet(e.old ?? e.object, e.object);
      else this.deleteReplicaSet(e.object);
    });
    ctx.api.watch<Pod>('Pod', (e) => {
      if (e.type === 'DELETED') this.deletePod(e.object);
    });
  }

  sync(key: string): void {
    this.handleErr(this.syncDeployment(key), key);
  }

  /** equalIgnoreHash results of the sync in progress (no template changes during a sync). */
  private templateMemo: WeakMap<object, WeakMap<object, boolean>> | undefined;

  /** equalIgnoreHash, remembered for the rest of the sync in progress (each sync asks the same a few times). */
  readonly equalIgnoreHash = (a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean => {
    const memo = this.templateMemo;
    if (!memo || !a || !b) return equalIgnoreHash(a, b);
    let byB = memo.get(a);
    if (!byB) memo.set(a, (byB = new WeakMap()));
    let eq = byB.get(b);
    if (eq === undefined) byB.set(b, (eq = equalIgnoreHash(a, b)));
    return eq;
  };

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go addReplicaSet
  private addReplicaSet(rs: Stored<ReplicaSet>): void {
    if (rs.metadata.deletionTimestamp) {
      this.deleteReplicaSet(rs);
      return;
    }
    const ref = getControllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.getDeploymentsForReplicaSet(rs)) this.enqueue(d);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go getDeploymentsForReplicaSet
  private getDeploymentsForReplicaSet(rs: Stored<ReplicaSet>): Stored<Deployment>[] {
    return getDeploymentsForReplicaSet(
      this.ctx.api.list<Deployment>('Deployment', rs.metadata.namespace),
      rs,
    ) as Stored<Deployment>[];
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go updateReplicaSet
  private updateReplicaSet(oldRS: Stored<ReplicaSet>, curRS: Stored<ReplicaSet>): void {
    if (curRS.metadata.resourceVersion === oldRS.metadata.resourceVersion) return;
    const curRef = getControllerOf(curRS);
    const oldRef = getControllerOf(oldRS);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(oldRS.metadata.namespace, oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(curRS.metadata.namespace, curRef);
      if (d) this.enqueue(d);
      return;
    }
    if (refChanged || !deepEqual(curRS.metadata.labels, oldRS.metadata.labels)) {
      for (const d of this.getDeploymentsForReplicaSet(curRS)) this.enqueue(d);
    }
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go deleteReplicaSet
  private deleteReplicaSet(rs: Stored<ReplicaSet>): void {
    const ref = getControllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata.namespace, ref);
    if (d) this.enqueue(d);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go deletePod
  private deletePod(pod: Stored<Pod>): void {
    const d = this.getDeploymentForPod(pod);
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const sel = labelSelectorAsSelector(d.spec.selector);
    if (!sel) return;
    // Models kubernetes/pkg/controller/deployment/util/deployment_util.go ListReplicaSets
    const rsList = this.ctx.api
      .list<ReplicaSet>('ReplicaSet', d.metadata.namespace, sel)
      .filter((rs) => getControllerOf(rs)?.uid === d.metadata.uid);
    let numPods = 0;
    for (const pods of this.getPodMapForDeployment(d, rsList).values()) numPods += pods.length;
    if (numPods === 0) this.enqueue(d);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go getDeploymentForPod
  private getDeploymentForPod(pod: Stored<Pod>): Stored<Deployment> | undefined {
    const ref = getControllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.api.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const rsRef = getControllerOf(rs);
    return rsRef ? this.resolveControllerRef(rs.metadata.namespace, rsRef) : undefined;
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go resolveControllerRef
  private resolveControllerRef(
    namespace: string | undefined,
    ref: OwnerReference,
  ): Stored<Deployment> | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.ctx.api.get<Deployment>('Deployment', namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go enqueue
  enqueue(d: KubeObject): void {
    this.ctx.queue.add(this, keyOf(d));
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go enqueueAfter
  /** Like the delaying workqueue: one pending re-add per key, moved earlier (never later) by a new request. */
  enqueueAfter(d: KubeObject, ms: number): void {
    const key = keyOf(d);
    const at = this.now() + Math.max(0, ms);
    const pending = this.waiting.get(key);
    if (pending !== undefined && pending <= at) return;
    this.waiting.set(key, at);
    this.ctx.clock.setTimeout(() => {
      if (this.waiting.get(key) !== at) return;
      this.waiting.delete(key);
      this.ctx.queue.add(this, key);
    }, ms);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go enqueueRateLimited
  /** client-go's default per-item limiter: 5 ms doubling; a successful sync resets it (Forget). */
  enqueueRateLimited(d: KubeObject): void {
    const key = keyOf(d);
    const n = this.requeues.get(key) ?? 0;
    this.requeues.set(key, n + 1);
    this.enqueueAfter(d, Math.min(5 * 2 ** n, 1000 * 1000));
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go handleErr
  private handleErr(err: SyncError, key: string): void {
    if (!err) {
      this.requeues.delete(key);
      return;
    }
    if ((this.requeues.get(key) ?? 0) < maxRetries) {
      const [namespace, name] = splitKey(key);
      this.enqueueRateLimited({ metadata: { namespace, name } });
      return;
    }
    this.requeues.delete(key);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go getReplicaSetsForDeployment
  private getReplicaSetsForDeployment(d: Stored<Deployment>): [Stored<ReplicaSet>[], SyncError] {
    const rsList = this.ctx.api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace);
    const sel = labelSelectorAsSelector(d.spec?.selector);
    if (!sel)
      return [
        [],
        new Error(`deployment ${d.metadata.namespace ?? ''}/${d.metadata.name} has invalid label selector`),
      ];
    return claimReplicaSets(this.ctx.api, d, sel, rsList);
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go getPodMapForDeployment
  /** Pods by the uid of the ReplicaSet controlling them (read through the owner index, then the selector). */
  getPodMapForDeployment(d: Deployment, rsList: readonly ReplicaSet[]): Map<string, Stored<Pod>[]> {
    const sel = labelSelectorAsSelector(d.spec?.selector) ?? [];
    const podMap = new Map<string, Stored<Pod>[]>();
    for (const rs of rsList) {
      const uid = rs.metadata?.uid ?? '';
      const pods = this.ctx.api
        .listOwnedBy<Pod>('Pod', uid)
        .filter(
          (p) =>
            getControllerOf(p)?.uid === uid &&
            p.metadata.namespace === d.metadata?.namespace &&
            selectorMatches(sel, p.metadata.labels),
        );
      podMap.set(uid, pods);
    }
    return podMap;
  }

  // Models kubernetes/pkg/controller/deployment/deployment_controller.go syncDeployment
  syncDeployment(key: string): SyncError {
    this.templateMemo = new WeakMap();
    try {
      return this.syncDeploymentOnce(key);
    } finally {
      this.templateMemo = undefined;
    }
  }

  private syncDeploymentOnce(key: string): SyncError {
    const [namespace, name] = splitKey(key);
    const deployment = this.ctx.api.get<Deployment>('Deployment', namespace, name);
    if (!deployment) return null;
    // A sync changes only .metadata and .status of its copy; .spec stays shared with the stored object.
    const d: Stored<Deployment> = { ...deployment, metadata: deepCopy(deployment.metadata) };
    if ('status' in deployment) d.status = deepCopy(deployment.status);

    if (deepEqual(d.spec?.selector, {})) {
      this.ctx.recorder.event(
        d,
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
        { component: this.name },
      );
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        (d.status ??= {}).observedGeneration = d.metadata.generation;
        this.writeStatus(d);
      }
      return null;
    }

    const [rsList, err] = this.getReplicaSetsForDeployment(d);
    if (err) return err;

    if (d.metadata.deletionTimestamp) return syncStatusOnly(this, d, rsList);

    const pausedErr = checkPausedConditions(this, d);
    if (pausedErr) return pausedErr;
    if (d.spec?.paused) {
      this.traceWait(d, {
        rule: 'deployment.paused',
        upstream: 'pkg/controller/deployment/deployment_controller.go syncDeployment',
        values: {},
      });
      return sync(this, d, rsList);
    }

    // The deprecated rollback annotation (extensions/v1beta1 rollback subresource) is not modelled:
    // apps/v1 `kubectl rollout undo` patches the template client-side.

    const [scalingEvent, scaleErr] = isScalingEvent(this, d, rsList);
    if (scaleErr) return scaleErr;
    if (scalingEvent) return sync(this, d, rsList);

    switch (d.spec?.strategy?.type) {
      case 'Recreate':
        return rolloutRecreate(this, d, rsList, () => this.getPodMapForDeployment(d, rsList));
      case 'RollingUpdate':
        return rolloutRolling(this, d, rsList);
    }
    return new Error(`unexpected deployment strategy type: ${d.spec?.strategy?.type ?? ''}`);
  }

  /**
   * Writes status like UpdateStatus. Upstream's status strategy also keeps metadata.annotations changes
   * (that is how the revision annotation reaches the Deployment); our status subresource keeps only
   * .status, so a changed annotation set is written through the main resource afterwards.
   */
  updateDeploymentStatus(d: Stored<Deployment>): SyncError {
    const [res, err] = this.writeStatus(d);
    if (err) return err;
    if (!deepEqual(res.metadata.annotations, d.metadata.annotations)) {
      const next = deepCopy(res);
      next.metadata.annotations = deepCopy(d.metadata.annotations);
      const [, aerr] = this.ctx.api.update(next);
      if (aerr) return aerr;
    }
    return null;
  }

  /** True while this controller writes a Deployment's status (see the Deployment watch). */
  private writingStatus = false;

  private writeStatus(d: Stored<Deployment>): ReturnType<ControllerContext['api']['update']> {
    this.writingStatus = true;
    try {
      return this.ctx.api.update(d, { status: true });
    } finally {
      this.writingStatus = false;
    }
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** Records a decision for the "why" view. */
  trace(d: Deployment, why: Why, event?: string): void {
    this.lastWait.delete(keyOf(d));
    this.ctx.trace.record({
      time: this.now(),
      controller: this.name,
      upstream: why.upstream,
      rule: why.rule,
      object: { kind: 'Deployment', namespace: d.metadata?.namespace, name: d.metadata?.name ?? '' },
      values: why.values,
      ...(event !== undefined ? { event } : {}),
    });
  }

  /** Records a flip of the Available condition with the numbers that decided it (calculateStatus). */
  traceAvailability(d: Stored<Deployment>, newStatus: DeploymentStatus): void {
    const before = getDeploymentCondition(d.status, 'Available');
    const after = getDeploymentCondition(newStatus, 'Available');
    if (!after || before?.status === after.status) return;
    this.trace(d, {
      rule: after.status === 'True' ? 'status.available' : 'status.unavailable',
      upstream: 'pkg/controller/deployment/sync.go calculateStatus',
      values: {
        availableReplicas: newStatus.availableReplicas ?? 0,
        replicas: dReplicas(d),
        maxUnavailable: maxUnavailable(d),
        minAvailable: dReplicas(d) - maxUnavailable(d),
      },
    });
  }

  /** Records a decision to wait, unless the same wait with the same numbers was the last record. */
  traceWait(d: Deployment, why: Why): void {
    const key = keyOf(d);
    const sig = JSON.stringify(why.values);
    const waits = this.lastWait.get(key) ?? new Map<string, string>();
    if (waits.get(why.rule) === sig) return;
    this.trace(d, why);
    waits.set(why.rule, sig);
    this.lastWait.set(key, waits);
  }
}
