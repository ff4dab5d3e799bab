// kubectl's own copy of the deployment helpers it needs on the client side (kubectl/pkg/util/deployment).
import {
  deepCopy,
  labelSelectorAsSelector,
  parseTime,
  type Deployment,
  type DeploymentCondition,
  type PodTemplateSpec,
  type ReplicaSet,
  type Stored,
} from '../../engine/index.ts';
import type { CommandEnv } from '../process.ts';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const deprecatedRollbackTo = 'deprecated.deployment.rollback.to';
export const lastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
export const defaultDeploymentUniqueLabelKey = 'pod-template-hash';
export const timedOutReason = 'ProgressDeadlineExceeded';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go Revision
/** The object's revision annotation as a number, or undefined when missing or not an integer. */
export function revision(obj: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata?.annotations?.[revisionAnnotation];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go GetDeploymentCondition
export function getDeploymentCondition(d: Deployment, type: string): DeploymentCondition | undefined {
  return d.status?.conditions?.find((c) => c.type === type);
}

/** apimachinery's Semantic.DeepEqual for decoded API data: nil and empty maps/slices are equal. */
export function semanticDeepEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => semanticDeepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticDeepEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = deepCopy(t ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[defaultDeploymentUniqueLabelKey];
  return copy;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go EqualIgnoreHash
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return semanticDeepEqual(withoutHash(t1), withoutHash(t2));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go listReplicaSets
function listReplicaSets(env: CommandEnv, d: Stored<Deployment>): Stored<ReplicaSet>[] {
  const sel = labelSelectorAsSelector(d.spec?.selector);
  if (!sel) return [];
  return env.cluster.api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace, sel)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go GetAllReplicaSets
/** The Deployment's old ReplicaSets and its new one (the oldest whose template matches). */
export function getAllReplicaSets(
  env: CommandEnv,
  d: Stored<Deployment>,
): { allOld: Stored<ReplicaSet>[]; newRS?: Stored<ReplicaSet> } {
  const rsList = listReplicaSets(env, d);
  const byAge = [...rsList].sort((a, b) => {
    const ta = parseTime(a.metadata.creationTimestamp);
    const tb = parseTime(b.metadata.creationTimestamp);
    return ta !== tb ? ta - tb : a.metadata.name < b.metadata.name ? -1 : 1;
  });
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { allOld: rsList.filter((rs) => rs !== newRS), newRS };
}
