// Models kubernetes/pkg/controller/disruption/disruption.go: keeps each PodDisruptionBudget's status
// (expected, desired and healthy pods, disruptions allowed, disruptedPods) up to date.
// Differences from upstream: the apiserver is synchronous, so there are no write conflicts; a failed sync is
// not retried with rate limiting (the next pod or PDB event syncs again) — this keeps the virtual clock free
// of perpetual timers. The recheck of disruptedPods entries is a single virtual-clock timer per PDB. The
// stale DisruptionTarget cleanup is not modelled (the eviction here deletes the pod right after adding that
// condition, so it never goes stale).
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, splitKey } from '../controller.ts';
import type {
  Deployment,
  KubeObject,
  LabelSelector,
  OwnerReference,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  StatefulSet,
  Stored,
} from '../../api/types.ts';
import { controllerRef, isPodReady } from '../../api/pod-util.ts';
import { resources, resourceWithGroup } from '../../api/registry.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../apimachinery/labels.ts';
import { getScaledValueFromIntOrPercent } from '../../apimachinery/intstr.ts';
import { parseTime } from '../../apimachinery/time.ts';
import { deepEqual } from '../../util/copy.ts';
import type { TimerId } from '../../clock/clock.ts';
import {
  conditionsAreUpToDate,
  disruptionAllowedCondition,
  setStatusCondition,
  syncFailedReason,
  updateDisruptionAllowedCondition,
} from './helpers.ts';

// Models kubernetes/pkg/controller/disruption/disruption.go DeletionTimeout
export const deletionTimeoutMs = 2 * 60 * 1000;

const source = { component: 'controllermanager' };

// Models kubernetes/pkg/controller/disruption/disruption.go controllerAndScale
interface ControllerAndScale {
  uid: string;
  scale: number;
}

type Finder = (ref: OwnerReference, namespace: string) => [ControllerAndScale | undefined, Error | null];

/** Kinds with a /scale subresource (the ones the scale client could read). */
const scalable = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

// Models kubernetes/pkg/controller/disruption/disruption.go verifyGroupKind
function verifyGroupKind(ref: OwnerReference, expectedKind: string, expectedGroups: string[]): boolean {
  return ref.kind === expectedKind && expectedGroups.includes(groupOf(ref.apiVersion));
}

/** `&LabelSelector{MatchLabels:map[string]string{app: zk,},MatchExpressions:[]LabelSelectorRequirement{},}` (Go %v). */
export function labelSelectorGoString(ls: LabelSelector | undefined): string {
  if (!ls) return 'nil';
  const labels = Object.keys(ls.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${ls.matchLabels![k]},`)
    .join('');
  const exprs = (ls.matchExpressions ?? [])
    .map(
      (e) =>
        `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`,
    )
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

export class DisruptionController implements Controller {
  readonly name = 'disruption-controller';
  /** The pending recheck of each PDB (the recheck queue keeps only the earliest time per key). */
  private readonly rechecks = new Map<string, { at: number; timer: TimerId }>();

  constructor(private readonly ctx: ControllerContext) {
    // Models kubernetes/pkg/controller/disruption/disruption.go addDB / updateDB / removeDB
    ctx.api.watch<PodDisruptionBudget>('PodDisruptionBudget', (e) => ctx.queue.add(this, keyOf(e.object)));
    // Models kubernetes/pkg/controller/disruption/disruption.go addPod / updatePod / deletePod
    ctx.api.watch<Pod>('Pod', (e) => {
      const pdb = this.getPdbForPod(e.object);
      if (pdb) ctx.queue.add(this, keyOf(pdb));
    });
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPdbForPod
  private getPdbForPod(pod: Stored<Pod>): Stored<PodDisruptionBudget> | undefined {
    const pdbs: Stored<PodDisruptionBudget>[] = [];
    if (this.ctx.api.count('PodDisruptionBudget') === 0) return undefined;
    for (const pdb of this.ctx.api.list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace)) {
      const sel = labelSelectorAsSelector(pdb.spec?.selector);
      if (sel && selectorMatches(sel, pod.metadata.labels)) pdbs.push(pdb);
    }
    if (pdbs.length > 1) {
      const msg = `Pod "${pod.metadata.namespace ?? ''}"/"${pod.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "${pdbs[0]!.metadata.name}" arbitrarily.`;
      this.ctx.recorder.event(pod, 'Warning', 'MultiplePodDisruptionBudgets', msg, source);
    }
    return pdbs[0];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPodsForPdb
  private getPodsForPdb(pdb: Stored<PodDisruptionBudget>): Stored<Pod>[] {
    const sel = labelSelectorAsSelector(pdb.spec?.selector);
    if (!sel) return [];
    return this.ctx.api.list<Pod>('Pod', pdb.metadata.namespace, sel);
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go sync
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pdb = this.ctx.api.get<PodDisruptionBudget>('PodDisruptionBudget', ns, name);
    if (!pdb) {
      const r = this.rechecks.get(key);
      if (r) this.ctx.clock.clearTimeout(r.timer);
      this.rechecks.delete(key);
      return;
    }
    const err = this.trySync(pdb);
    if (err) this.failSafe(pdb, err);
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go trySync
  trySync(pdb: Stored<PodDisruptionBudget>): Error | null {
    const pods = this.getPodsForPdb(pdb);
    if (pods.length === 0) this.ctx.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found', source);
    const [expectedCount, desiredHealthy, unmanagedPods, err] = this.getExpectedPodCount(pdb, pods);
    if (err) {
      this.ctx.recorder.event(
        pdb,
        'Warning',
        'CalculateExpectedPodCountFailed',
        `Failed to calculate the number of expected pods: ${err.message}`,
        source,
      );
      return err;
    }
    if (unmanagedPods.length > 0) {
      this.ctx.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorGoString(pdb.spec?.selector)}) were found ` +
          'to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
          'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
        source,
      );
    }
    const now = this.ctx.clock.now();
    const [disruptedPods, recheckTime] = this.buildDisruptedPodMap(pods, pdb, now);
    const currentHealthy = countHealthyPods(pods, disruptedPods, now);
    this.updatePdbStatus(pdb, currentHealthy, desiredHealthy, expectedCount, disruptedPods);
    if (recheckTime !== undefined) this.enqueuePdbForRecheck(pdb, recheckTime);
    return null;
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go enqueuePdbForRecheck
  /** Syncs again just after `at` (1 ms later, so that the entry due at `at` has expired by then). */
  private enqueuePdbForRecheck(pdb: Stored<PodDisruptionBudget>, at: number): void {
    const key = keyOf(pdb);
    const pending = this.rechecks.get(key);
    if (pending && pending.at <= at) return;
    if (pending) this.ctx.clock.clearTimeout(pending.timer);
    const timer = this.ctx.clock.setTimeout(
      () => {
        this.rechecks.delete(key);
        this.ctx.queue.add(this, key);
      },
      at - this.ctx.clock.now() + 1,
    );
    this.rechecks.set(key, { at, timer });
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getExpectedPodCount
  getExpectedPodCount(
    pdb: PodDisruptionBudget,
    pods: readonly Stored<Pod>[],
  ): [expectedCount: number, desiredHealthy: number, unmanagedPods: string[], err: Error | null] {
    const spec = pdb.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
      const [expectedCount, unmanaged, err] = this.getExpectedScale(pods);
      if (err) return [expectedCount, 0, unmanaged, err];
      const [maxUnavailable, perr] = getScaledValueFromIntOrPercent(spec.maxUnavailable, expectedCount, true);
      if (perr) return [expectedCount, 0, unmanaged, perr];
      return [expectedCount, Math.max(0, expectedCount - maxUnavailable), unmanaged, null];
    }
    if (spec.minAvailable !== undefined) {
      if (typeof spec.minAvailable === 'number') return [pods.length, spec.minAvailable, [], null];
      const [expectedCount, unmanaged, err] = this.getExpectedScale(pods);
      if (err) return [expectedCount, 0, unmanaged, err];
      const [minAvailable, perr] = getScaledValueFromIntOrPercent(spec.minAvailable, expectedCount, true);
      if (perr) return [expectedCount, 0, unmanaged, perr];
      return [expectedCount, minAvailable, unmanaged, null];
    }
    return [0, 0, [], null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getExpectedScale
  private getExpectedScale(pods: readonly Stored<Pod>[]): [number, string[], Error | null] {
    const controllerScale = new Map<string, number>();
    const unmanaged: string[] = [];
    for (const pod of pods) {
      const ref = controllerRef(pod) as OwnerReference | undefined;
      if (!ref) {
        unmanaged.push(pod.metadata.name);
        continue;
      }
      if (controllerScale.has(ref.uid)) continue;
      let found = false;
      for (const finder of this.finders()) {
        const [cs, err] = finder(ref, pod.metadata.namespace ?? '');
        if (err) return [0, unmanaged, err];
        if (cs) {
          controllerScale.set(cs.uid, cs.scale);
          found = true;
          break;
        }
      }
      if (!found) return [0, unmanaged, new Error(`found no controllers for pod "${pod.metadata.name}"`)];
    }
    let expectedCount = 0;
    for (const n of controllerScale.values()) expectedCount += n;
    return [expectedCount, unmanaged, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go finders
  private finders(): Finder[] {
    return [
      (r, ns) => this.getPodReplicationController(r, ns),
      (r, ns) => this.getPodDeployment(r, ns),
      (r, ns) => this.getPodReplicaSet(r, ns),
      (r, ns) => this.getPodStatefulSet(r, ns),
      (r, ns) => this.getScaleController(r, ns),
    ];
  }

  private owned<T extends KubeObject>(kind: string, ns: string, ref: OwnerReference): Stored<T> | undefined {
    const o = this.ctx.api.get<T>(kind, ns, ref.name);
    return o && o.metadata.uid === ref.uid ? o : undefined;
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPodReplicaSet
  private getPodReplicaSet(ref: OwnerReference, ns: string): [ControllerAndScale | undefined, null] {
    if (!verifyGroupKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return [undefined, null];
    const rs = this.owned<ReplicaSet>('ReplicaSet', ns, ref);
    if (!rs || controllerRef(rs)?.kind === 'Deployment') return [undefined, null];
    return [{ uid: rs.metadata.uid, scale: rs.spec?.replicas ?? 1 }, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPodStatefulSet
  private getPodStatefulSet(ref: OwnerReference, ns: string): [ControllerAndScale | undefined, null] {
    if (!verifyGroupKind(ref, 'StatefulSet', ['apps'])) return [undefined, null];
    const ss = this.owned<StatefulSet>('StatefulSet', ns, ref);
    return [ss ? { uid: ss.metadata.uid, scale: ss.spec?.replicas ?? 1 } : undefined, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPodDeployment
  private getPodDeployment(ref: OwnerReference, ns: string): [ControllerAndScale | undefined, null] {
    if (!verifyGroupKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return [undefined, null];
    const rs = this.owned<ReplicaSet>('ReplicaSet', ns, ref);
    const dref = rs ? (controllerRef(rs) as OwnerReference | undefined) : undefined;
    if (!dref || !verifyGroupKind(dref, 'Deployment', ['apps', 'extensions'])) return [undefined, null];
    const d = this.owned<Deployment>('Deployment', ns, dref);
    return [d ? { uid: d.metadata.uid, scale: d.spec?.replicas ?? 1 } : undefined, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getPodReplicationController
  private getPodReplicationController(
    ref: OwnerReference,
    ns: string,
  ): [ControllerAndScale | undefined, null] {
    if (!verifyGroupKind(ref, 'ReplicationController', [''])) return [undefined, null];
    const rc = this.owned<KubeObject & { spec?: { replicas?: number } }>('ReplicationController', ns, ref);
    return [rc ? { uid: rc.metadata.uid, scale: rc.spec?.replicas ?? 1 } : undefined, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go getScaleController
  private getScaleController(
    ref: OwnerReference,
    ns: string,
  ): [ControllerAndScale | undefined, Error | null] {
    const group = groupOf(ref.apiVersion);
    const mapping = resources.find((r) => r.kind === ref.kind && r.group === group);
    if (!mapping)
      return [undefined, new Error(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`)];
    if (!scalable.has(ref.kind))
      return [
        undefined,
        new Error(`${resourceWithGroup(ref.kind)} does not implement the scale subresource`),
      ];
    const o = this.owned<KubeObject & { spec?: { replicas?: number } }>(ref.kind, ns, ref);
    return [o ? { uid: o.metadata.uid, scale: o.spec?.replicas ?? 1 } : undefined, null];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go buildDisruptedPodMap
  private buildDisruptedPodMap(
    pods: readonly Stored<Pod>[],
    pdb: Stored<PodDisruptionBudget>,
    now: number,
  ): [Record<string, string>, number | undefined] {
    const disruptedPods = pdb.status?.disruptedPods;
    const result: Record<string, string> = {};
    let recheckTime: number | undefined;
    if (!disruptedPods) return [result, recheckTime];
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const disruptionTime = disruptedPods[pod.metadata.name];
      if (disruptionTime === undefined) continue;
      const expectedDeletion = parseTime(disruptionTime) + deletionTimeoutMs;
      if (expectedDeletion < now) {
        // Upstream prints the PDB's namespace twice.
        const ns = pdb.metadata.namespace ?? '';
        this.ctx.recorder.event(
          pod,
          'Warning',
          'NotDeleted',
          `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`,
          source,
        );
      } else {
        if (recheckTime === undefined || expectedDeletion < recheckTime) recheckTime = expectedDeletion;
        result[pod.metadata.name] = disruptionTime;
      }
    }
    return [result, recheckTime];
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go failSafe
  failSafe(pdb: Stored<PodDisruptionBudget>, err: Error): void {
    const status = { ...pdb.status!, disruptionsAllowed: 0 };
    status.conditions = setStatusCondition(
      status.conditions ?? [],
      {
        type: disruptionAllowedCondition,
        status: 'False',
        reason: syncFailedReason,
        message: err.message,
        ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}),
      },
      this.ctx.clock.now(),
    );
    this.ctx.api.update({ ...pdb, status }, { status: true });
  }

  // Models kubernetes/pkg/controller/disruption/disruption.go updatePdbStatus
  updatePdbStatus(
    pdb: Stored<PodDisruptionBudget>,
    currentHealthy: number,
    desiredHealthy: number,
    expectedCount: number,
    disruptedPods: Record<string, string>,
  ): void {
    let disruptionsAllowed = currentHealthy - desiredHealthy;
    if (expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    const s = pdb.status;
    const generation = pdb.metadata.generation ?? 0;
    if (
      s &&
      s.currentHealthy === currentHealthy &&
      s.desiredHealthy === desiredHealthy &&
      s.expectedPods === expectedCount &&
      s.disruptionsAllowed === disruptionsAllowed &&
      deepEqual(s.disruptedPods ?? {}, disruptedPods) &&
      (s.observedGeneration ?? 0) === generation &&
      conditionsAreUpToDate(pdb)
    )
      return;
    const newPdb: PodDisruptionBudget = {
      ...pdb,
      status: {
        currentHealthy,
        desiredHealthy,
        expectedPods: expectedCount,
        disruptionsAllowed,
        ...(Object.keys(disruptedPods).length > 0 ? { disruptedPods } : {}),
        ...(generation ? { observedGeneration: generation } : {}),
        ...(s?.conditions ? { conditions: s.conditions } : {}),
      },
    };
    updateDisruptionAllowedCondition(newPdb, this.ctx.clock.now());
    this.ctx.api.update(newPdb, { status: true });
  }
}

// Models kubernetes/pkg/controller/disruption/disruption.go countHealthyPods
export function countHealthyPods(
  pods: readonly Pod[],
  disruptedPods: Record<string, string>,
  now: number,
): number {
  let currentHealthy = 0;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const t = disruptedPods[pod.metadata?.name ?? ''];
    if (t !== undefined && parseTime(t) + deletionTimeoutMs > now) continue;
    if (isPodReady(pod)) currentHealthy++;
  }
  return currentHealthy;
}
