// Port of pkg/controller/deployment/util/deployment_util.go: the arithmetic and bookkeeping of Deployments.
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  PodTemplateSpec,
  ReplicaSet,
  ReplicaSetStatus,
} from '../../../api/types.ts';
import type { ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { getScaledValueFromIntOrPercent, type IntOrString } from '../../../apimachinery/intstr.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../../apimachinery/labels.ts';
import { formatRFC3339, parseTime } from '../../../apimachinery/time.ts';
import { deepCopy, deepEqual } from '../../../util/copy.ts';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from './controller-utils.ts';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const lastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
export const deprecatedRollbackTo = 'deprecated.deployment.rollback.to';
export const defaultDeploymentUniqueLabelKey = 'pod-template-hash';

export const replicaSetUpdatedReason = 'ReplicaSetUpdated';
export const failedRSCreateReason = 'ReplicaSetCreateError';
export const newReplicaSetReason = 'NewReplicaSetCreated';
export const foundNewRSReason = 'FoundNewReplicaSet';
export const newRSAvailableReason = 'NewReplicaSetAvailable';
export const timedOutReason = 'ProgressDeadlineExceeded';
export const pausedDeployReason = 'DeploymentPaused';
export const resumedDeployReason = 'DeploymentResumed';
export const minimumReplicasAvailable = 'MinimumReplicasAvailable';
export const minimumReplicasUnavailable = 'MinimumReplicasUnavailable';

const maxInt32 = 2147483647;

/** ReplicaSet/Deployment status with the v1.33+ terminatingReplicas field (not yet in kubernetes-types). */
export type RSStatus = ReplicaSetStatus & { terminatingReplicas?: number };
export type DStatus = DeploymentStatus & { terminatingReplicas?: number };

/** spec.replicas of a Deployment (defaulted to 1 by the apiserver). */
export function dReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

/** Go's strconv.ParseInt(s, 10, 64): a decimal integer or an error. */
function parseGoInt(s: string): number | Error {
  if (!/^[+-]?\d+$/.test(s))
    return new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go NewDeploymentCondition
export function newDeploymentCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const t = formatRFC3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetDeploymentCondition
export function getDeploymentCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetDeploymentCondition
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const c = { ...condition };
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...filterOutCondition(status.conditions, c.type), c];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go RemoveDeploymentCondition
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const kept = filterOutCondition(status.conditions, type);
  if (kept.length > 0) status.conditions = kept;
  else delete status.conditions;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go filterOutCondition
function filterOutCondition(
  conditions: DeploymentCondition[] | undefined,
  type: string,
): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ReplicaSetToDeploymentCondition
export function replicaSetToDeploymentCondition(cond: ReplicaSetCondition): DeploymentCondition {
  return {
    type: cond.type,
    status: cond.status,
    lastTransitionTime: cond.lastTransitionTime,
    lastUpdateTime: cond.lastTransitionTime,
    reason: cond.reason,
    message: cond.message,
  };
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetDeploymentRevision
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const meta = (d.metadata ??= {});
  const annotations = (meta.annotations ??= {});
  if (annotations[revisionAnnotation] === revision) return false;
  annotations[revisionAnnotation] = revision;
  return true;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go Revision
export function revision(rs: ReplicaSet): [number, Error | null] {
  const v = rs.metadata?.annotations?.[revisionAnnotation];
  if (v === undefined) return [0, null];
  const n = parseGoInt(v);
  return n instanceof Error ? [0, n] : [n, null];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go MaxRevision
export function maxRevision(allRSs: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of allRSs) {
    const [v, err] = revision(rs);
    if (!err && v > max) max = v;
  }
  return max;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go LastRevision
export function lastRevision(allRSs: readonly ReplicaSet[]): number {
  let max = 0;
  let secMax = 0;
  for (const rs of allRSs) {
    const [v, err] = revision(rs);
    if (err) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) secMax = v;
  }
  return secMax;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetNewReplicaSetAnnotations
export function setNewReplicaSetAnnotations(
  d: Deployment,
  newRS: ReplicaSet,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, newRS);
  const annotations = ((newRS.metadata ??= {}).annotations ??= {});
  const oldRevision = annotations[revisionAnnotation];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    const n = parseGoInt(oldRevision);
    if (n instanceof Error) return false;
    oldRevisionInt = n;
  }
  const newRevisionInt = parseGoInt(newRevision);
  if (newRevisionInt instanceof Error) return false;
  if (oldRevisionInt < newRevisionInt) {
    annotations[revisionAnnotation] = newRevision;
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = annotations[revisionHistoryAnnotation] ?? '';
    const oldRevisions = history.split(',');
    if (oldRevisions[0]!.length === 0) {
      annotations[revisionHistoryAnnotation] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start]!.length - 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) {
        annotations[revisionHistoryAnnotation] = [...oldRevisions.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(newRS, dReplicas(d), dReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

const annotationsToSkip = new Set([
  lastAppliedConfigAnnotation,
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  deprecatedRollbackTo,
]);

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go skipCopyAnnotation
export function skipCopyAnnotation(key: string): boolean {
  return annotationsToSkip.has(key);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go copyDeploymentAnnotationsToReplicaSet
function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  let changed = false;
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (skipCopyAnnotation(k) || (k in annotations && annotations[k] === v)) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetDeploymentAnnotationsTo
export function setDeploymentAnnotationsTo(d: Deployment, rollbackToRS: ReplicaSet): void {
  const meta = (d.metadata ??= {});
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta.annotations ?? {})) if (skipCopyAnnotation(k)) kept[k] = v;
  for (const [k, v] of Object.entries(rollbackToRS.metadata?.annotations ?? {}))
    if (!skipCopyAnnotation(k)) kept[k] = v;
  meta.annotations = kept;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go FindActiveOrLatest
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  if (allRSs.length === 0) return newRS ?? oldRSs[0];
  return allRSs.length === 1 ? allRSs[0] : undefined;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go getNonNegativeInt32FromAnnotation
export function getNonNegativeInt32FromAnnotation(
  rs: ReplicaSet,
  key: string,
): [number, boolean, Error | null] {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined) return [0, false, null];
  if (!/^\d+$/.test(v))
    return [0, false, new Error(`strconv.ParseUint: parsing ${JSON.stringify(v)}: invalid syntax`)];
  const n = Number(v);
  if (n > 4294967295)
    return [0, false, new Error(`strconv.ParseUint: parsing ${JSON.stringify(v)}: value out of range`)];
  if (n > maxInt32) return [0, false, new Error(`value ${n} is out of range (higher than ${maxInt32})`)];
  return [n, true, null];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetDesiredReplicasAnnotation
export function getDesiredReplicasAnnotation(rs: ReplicaSet): [number, boolean] {
  const [v, ok] = getNonNegativeInt32FromAnnotation(rs, desiredReplicasAnnotation);
  return [v, ok];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go getMaxReplicasAnnotation
function getMaxReplicasAnnotation(rs: ReplicaSet): [number, boolean] {
  const [v, ok] = getNonNegativeInt32FromAnnotation(rs, maxReplicasAnnotation);
  return [v, ok];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetReplicasAnnotations
export function setReplicasAnnotations(
  rs: ReplicaSet,
  desiredReplicas: number,
  maxReplicas: number,
): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let updated = false;
  if (annotations[desiredReplicasAnnotation] !== String(desiredReplicas)) {
    annotations[desiredReplicasAnnotation] = String(desiredReplicas);
    updated = true;
  }
  if (annotations[maxReplicasAnnotation] !== String(maxReplicas)) {
    annotations[maxReplicasAnnotation] = String(maxReplicas);
    updated = true;
  }
  return updated;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ReplicasAnnotationsNeedUpdate
export function replicasAnnotationsNeedUpdate(
  rs: ReplicaSet,
  desiredReplicas: number,
  maxReplicas: number,
): boolean {
  const annotations = rs.metadata?.annotations;
  if (!annotations) return true;
  return (
    annotations[desiredReplicasAnnotation] !== String(desiredReplicas) ||
    annotations[maxReplicasAnnotation] !== String(maxReplicas)
  );
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go MaxUnavailable
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || dReplicas(d) === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [, unavailable] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, dReplicas(d));
  return Math.min(unavailable, dReplicas(d));
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go MinAvailable
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return dReplicas(d) - maxUnavailable(d);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go MaxSurge
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [surge] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, dReplicas(d));
  return surge;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetReplicaSetProportion
export function getReplicaSetProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  deploymentReplicasToAdd: number,
  deploymentReplicasAdded: number,
): number {
  if (
    !rs ||
    specReplicas(rs) === 0 ||
    deploymentReplicasToAdd === 0 ||
    deploymentReplicasToAdd === deploymentReplicasAdded
  ) {
    return 0;
  }
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  return deploymentReplicasToAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed);
}

/** Go's math.Round: halves away from zero. */
const goRound = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go getReplicaSetFraction
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (dReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = dReplicas(d) + maxSurge(d);
  const [annotated, ok] = getMaxReplicasAnnotation(rs);
  let before = annotated;
  if (!ok || before === 0) {
    // Without a usable max-replicas annotation, fall back to the current size; without that, do not scale.
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return goRound((specReplicas(rs) * deploymentMaxReplicas) / before) - specReplicas(rs);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go EqualIgnoreHash
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHash(t1), withoutHash(t2));
}

/**
 * The template without the pod-template-hash label: copies only the objects on the path to the label
 * (upstream deep-copies both templates; comparing is all that is done with them here).
 */
function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const x = t ?? {};
  const labels = x.metadata?.labels;
  if (!labels || !Object.hasOwn(labels, defaultDeploymentUniqueLabelKey)) return x;
  const { [defaultDeploymentUniqueLabelKey]: _hash, ...rest } = labels;
  return { ...x, metadata: { ...x.metadata, labels: rest } };
}

const isEnumerableOwn = (o: object, k: string) => Object.prototype.propertyIsEnumerable.call(o, k);

function isSemanticEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v !== 'object') return false;
  for (const k in v) if (Object.hasOwn(v, k)) return false;
  return true;
}

/** apiequality.Semantic.DeepEqual: like deepEqual, but empty and missing maps/slices are equal. */
function semanticEqual(a: unknown, b: unknown): boolean {
  if (isSemanticEmpty(a) && isSemanticEmpty(b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return deepEqual(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k in ao) if (Object.hasOwn(ao, k) && !semanticEqual(ao[k], bo[k])) return false;
  for (const k in bo)
    if (Object.hasOwn(bo, k) && !isEnumerableOwn(ao, k) && !semanticEqual(ao[k], bo[k])) return false;
  return true;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go FindNewReplicaSet
/** `equal` may be a remembering equalIgnoreHash (the controller's, during a sync). */
export function findNewReplicaSet(
  d: Deployment,
  rsList: ReplicaSet[],
  equal: typeof equalIgnoreHash = equalIgnoreHash,
): ReplicaSet | undefined {
  // Usually already in order: a (stable) sort would leave it as it is.
  if (!isSortedBy(rsList, byCreationTimestamp)) rsList.sort(byCreationTimestamp);
  return rsList.find((rs) => equal(rs.spec?.template, d.spec?.template));
}

function isSortedBy<T>(list: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (!(cmp(list[i - 1]!, list[i]!) <= 0)) return false;
  return true;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go FindOldReplicaSets
export function findOldReplicaSets(
  d: Deployment,
  rsList: ReplicaSet[],
  equal: typeof equalIgnoreHash = equalIgnoreHash,
): [ReplicaSet[], ReplicaSet[]] {
  const required: ReplicaSet[] = [];
  const all: ReplicaSet[] = [];
  const newRS = findNewReplicaSet(d, rsList, equal);
  for (const rs of rsList) {
    if (newRS && rs.metadata?.uid === newRS.metadata?.uid) continue;
    all.push(rs);
    if (specReplicas(rs) !== 0) required.push(rs);
  }
  return [required, all];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go SetFromReplicaSetTemplate
export function setFromReplicaSetTemplate(d: Deployment, template: PodTemplateSpec): Deployment {
  const t = deepCopy(template);
  if (t.metadata?.labels) delete t.metadata.labels[defaultDeploymentUniqueLabelKey];
  (d.spec ??= { selector: {}, template: {} }).template = t;
  return d;
}

function sum(rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number): number {
  let n = 0;
  for (const rs of rss) if (rs) n += f(rs);
  return n;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetReplicaCountForReplicaSets
export function getReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, specReplicas);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetActualReplicaCountForReplicaSets
export function getActualReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.replicas ?? 0);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetTerminatingReplicaCountForReplicaSets
export function getTerminatingReplicaCountForReplicaSets(
  rss: readonly (ReplicaSet | undefined)[],
): number | undefined {
  let total = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const status: RSStatus | undefined = rs.status;
    // A ReplicaSet its controller has not synced yet has nothing terminating.
    if ((status?.observedGeneration ?? 0) === 0 && status?.terminatingReplicas === undefined) continue;
    if (status?.terminatingReplicas === undefined) return undefined;
    total += status.terminatingReplicas;
  }
  return total;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetReadyReplicaCountForReplicaSets
export function getReadyReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetAvailableReplicaCountForReplicaSets
export function getAvailableReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.availableReplicas ?? 0);
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go IsRollingUpdate
export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate';
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go DeploymentComplete
export function deploymentComplete(d: Deployment, newStatus: DeploymentStatus): boolean {
  const replicas = dReplicas(d);
  return (
    (newStatus.updatedReplicas ?? 0) === replicas &&
    (newStatus.replicas ?? 0) === replicas &&
    (newStatus.availableReplicas ?? 0) === replicas &&
    (newStatus.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go DeploymentProgressing
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go DeploymentTimedOut
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(newStatus, 'Progressing');
  if (!condition) return false;
  if (condition.reason === newRSAvailableReason) return false;
  if (condition.reason === timedOutReason) return true;
  const from = parseTime(condition.lastUpdateTime);
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/** NewRSNewReplicas with the numbers behind it, for the "why" trace. */
export interface NewRSNewReplicasResult {
  replicas: number;
  maxSurge: number;
  maxTotalPods: number;
  currentPodCount: number;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go NewRSNewReplicas
export function newRSNewReplicasWhy(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): [NewRSNewReplicasResult, Error | null] {
  const replicas = dReplicas(d);
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  switch (d.spec?.strategy?.type) {
    case 'RollingUpdate': {
      const [surge, err] = getScaledValueFromIntOrPercent(
        d.spec.strategy.rollingUpdate?.maxSurge ?? 0,
        replicas,
        true,
      );
      if (err) return [{ replicas: 0, maxSurge: 0, maxTotalPods: 0, currentPodCount }, err];
      const maxTotalPods = replicas + surge;
      const why = { maxSurge: surge, maxTotalPods, currentPodCount };
      if (currentPodCount >= maxTotalPods) return [{ replicas: specReplicas(newRS), ...why }, null];
      const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - specReplicas(newRS));
      return [{ replicas: specReplicas(newRS) + scaleUpCount, ...why }, null];
    }
    case 'Recreate':
      return [{ replicas, maxSurge: 0, maxTotalPods: replicas, currentPodCount }, null];
    default:
      return [
        { replicas: 0, maxSurge: 0, maxTotalPods: 0, currentPodCount },
        new Error(`deployment type ${d.spec?.strategy?.type ?? ''} isn't supported`),
      ];
  }
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go NewRSNewReplicas
export function newRSNewReplicas(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet,
): [number, Error | null] {
  const [r, err] = newRSNewReplicasWhy(d, allRSs, newRS);
  return [r.replicas, err];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go IsSaturated
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desiredString = rs.metadata?.annotations?.[desiredReplicasAnnotation] ?? '';
  const desired = parseGoInt(desiredString);
  if (desired instanceof Error) return false;
  return (
    specReplicas(rs) === dReplicas(d) &&
    desired === dReplicas(d) &&
    (rs.status?.availableReplicas ?? 0) === dReplicas(d)
  );
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ResolveFenceposts
export function resolveFenceposts(
  maxSurgeValue: IntOrString | undefined,
  maxUnavailableValue: IntOrString | undefined,
  desired: number,
): [number, number, Error | null] {
  const [surge, surgeErr] = getScaledValueFromIntOrPercent(maxSurgeValue ?? 0, desired, true);
  if (surgeErr) return [0, 0, surgeErr];
  const [unavailable, unavailableErr] = getScaledValueFromIntOrPercent(
    maxUnavailableValue ?? 0,
    desired,
    false,
  );
  if (unavailableErr) return [0, 0, unavailableErr];
  // Both resolving to zero (by rounding) would stall the rollout; upstream allows one unavailable then.
  return [surge, surge === 0 && unavailable === 0 ? 1 : unavailable, null];
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go HasProgressDeadline
export function hasProgressDeadline(d: Deployment): boolean {
  const v = d.spec?.progressDeadlineSeconds;
  return v !== undefined && v !== maxInt32;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go HasRevisionHistoryLimit
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const v = d.spec?.revisionHistoryLimit;
  return v !== undefined && v !== maxInt32;
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go GetDeploymentsForReplicaSet
export function getDeploymentsForReplicaSet(
  deployments: readonly Deployment[],
  rs: ReplicaSet,
): Deployment[] {
  if (Object.keys(rs.metadata?.labels ?? {}).length === 0) return [];
  return deployments.filter((d) => {
    const sel = labelSelectorAsSelector(d.spec?.selector);
    return sel !== null && sel.length > 0 && selectorMatches(sel, rs.metadata?.labels);
  });
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ReplicaSetsByRevision
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const [ra, ea] = revision(a);
  const [rb, eb] = revision(b);
  if (ea || eb || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}
