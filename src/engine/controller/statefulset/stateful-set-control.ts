// Models kubernetes/pkg/controller/statefulset/stateful_set_control.go: one reconciliation of a StatefulSet
// (revisions, ordered or parallel creation and deletion, rolling update, status, history truncation).
// Differences from upstream: Parallel batches run one pod after another in ordinal order (upstream runs a
// batch in goroutines); MaxUnavailableStatefulSet is on (beta since v1.35), so the rolling update is
// updateStatefulSetAfterInvariantEstablished.
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus, Stored } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { ApiError } from '../../apiserver/errors.ts';
import type { VirtualClock } from '../../clock/clock.ts';
import { labelSelectorAsSelector } from '../../apimachinery/labels.ts';
import type { TraceLog } from '../../trace/trace.ts';
import { deepCopy } from '../../util/copy.ts';
import {
  equalRevision,
  findEqualRevisions,
  sortControllerRevisions,
  type History,
} from '../history/controller-history.ts';
import type { StatefulPodControl } from './stateful-pod-control.ts';
import { updateStatefulSetStatus as writeStatus } from './stateful-set-status-updater.ts';
import {
  allowsBurst,
  applyRevision,
  descendingOrdinal,
  getEndOrdinal,
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
  getStatefulSetMaxUnavailable,
  identityMatches,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newRevision,
  newVersionedStatefulSetPod,
  nextRevision,
  podInOrdinalRange,
  storageMatches,
  type SetPod,
} from './stateful-set-utils.ts';

// Models kubernetes/pkg/controller/statefulset/stateful_set_control.go MaxBatchSize
export const maxBatchSize = 500;

type Err = ApiError | Error;
type Revision = Stored<ControllerRevision>;

/** The "why" records this controller writes and the value names each carries. */
export const statefulSetTraceRules = {
  'statefulset.createPod': ['pod', 'ordinal', 'revision', 'podManagementPolicy'],
  'statefulset.scaleDown': ['pod', 'ordinal', 'replicas', 'podManagementPolicy'],
  'statefulset.updatePod': ['pod', 'ordinal', 'partition', 'updateRevision', 'maxUnavailable', 'unavailable'],
  'statefulset.recreateFailed': ['pod', 'phase'],
} as const satisfies Record<string, readonly string[]>;

type TraceRule = keyof typeof statefulSetTraceRules;

/** StatefulSetStatus with every counted field present (the Go struct); see toV1Status for the JSON. */
interface Status {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  availableReplicas: number;
}

/** The JSON of apps/v1 StatefulSetStatus: omitempty fields left out at zero (replicas and availableReplicas never). */
function toV1Status(s: Status): StatefulSetStatus {
  return {
    ...(s.observedGeneration ? { observedGeneration: s.observedGeneration } : {}),
    replicas: s.replicas,
    ...(s.readyReplicas ? { readyReplicas: s.readyReplicas } : {}),
    ...(s.currentReplicas ? { currentReplicas: s.currentReplicas } : {}),
    ...(s.updatedReplicas ? { updatedReplicas: s.updatedReplicas } : {}),
    ...(s.currentRevision ? { currentRevision: s.currentRevision } : {}),
    ...(s.updateRevision ? { updateRevision: s.updateRevision } : {}),
    collisionCount: s.collisionCount,
    availableReplicas: s.availableReplicas,
  };
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl
export class StatefulSetControl {
  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly podControl: StatefulPodControl,
    private readonly history: History,
    private readonly trace: TraceLog,
  ) {}

  private now(): number {
    return this.clock.now();
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.UpdateStatefulSet
  /** Returns the status it computed (undefined when it could not) and the first error. */
  updateStatefulSet(set: Stored<StatefulSet>, pods: Pod[]): [StatefulSetStatus | undefined, Err | null] {
    const revisions = sortControllerRevisions(this.listRevisions(set));
    const [current, update, status, err] = this.performUpdate(set, pods, revisions);
    const truncErr = this.truncateHistory(set, pods, revisions, current, update);
    return [status ? toV1Status(status) : undefined, err ?? truncErr];
  }

  private performUpdate(
    set: Stored<StatefulSet>,
    pods: Pod[],
    revisions: Revision[],
  ): [Revision | undefined, Revision | undefined, Status | undefined, Err | null] {
    const [current, update, collisionCount, err] = this.getStatefulSetRevisions(set, revisions);
    if (err || !current || !update) return [current, update, undefined, err];
    const [status, updateErr] = this.updateStatefulSet1(set, current, update, collisionCount, pods);
    const statusErr = this.updateStatefulSetStatus(set, status);
    return [current, update, status, updateErr ?? statusErr];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.ListRevisions
  listRevisions(set: Stored<StatefulSet>): Revision[] {
    const selector = labelSelectorAsSelector(set.spec?.selector);
    return selector ? this.history.listControllerRevisions(set, selector) : [];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.AdoptOrphanRevisions
  adoptOrphanRevisions(set: Stored<StatefulSet>, revisions: Revision[]): Err | null {
    for (const r of revisions) {
      const [, err] = this.history.adoptControllerRevision(set, 'apps/v1', 'StatefulSet', r);
      if (err) return err;
    }
    return null;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.truncateHistory
  private truncateHistory(
    set: Stored<StatefulSet>,
    pods: Pod[],
    revisions: Revision[],
    current: Revision | undefined,
    update: Revision | undefined,
  ): Err | null {
    const live = new Set<string>();
    if (current) live.add(current.metadata.name);
    if (update) live.add(update.metadata.name);
    for (const p of pods) live.add(getPodRevision(p));
    const history = revisions.filter((r) => !live.has(r.metadata.name));
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    if (limit < 0 || history.length <= limit) return null;
    for (const r of history.slice(0, history.length - limit)) {
      const err = this.history.deleteControllerRevision(r);
      if (err) return err;
    }
    return null;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.getStatefulSetRevisions
  private getStatefulSetRevisions(
    set: Stored<StatefulSet>,
    revisions: Revision[],
  ): [Revision | undefined, Revision | undefined, number, Err | null] {
    const collisionCount = { value: set.status?.collisionCount ?? 0 };
    const candidate = newRevision(set, nextRevision(revisions), collisionCount.value);
    const equalRevisions = findEqualRevisions(revisions, candidate);
    const last = revisions[revisions.length - 1];
    const lastEqual = equalRevisions[equalRevisions.length - 1];
    let updateRevision: Revision;
    if (lastEqual && equalRevision(last, lastEqual)) {
      updateRevision = last!;
    } else if (lastEqual) {
      const [updated, err] = this.history.updateControllerRevision(lastEqual, candidate.revision);
      if (err) return [undefined, undefined, collisionCount.value, err];
      updateRevision = updated;
    } else {
      const [created, err] = this.history.createControllerRevision(set, candidate, collisionCount);
      if (err) return [undefined, undefined, collisionCount.value, err];
      updateRevision = created;
    }
    const currentRevision =
      revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? updateRevision;
    return [currentRevision, updateRevision, collisionCount.value, null];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go computeReplicaStatus / updateStatus
  private updateStatus(
    status: Status,
    minReadySeconds: number,
    current: Revision,
    update: Revision,
    ...podLists: Pod[][]
  ): void {
    status.replicas = 0;
    status.readyReplicas = 0;
    status.availableReplicas = 0;
    status.currentReplicas = 0;
    status.updatedReplicas = 0;
    const now = this.now();
    for (const list of podLists) {
      for (const pod of list) {
        if (isCreated(pod)) status.replicas++;
        if (isRunningAndReady(pod)) {
          status.readyReplicas++;
          if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
        }
        if (isCreated(pod) && !isTerminating(pod)) {
          const revision = getPodRevision(pod);
          if (revision === current.metadata.name) status.currentReplicas++;
          if (revision === update.metadata.name) status.updatedReplicas++;
        }
      }
    }
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.processReplica
  private processReplica(
    set: Stored<StatefulSet>,
    updateSet: Stored<StatefulSet>,
    monotonic: boolean,
    replicas: Pod[],
    i: number,
  ): [boolean, Err | null] {
    const pod = replicas[i]!;
    if (isFailed(pod) || isSucceeded(pod)) {
      if (!pod.metadata?.deletionTimestamp) {
        this.traceDecision(set, 'statefulset.recreateFailed', {
          pod: pod.metadata?.name ?? '',
          phase: pod.status?.phase ?? '',
        });
        const err = this.podControl.deleteStatefulPod(set, pod);
        if (err) return [true, err];
      }
      return [true, null];
    }
    if (!isCreated(pod)) {
      if (this.podControl.podClaimIsStale(set, pod)) return [true, null];
      this.traceDecision(set, 'statefulset.createPod', {
        pod: pod.metadata?.name ?? '',
        ordinal: getOrdinal(pod),
        revision: getPodRevision(pod),
        podManagementPolicy: set.spec?.podManagementPolicy ?? '',
      });
      const err = this.podControl.createStatefulPod(set, pod as SetPod);
      if (err) return [true, err];
      if (monotonic) return [true, null];
    }
    if (isPending(pod)) {
      const err = this.podControl.createMissingPersistentVolumeClaims(set, pod);
      if (err) return [true, err];
    }
    if (isTerminating(pod) && monotonic) return [true, null];
    if (!isRunningAndReady(pod) && monotonic) return [true, null];
    if (!isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, this.now()) && monotonic)
      return [true, null];
    const [retentionMatch, matchErr] = this.podControl.claimsMatchRetentionPolicy(updateSet, pod);
    if (identityMatches(set, pod) && storageMatches(set, pod) && (retentionMatch || matchErr !== null))
      return [false, null];
    const err = this.podControl.updateStatefulPod(updateSet, deepCopy(pod) as SetPod);
    return err ? [true, err] : [false, null];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.processCondemned
  private processCondemned(
    set: Stored<StatefulSet>,
    firstUnhealthyPod: Pod | undefined,
    monotonic: boolean,
    condemned: Pod[],
    i: number,
  ): [boolean, Err | null] {
    const pod = condemned[i]!;
    if (isTerminating(pod)) return [monotonic, null];
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthyPod) return [true, null];
    if (
      !isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, this.now()) &&
      monotonic &&
      pod !== firstUnhealthyPod
    )
      return [true, null];
    this.traceDecision(set, 'statefulset.scaleDown', {
      pod: pod.metadata?.name ?? '',
      ordinal: getOrdinal(pod),
      replicas: set.spec?.replicas ?? 1,
      podManagementPolicy: set.spec?.podManagementPolicy ?? '',
    });
    return [true, this.podControl.deleteStatefulPod(set, pod)];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go runForAll
  private runForAll(
    pods: Pod[],
    fn: (i: number) => [boolean, Err | null],
    monotonic: boolean,
  ): [boolean, Err | null] {
    if (monotonic) {
      for (let i = 0; i < pods.length; i++) {
        const [shouldExit, err] = fn(i);
        if (shouldExit || err) return [true, err];
      }
      return [false, null];
    }
    const err = slowStartBatch(1, pods.length, fn);
    return err ? [true, err] : [false, null];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.updateStatefulSet
  // (named updateStatefulSet1 here: the class's updateStatefulSet is upstream's UpdateStatefulSet)
  private updateStatefulSet1(
    set: Stored<StatefulSet>,
    currentRevision: Revision,
    updateRevision: Revision,
    collisionCount: number,
    pods: Pod[],
  ): [Status, Err | null] {
    const currentSet = applyRevision(set, currentRevision);
    const updateSet = applyRevision(set, updateRevision);
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    const status: Status = {
      observedGeneration: set.metadata.generation ?? 0,
      replicas: 0,
      readyReplicas: 0,
      currentReplicas: 0,
      updatedReplicas: 0,
      currentRevision: currentRevision.metadata.name,
      updateRevision: updateRevision.metadata.name,
      collisionCount,
      availableReplicas: 0,
    };
    this.updateStatus(status, minReadySeconds, currentRevision, updateRevision, pods);

    const start = getStartOrdinal(set);
    const end = getEndOrdinal(set);
    const replicas: (Pod | undefined)[] = new Array<Pod | undefined>(Math.max(0, end - start + 1));
    const condemned: Pod[] = [];
    for (const pod of pods) {
      if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
      else if (getOrdinal(pod) >= 0) condemned.push(pod);
    }
    for (let ord = start; ord <= end; ord++) {
      if (!replicas[ord - start]) {
        replicas[ord - start] = newVersionedStatefulSetPod(
          currentSet,
          updateSet,
          currentRevision.metadata.name,
          updateRevision.metadata.name,
          ord,
        );
      }
    }
    const all = replicas as Pod[];
    condemned.sort(descendingOrdinal);

    const now = this.now();
    let firstUnavailablePod: Pod | undefined;
    for (const pod of all) if (isUnavailable(pod, minReadySeconds, now)) firstUnavailablePod ??= pod;
    for (let i = condemned.length - 1; i >= 0; i--)
      if (isUnavailable(condemned[i]!, minReadySeconds, now)) firstUnavailablePod ??= condemned[i];

    if (set.metadata.deletionTimestamp) return [status, null];

    const monotonic = !allowsBurst(set);
    const finish = (err: Err | null): [Status, Err | null] => {
      this.updateStatus(status, minReadySeconds, currentRevision, updateRevision, all, condemned);
      return [status, err];
    };

    let [shouldExit, err] = this.runForAll(
      all,
      (i) => this.processReplica(set, updateSet, monotonic, all, i),
      monotonic,
    );
    if (shouldExit || err) return finish(err);

    [shouldExit, err] = this.runForAll(
      condemned,
      (i) => {
        const [match, matchErr] = this.podControl.claimsMatchRetentionPolicy(updateSet, condemned[i]!);
        if (matchErr) return [true, matchErr];
        if (!match) {
          const updateErr = this.podControl.updatePodClaimForRetentionPolicy(updateSet, condemned[i]!);
          if (updateErr) return [true, updateErr];
        }
        return [false, null];
      },
      monotonic,
    );
    if (shouldExit || err) return finish(err);

    [shouldExit, err] = this.runForAll(
      condemned,
      (i) => this.processCondemned(set, firstUnavailablePod, monotonic, condemned, i),
      monotonic,
    );
    if (shouldExit || err) return finish(err);

    finish(null);
    if (set.spec?.updateStrategy?.type === 'OnDelete') return [status, null];
    return this.updateStatefulSetAfterInvariantEstablished(set, all, updateRevision, status);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go updateStatefulSetAfterInvariantEstablished
  private updateStatefulSetAfterInvariantEstablished(
    set: Stored<StatefulSet>,
    replicas: Pod[],
    updateRevision: Revision,
    status: Status,
  ): [Status, Err | null] {
    const replicaCount = set.spec?.replicas ?? 1;
    let updateMin = 0;
    let maxUnavailable = 1;
    const rollingUpdate = set.spec?.updateStrategy?.rollingUpdate;
    if (rollingUpdate) {
      updateMin = rollingUpdate.partition ?? 0;
      const [n, err] = getStatefulSetMaxUnavailable(rollingUpdate.maxUnavailable, replicaCount);
      if (err) return [status, err];
      maxUnavailable = n;
    }
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    const now = this.now();
    let unavailablePods = 0;
    for (let target = replicas.length - 1; target >= 0; target--)
      if (isUnavailable(replicas[target]!, minReadySeconds, now)) unavailablePods++;
    if (unavailablePods > maxUnavailable) return [status, null];
    const podsToDelete = maxUnavailable - unavailablePods;
    let deletedPods = 0;
    for (let target = replicas.length - 1; target >= updateMin && deletedPods < podsToDelete; target--) {
      const pod = replicas[target]!;
      if (getPodRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
        this.traceDecision(set, 'statefulset.updatePod', {
          pod: pod.metadata?.name ?? '',
          ordinal: getOrdinal(pod),
          partition: updateMin,
          updateRevision: updateRevision.metadata.name,
          maxUnavailable,
          unavailable: unavailablePods,
        });
        const err = this.podControl.deleteStatefulPod(set, pod);
        if (err && !('reason' in err && err.reason === 'NotFound')) return [status, err];
        deletedPods++;
        status.currentReplicas--;
      }
    }
    return [status, null];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_set_control.go defaultStatefulSetControl.updateStatefulSetStatus
  private updateStatefulSetStatus(set: Stored<StatefulSet>, status: Status): Err | null {
    completeRollingUpdate(set, status);
    if (!inconsistentStatus(set, status)) return null;
    return writeStatus(this.api, set, toV1Status(status));
  }

  /** Records a decision for the "why" view (see statefulSetTraceRules). */
  private traceDecision(
    set: Stored<StatefulSet>,
    rule: TraceRule,
    values: Record<string, number | string>,
  ): void {
    this.trace.record({
      time: this.now(),
      controller: 'statefulset-controller',
      upstream: 'pkg/controller/statefulset/stateful_set_control.go updateStatefulSet',
      rule,
      object: { kind: 'StatefulSet', namespace: set.metadata.namespace, name: set.metadata.name },
      values,
    });
  }
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_control.go slowStartBatch
/** Batches of 1, 2, 4, … (at most maxBatchSize); stops after a batch with an error. Returns the first error. */
export function slowStartBatch(
  initialBatchSize: number,
  remaining: number,
  fn: (i: number) => [boolean, Err | null],
): Err | null {
  let j = 0;
  for (
    let batchSize = Math.min(remaining, initialBatchSize);
    batchSize > 0;
    batchSize = Math.min(Math.min(2 * batchSize, remaining), maxBatchSize)
  ) {
    let firstErr: Err | null = null;
    for (let i = 0; i < batchSize; i++) {
      const [, err] = fn(j++);
      firstErr ??= err;
    }
    if (firstErr) return firstErr;
    remaining -= batchSize;
  }
  return null;
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go inconsistentStatus
function inconsistentStatus(set: StatefulSet, status: Status): boolean {
  const s = set.status;
  return (
    status.observedGeneration > (s?.observedGeneration ?? 0) ||
    status.replicas !== (s?.replicas ?? 0) ||
    status.currentReplicas !== (s?.currentReplicas ?? 0) ||
    status.readyReplicas !== (s?.readyReplicas ?? 0) ||
    status.updatedReplicas !== (s?.updatedReplicas ?? 0) ||
    status.currentRevision !== (s?.currentRevision ?? '') ||
    status.availableReplicas !== (s?.availableReplicas ?? 0) ||
    status.updateRevision !== (s?.updateRevision ?? '')
  );
}

// Models kubernetes/pkg/controller/statefulset/stateful_set_utils.go completeRollingUpdate
function completeRollingUpdate(set: StatefulSet, status: Status): void {
  const replicas = set.spec?.replicas ?? 1;
  if (
    set.spec?.updateStrategy?.type === 'RollingUpdate' &&
    status.updatedReplicas === replicas &&
    status.readyReplicas === replicas &&
    status.replicas === replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

export type { Status as StatefulSetControlStatus };
