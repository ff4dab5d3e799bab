// Evaluates a step's outcome check against the cluster (and the commands run so far).
import {
  isPodReady,
  parseSelector,
  type Cluster,
  type Deployment,
  type KubeObject,
  type Node,
  type PersistentVolumeClaim,
  type Pod,
  type PodDisruptionBudget,
  type ReplicaSet,
  type StatefulSet,
} from '../engine/index.ts';
import type { Check } from './schema.ts';

export interface CheckContext {
  cluster: Cluster;
  commands: readonly string[];
}

function deploymentComplete(
  check: Extract<Check, { type: 'deploymentComplete' }>,
  cluster: Cluster,
): boolean {
  const ns = check.namespace ?? 'default';
  const d = cluster.api.get<Deployment>('Deployment', ns, check.name);
  if (!d) return false;
  const replicas = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  if (check.replicas !== undefined && replicas !== check.replicas) return false;
  if (
    check.image !== undefined &&
    !(d.spec?.template.spec?.containers ?? []).some((c) => c.image === check.image)
  )
    return false;
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
  if ((st.updatedReplicas ?? 0) < replicas) return false;
  if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) return false;
  if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) return false;
  if (check.settled) {
    const mine = cluster.api
      .listOwnedBy<ReplicaSet>('ReplicaSet', d.metadata.uid)
      .flatMap((rs) => cluster.api.listOwnedBy<Pod>('Pod', rs.metadata.uid));
    if (mine.some((p) => p.metadata.deletionTimestamp)) return false;
    if (mine.length !== replicas) return false;
  }
  return true;
}

type CheckOf<T extends Check['type']> = Extract<Check, { type: T }>;

function deploymentStatus(check: CheckOf<'deploymentStatus'>, cluster: Cluster): boolean {
  const d = cluster.api.get<Deployment>('Deployment', check.namespace ?? 'default', check.name);
  if (!d) return false;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
  const want: [number | undefined, number | undefined][] = [
    [check.replicas, st.replicas],
    [check.updatedReplicas, st.updatedReplicas],
    [check.readyReplicas, st.readyReplicas],
    [check.availableReplicas, st.availableReplicas],
  ];
  return want.every(([w, got]) => w === undefined || w === (got ?? 0));
}

function replicaSet(check: CheckOf<'replicaSet'>, cluster: Cluster): boolean {
  const d = cluster.api.get<Deployment>('Deployment', check.namespace ?? 'default', check.deployment);
  if (!d) return false;
  return cluster.api
    .listOwnedBy<ReplicaSet>('ReplicaSet', d.metadata.uid)
    .filter((rs) => (rs.spec?.template?.spec?.containers ?? []).some((c) => c.image === check.image))
    .some(
      (rs) =>
        (check.replicas === undefined || (rs.spec?.replicas ?? 1) === check.replicas) &&
        (check.readyReplicas === undefined || (rs.status?.readyReplicas ?? 0) === check.readyReplicas),
    );
}

function pods(check: CheckOf<'pods'>, cluster: Cluster): boolean {
  const [selector, err] = parseSelector(check.selector);
  if (err !== null) return false;
  const waiting = check.waiting;
  const matching = cluster.api
    .list<Pod>('Pod', check.namespace ?? 'default', selector)
    .filter(
      (p) =>
        (check.node === undefined || p.spec?.nodeName === check.node) &&
        (check.terminating === undefined || !!p.metadata.deletionTimestamp === check.terminating) &&
        (check.ready === undefined || isPodReady(p) === check.ready) &&
        (waiting === undefined ||
          (p.status?.containerStatuses ?? []).some((c) => waiting.includes(c.state?.waiting?.reason ?? ''))),
    );
  return matching.length === check.count;
}

// Models kubernetes/pkg/printers/internalversion/printers.go printNode (the STATUS column's Ready/NotReady)
function nodeReady(check: CheckOf<'nodeReady'>, cluster: Cluster): boolean {
  const node = cluster.api.get<Node>('Node', undefined, check.name);
  if (!node) return false;
  const ready = (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  return ready === check.ready;
}

function nodeSchedulable(check: CheckOf<'nodeSchedulable'>, cluster: Cluster): boolean {
  const node = cluster.api.get<Node>('Node', undefined, check.name);
  if (!node) return false;
  return (node.spec?.unschedulable !== true) === check.schedulable;
}

function pdb(check: CheckOf<'pdb'>, cluster: Cluster): boolean {
  const b = cluster.api.get<PodDisruptionBudget>(
    'PodDisruptionBudget',
    check.namespace ?? 'default',
    check.name,
  );
  if (!b) return false;
  const st = b.status;
  if (!st || (b.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
  const want: [number | undefined, number][] = [
    [check.disruptionsAllowed, st.disruptionsAllowed],
    [check.currentHealthy, st.currentHealthy],
    [check.desiredHealthy, st.desiredHealthy],
    [check.expectedPods, st.expectedPods],
  ];
  return want.every(([w, got]) => w === undefined || w === got);
}

/** What the check reads of a ReplicationController (core/v1). */
interface ReplicationControllerLike extends KubeObject {
  spec?: { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  status?: { readyReplicas?: number; observedGeneration?: number };
}

function replicationController(check: CheckOf<'replicationController'>, cluster: Cluster): boolean {
  const name = new RegExp(`^(?:${check.name})$`);
  const matching = cluster.api
    .list<ReplicationControllerLike>('ReplicationController', check.namespace ?? 'default')
    .filter((rc) => {
      if (!name.test(rc.metadata.name)) return false;
      const containers = rc.spec?.template?.spec?.containers ?? [];
      if (check.image !== undefined && !containers.some((c) => c.image === check.image)) return false;
      if (check.containers !== undefined && containers.length !== check.containers) return false;
      if (check.replicas !== undefined && (rc.spec?.replicas ?? 1) !== check.replicas) return false;
      if (check.readyReplicas !== undefined) {
        const st = rc.status ?? {};
        if ((rc.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
        if ((st.readyReplicas ?? 0) !== check.readyReplicas) return false;
      }
      return true;
    });
  return matching.length === (check.count ?? 1);
}

function statefulSet(check: CheckOf<'statefulSet'>, cluster: Cluster): boolean {
  const set = cluster.api.get<StatefulSet>('StatefulSet', check.namespace ?? 'default', check.name);
  if (!set) return false;
  const st = set.status;
  if (!st || (set.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
  if (check.image !== undefined && set.spec?.template.spec?.containers[0]?.image !== check.image)
    return false;
  if (
    check.revisionsMatch !== undefined &&
    (st.currentRevision === st.updateRevision) !== check.revisionsMatch
  )
    return false;
  const want: [number | undefined, number | undefined][] = [
    [check.replicas, st.replicas],
    [check.readyReplicas, st.readyReplicas],
    [check.updatedReplicas, st.updatedReplicas],
  ];
  return want.every(([w, got]) => w === undefined || w === (got ?? 0));
}

function claims(check: CheckOf<'claims'>, cluster: Cluster): boolean {
  const [selector, err] = parseSelector(check.selector);
  if (err !== null) return false;
  return (
    cluster.api
      .list<PersistentVolumeClaim>('PersistentVolumeClaim', check.namespace ?? 'default', selector)
      .filter((c) => check.phase === undefined || c.status?.phase === check.phase).length === check.count
  );
}

function podImage(check: CheckOf<'podImage'>, cluster: Cluster): boolean {
  const p = cluster.api.get<Pod>('Pod', check.namespace ?? 'default', check.name);
  if (!p || p.metadata.deletionTimestamp) return false;
  if (check.ready !== undefined && isPodReady(p) !== check.ready) return false;
  return p.spec?.containers[0]?.image === check.image;
}

export function evaluateCheck(check: Check, ctx: CheckContext): boolean {
  switch (check.type) {
    case 'deploymentComplete':
      return deploymentComplete(check, ctx.cluster);
    case 'deploymentStatus':
      return deploymentStatus(check, ctx.cluster);
    case 'replicaSet':
      return replicaSet(check, ctx.cluster);
    case 'pods':
      return pods(check, ctx.cluster);
    case 'nodeReady':
      return nodeReady(check, ctx.cluster);
    case 'nodeSchedulable':
      return nodeSchedulable(check, ctx.cluster);
    case 'pdb':
      return pdb(check, ctx.cluster);
    case 'replicationController':
      return replicationController(check, ctx.cluster);
    case 'statefulSet':
      return statefulSet(check, ctx.cluster);
    case 'claims':
      return claims(check, ctx.cluster);
    case 'podImage':
      return podImage(check, ctx.cluster);
    case 'commandRun': {
      const re = new RegExp(check.pattern);
      return ctx.commands.some((c) => re.test(c.trim()));
    }
    case 'all':
      return check.checks.every((c) => evaluateCheck(c, ctx));
  }
}
