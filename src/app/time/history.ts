// Replica counts over virtual time, for the guardrail chart: one point per change of a Deployment or
// ReplicaSet outside kube-system, stamped with session time. Collected from the apiserver's watch, so a replay
// after a rewind collects exactly the same points.
import {
  getScaledValueFromIntOrPercent,
  type Cluster,
  type Deployment,
  type ReplicaSet,
} from '../../engine/index.ts';

export interface ReplicaSetPoint {
  t: number;
  desired: number;
  total: number;
  available: number;
}

export interface ReplicaSetSeries {
  uid: string;
  name: string;
  namespace: string;
  deployment: string | null;
  revision: number | null;
  points: ReplicaSetPoint[];
}

export interface DeploymentPoint {
  t: number;
  replicas: number;
  updated: number;
  available: number;
  total: number;
  /** As written in the spec (`25%`, `1`); empty for Recreate. */
  maxSurge: string;
  maxUnavailable: string;
  /** Resolved as the controller does: surge rounds up, unavailable rounds down. */
  maxSurgeCount: number;
  maxUnavailableCount: number;
}

export interface DeploymentSeries {
  name: string;
  namespace: string;
  points: DeploymentPoint[];
}

export interface History {
  deployments(): ReadonlyMap<string, DeploymentSeries>;
  replicaSets(): ReadonlyMap<string, ReplicaSetSeries>;
  /** Bumped on every new point. */
  version(): number;
  attach(cluster: Cluster): void;
  clear(): void;
  dispose(): void;
}

const REVISION = 'deployment.kubernetes.io/revision';

function push<P extends { t: number }>(points: P[], p: P, same: (a: P, b: P) => boolean): boolean {
  const last = points[points.length - 1];
  if (last && last.t === p.t) {
    points[points.length - 1] = p;
    return true;
  }
  if (last && same(last, p)) return false;
  points.push(p);
  return true;
}

const sameRs = (a: ReplicaSetPoint, b: ReplicaSetPoint) =>
  a.desired === b.desired && a.total === b.total && a.available === b.available;
const sameDeploy = (a: DeploymentPoint, b: DeploymentPoint) =>
  a.replicas === b.replicas &&
  a.updated === b.updated &&
  a.available === b.available &&
  a.total === b.total &&
  a.maxSurgeCount === b.maxSurgeCount &&
  a.maxUnavailableCount === b.maxUnavailableCount;

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ResolveFenceposts
export function resolveFenceposts(d: Deployment): [number, number, string, string] {
  if (d.spec?.strategy?.type === 'Recreate') return [0, 0, '', ''];
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate;
  const surgeSpec = String(ru?.maxSurge ?? '25%');
  const unavailableSpec = String(ru?.maxUnavailable ?? '25%');
  const [surge] = getScaledValueFromIntOrPercent(ru?.maxSurge ?? '25%', replicas, true);
  let [unavailable] = getScaledValueFromIntOrPercent(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge ?? 0, unavailable ?? 0, surgeSpec, unavailableSpec];
}

export function createHistory(now: () => number): History {
  const deployments = new Map<string, DeploymentSeries>();
  const replicaSets = new Map<string, ReplicaSetSeries>();
  let version = 0;
  let unwatch: (() => void) | null = null;

  const onRs = (rs: ReplicaSet & { metadata: { uid: string; name: string } }, deleted: boolean) => {
    const ns = rs.metadata.namespace ?? 'default';
    let s = replicaSets.get(rs.metadata.uid);
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? NaN);
    if (!s) {
      s = {
        uid: rs.metadata.uid,
        name: rs.metadata.name,
        namespace: ns,
        deployment: rs.metadata.ownerReferences?.find((o) => o.kind === 'Deployment')?.name ?? null,
        revision: null,
        points: [],
      };
      replicaSets.set(rs.metadata.uid, s);
    }
    if (Number.isFinite(rev)) s.revision = rev;
    const p: ReplicaSetPoint = deleted
      ? { t: now(), desired: 0, total: 0, available: 0 }
      : {
          t: now(),
          desired: rs.spec?.replicas ?? 1,
          total: rs.status?.replicas ?? 0,
          available: rs.status?.availableReplicas ?? 0,
        };
    if (push(s.points, p, sameRs)) version++;
  };

  const onDeployment = (d: Deployment & { metadata: { name: string } }, deleted: boolean) => {
    const ns = d.metadata.namespace ?? 'default';
    const key = `${ns}/${d.metadata.name}`;
    let s = deployments.get(key);
    if (!s) {
      s = { name: d.metadata.name, namespace: ns, points: [] };
      deployments.set(key, s);
    }
    if (deleted) return;
    const [surge, unavailable, surgeSpec, unavailableSpec] = resolveFenceposts(d);
    const p: DeploymentPoint = {
      t: now(),
      replicas: d.spec?.replicas ?? 1,
      updated: d.status?.updatedReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
      total: d.status?.replicas ?? 0,
      maxSurge: surgeSpec,
      maxUnavailable: unavailableSpec,
      maxSurgeCount: surge,
      maxUnavailableCount: unavailable,
    };
    if (push(s.points, p, sameDeploy)) version++;
  };

  const history: History = {
    deployments: () => deployments,
    replicaSets: () => replicaSets,
    version: () => version,
    attach(cluster) {
      unwatch?.();
      unwatch = cluster.api.watch('*', (e) => {
        const o = e.object;
        if (o.metadata.namespace === 'kube-system') return;
        if (o.kind === 'ReplicaSet')
          onRs(o as ReplicaSet & { metadata: { uid: string; name: string } }, e.type === 'DELETED');
        else if (o.kind === 'Deployment')
          onDeployment(o as Deployment & { metadata: { name: string } }, e.type === 'DELETED');
      });
    },
    clear() {
      deployments.clear();
      replicaSets.clear();
      version++;
    },
    dispose() {
      unwatch?.();
      unwatch = null;
    },
  };
  return history;
}
