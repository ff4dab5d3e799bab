// Cluster objects → the compact frame the view draws. Pure: reads the apiserver, writes nothing.
import {
  getScaledValueFromIntOrPercent,
  labelSelectorAsSelector,
  parseTime,
  selectorMatches,
  type ApiServer,
  type ControllerRevision,
  type Deployment,
  type Node,
  type PersistentVolumeClaim,
  type Pod,
  type PodDisruptionBudget,
  type ReplicaSet,
  type ReplicationController,
  type StatefulSet,
  type Stored,
} from '../../engine/index.ts';
import type {
  ClaimFrame,
  DeploymentFrame,
  Frame,
  NodeFrame,
  PdbFrame,
  PodFrame,
  ReplicaSetFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from '../../view/cluster/frame.ts';
import { printNodeStatus, printPodCells } from './pod-status.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

const controllerOf = (
  o: { metadata: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } },
  kind: string,
) => o.metadata.ownerReferences?.find((r) => r.kind === kind && r.controller !== false)?.name ?? null;

function revisionOf(rs: Stored<ReplicaSet>): number | null {
  const v = rs.metadata.annotations?.[REVISION];
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function nodeFrame(n: Stored<Node>): NodeFrame {
  return {
    uid: n.metadata.uid,
    name: n.metadata.name,
    status: printNodeStatus(n),
    ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    unschedulable: n.spec?.unschedulable === true,
    controlPlane: n.metadata.labels?.[CONTROL_PLANE] !== undefined,
    taints: (n.spec?.taints ?? []).map((t) =>
      t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`,
    ),
    otherPods: 0,
  };
}

function image(template: { spec?: { containers?: { image?: string }[] } } | undefined): string {
  return (template?.spec?.containers ?? []).map((c) => c.image ?? '').join(',');
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util.go ResolveFenceposts
function resolveFenceposts(d: Stored<Deployment>, replicas: number): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  const [surge] = getScaledValueFromIntOrPercent(ru?.maxSurge ?? '25%', replicas, true);
  let [unavailable] = getScaledValueFromIntOrPercent(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export interface FrameOptions {
  /** The namespace drawn (as kubectl, `default` unless told otherwise). Other Pods are only counted per node. */
  namespace?: string;
}

export function deriveFrame(api: ApiServer, opts: FrameOptions = {}): Frame {
  const ns = opts.namespace ?? 'default';
  const nodes = api.list<Node>('Node').map(nodeFrame);
  const rsList = api.list<ReplicaSet>('ReplicaSet', ns);

  // Colour slot: the ReplicaSet's position among its Deployment's ReplicaSets by creation. It never changes,
  // so a rollback brings the old colour back even though the revision number moves on.
  const colorOf = new Map<string, number>();
  const byOwner = new Map<string, Stored<ReplicaSet>[]>();
  for (const rs of rsList) {
    const key = `${rs.metadata.namespace ?? ''}/${controllerOf(rs, 'Deployment') ?? `rs:${rs.metadata.name}`}`;
    const list = byOwner.get(key) ?? [];
    list.push(rs);
    byOwner.set(key, list);
  }
  for (const list of byOwner.values()) {
    list
      .slice()
      .sort(
        (a, b) =>
          parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
          Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
      )
      .forEach((rs, i) => colorOf.set(rs.metadata.uid, i));
  }

  const rsByName = new Map<string, Stored<ReplicaSet>>();
  const replicaSets: ReplicaSetFrame[] = rsList.map((rs) => {
    rsByName.set(`${rs.metadata.namespace ?? ''}/${rs.metadata.name}`, rs);
    return {
      uid: rs.metadata.uid,
      name: rs.metadata.name,
      namespace: rs.metadata.namespace ?? 'default',
      deployment: controllerOf(rs, 'Deployment'),
      revision: revisionOf(rs),
      colorIndex: colorOf.get(rs.metadata.uid) ?? 0,
      desired: rs.spec?.replicas ?? 1,
      current: rs.status?.replicas ?? 0,
      ready: rs.status?.readyReplicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      image: image(rs.spec?.template),
      createdMs: parseTime(rs.metadata.creationTimestamp),
    };
  });

  const replicationControllers = rcFrames(api.list<ReplicationController>('ReplicationController', ns));
  const rcByName = new Map(replicationControllers.map((r) => [r.name, r]));

  const allPods = api.list<Pod>('Pod');
  const claims = claimFrames(api.list<PersistentVolumeClaim>('PersistentVolumeClaim', ns), allPods, ns);
  const claimByName = new Map(claims.map((c) => [c.name, c]));
  const revisions = new Map(
    api
      .list<ControllerRevision>('ControllerRevision', ns)
      .map((r) => [r.metadata.name, typeof r.revision === 'number' ? r.revision : null]),
  );
  const stsList = api.list<StatefulSet>('StatefulSet', ns);
  const statefulSets = stsFrames(stsList, revisions, claims);
  const stsByName = new Map(stsList.map((s) => [s.metadata.name, s]));
  const stsFrameByName = new Map(statefulSets.map((s) => [s.name, s]));

  const byNode = new Map(nodes.map((n) => [n.name, n]));
  for (const p of allPods) {
    if (p.metadata.namespace === ns || p.metadata.deletionTimestamp) continue;
    const n = p.spec?.nodeName ? byNode.get(p.spec.nodeName) : undefined;
    if (n) n.otherPods++;
  }

  const pods: PodFrame[] = allPods
    .filter((p) => p.metadata.namespace === ns)
    .map((p) => {
      const cells = printPodCells(p);
      const rsName = controllerOf(p, 'ReplicaSet');
      const rs = rsName ? rsByName.get(`${p.metadata.namespace ?? ''}/${rsName}`) : undefined;
      const rcName = controllerOf(p, 'ReplicationController');
      const rc = rcName ? rcByName.get(rcName) : undefined;
      return {
        uid: p.metadata.uid,
        name: p.metadata.name,
        namespace: p.metadata.namespace ?? 'default',
        node: p.spec?.nodeName ?? null,
        status: cells.status,
        readyText: cells.ready,
        ready: cells.totalContainers > 0 && cells.readyContainers === cells.totalContainers,
        restarts: cells.restarts,
        phase: p.status?.phase ?? 'Pending',
        terminating: p.metadata.deletionTimestamp !== undefined,
        replicaSet: rsName,
        revision: rs ? revisionOf(rs) : null,
        colorIndex: rs ? (colorOf.get(rs.metadata.uid) ?? 0) : rc ? rc.colorIndex : null,
        createdMs: parseTime(p.metadata.creationTimestamp),
        ...(rcName !== null && { replicationController: rcName, rcOrdinal: rc?.ordinal ?? null }),
        ...stsPodFields(p, stsByName, stsFrameByName, revisions, claimByName),
      };
    });

  const deploymentList = api.list<Deployment>('Deployment', ns);
  const deployments: DeploymentFrame[] = deploymentList.map((d) => {
    const replicas = d.spec?.replicas ?? 1;
    const rolling = (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const [surge, unavailable] = rolling ? resolveFenceposts(d, replicas) : [0, 0];
    const ru = d.spec?.strategy?.rollingUpdate;
    const rev = d.metadata.annotations?.[REVISION];
    return {
      uid: d.metadata.uid,
      name: d.metadata.name,
      namespace: d.metadata.namespace ?? 'default',
      replicas,
      updated: d.status?.updatedReplicas ?? 0,
      ready: d.status?.readyReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
      total: d.status?.replicas ?? 0,
      strategy: d.spec?.strategy?.type ?? 'RollingUpdate',
      maxSurge: rolling ? String(ru?.maxSurge ?? '25%') : '',
      maxUnavailable: rolling ? String(ru?.maxUnavailable ?? '25%') : '',
      maxSurgeCount: surge,
      maxUnavailableCount: unavailable,
      revision: rev !== undefined ? Number(rev) : null,
      image: image(d.spec?.template),
    };
  });

  const pdbs = api
    .list<PodDisruptionBudget>('PodDisruptionBudget', ns)
    .map((b) => pdbFrame(b, deploymentList));

  return {
    nodes,
    pods,
    replicaSets,
    deployments,
    pdbs,
    ...(replicationControllers.length > 0 && { replicationControllers }),
    ...(statefulSets.length > 0 && { statefulSets }),
    ...(claims.length > 0 && { claims }),
  };
}

const POD_INDEX = 'apps.kubernetes.io/pod-index';
const REVISION_HASH = 'controller-revision-hash';

/** The claims of one namespace, each with the Pod (not terminating first) whose volumes name it. */
function claimFrames(list: Stored<PersistentVolumeClaim>[], pods: Stored<Pod>[], ns: string): ClaimFrame[] {
  const user = new Map<string, string>();
  for (const p of pods) {
    if (p.metadata.namespace !== ns) continue;
    for (const v of p.spec?.volumes ?? []) {
      const c = v.persistentVolumeClaim?.claimName;
      if (c && (!user.has(c) || !p.metadata.deletionTimestamp)) user.set(c, p.metadata.name);
    }
  }
  return list.map((c) => ({
    name: c.metadata.name,
    phase: c.status?.phase ?? 'Pending',
    volume: c.spec?.volumeName ?? '',
    pod: user.get(c.metadata.name) ?? null,
  }));
}

/** The ordinal in a StatefulSet Pod's name (`web-2` → 2), as the controller's getOrdinal parses it. */
function ordinalOf(p: Stored<Pod>, set: string): number | null {
  const label = p.metadata.labels?.[POD_INDEX];
  const text = label ?? (p.metadata.name.startsWith(`${set}-`) ? p.metadata.name.slice(set.length + 1) : '');
  return /^(0|[1-9][0-9]*)$/.test(text) ? Number(text) : null;
}

/** StatefulSets of one namespace, coloured by creation; their claims are `<template>-<set>-<ordinal>`. */
function stsFrames(
  list: Stored<StatefulSet>[],
  revisions: Map<string, number | null>,
  claims: ClaimFrame[],
): StatefulSetFrame[] {
  const order = list
    .slice()
    .sort(
      (a, b) =>
        parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
        Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
    );
  const slot = new Map(order.map((s, i) => [s.metadata.uid, i]));
  return list.map((s) => {
    const st = s.status;
    const templates = (s.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
    const own: { claim: ClaimFrame; ordinal: number; template: string }[] = [];
    for (const c of claims) {
      for (const tpl of templates) {
        const prefix = `${tpl}-${s.metadata.name}-`;
        const rest = c.name.startsWith(prefix) ? c.name.slice(prefix.length) : '';
        if (/^(0|[1-9][0-9]*)$/.test(rest)) own.push({ claim: c, ordinal: Number(rest), template: tpl });
      }
    }
    own.sort((a, b) => a.ordinal - b.ordinal || (a.template < b.template ? -1 : 1));
    const rev = (name: string | undefined) => (name ? (revisions.get(name) ?? null) : null);
    return {
      uid: s.metadata.uid,
      name: s.metadata.name,
      namespace: s.metadata.namespace ?? 'default',
      colorIndex: slot.get(s.metadata.uid) ?? 0,
      desired: s.spec?.replicas ?? 1,
      current: st?.replicas ?? 0,
      ready: st?.readyReplicas ?? 0,
      updated: st?.updatedReplicas ?? 0,
      currentRevision: rev(st?.currentRevision),
      updateRevision: rev(st?.updateRevision),
      strategy: s.spec?.updateStrategy?.type ?? 'RollingUpdate',
      partition: s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0,
      image: image(s.spec?.template),
      claims: own.map((o) => o.claim),
      createdMs: parseTime(s.metadata.creationTimestamp),
    };
  });
}

function stsPodFields(
  p: Stored<Pod>,
  stsByName: Map<string, Stored<StatefulSet>>,
  frames: Map<string, StatefulSetFrame>,
  revisions: Map<string, number | null>,
  claimByName: Map<string, ClaimFrame>,
): Partial<PodFrame> {
  const out: Partial<PodFrame> = {};
  const name = controllerOf(p, 'StatefulSet');
  if (name !== null) {
    const set = stsByName.get(name);
    const hash = p.metadata.labels?.[REVISION_HASH];
    out.statefulSet = name;
    out.stsOrdinal = ordinalOf(p, name);
    out.stsRevision = hash ? (revisions.get(hash) ?? null) : null;
    out.stsUpdated = hash !== undefined && hash === set?.status?.updateRevision;
    out.colorIndex = frames.get(name)?.colorIndex ?? null;
  }
  const claims = (p.spec?.volumes ?? [])
    .map((v) => v.persistentVolumeClaim?.claimName)
    .filter((c): c is string => !!c)
    .map((c) => claimByName.get(c) ?? { name: c, phase: 'Pending', volume: '', pod: p.metadata.name });
  if (claims.length > 0) out.claims = claims;
  return out;
}

/**
 * ReplicationControllers of one namespace, numbered by creation (`rc1` is the oldest present). A rolling-update's
 * new controller is created after the old one, so the two never share a colour or a badge; when the old one is
 * deleted the new one becomes `rc1` (the frame knows only what exists now).
 */
function rcFrames(list: Stored<ReplicationController>[]): ReplicationControllerFrame[] {
  const order = list
    .slice()
    .sort(
      (a, b) =>
        parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
        Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion) ||
        (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0),
    );
  const ordinal = new Map(order.map((rc, i) => [rc.metadata.uid, i + 1]));
  return list.map((rc) => {
    const n = ordinal.get(rc.metadata.uid) ?? 1;
    const selector = rc.spec?.selector ?? {};
    return {
      uid: rc.metadata.uid,
      name: rc.metadata.name,
      namespace: rc.metadata.namespace ?? 'default',
      ordinal: n,
      colorIndex: n - 1,
      desired: rc.spec?.replicas ?? 1,
      current: rc.status?.replicas ?? 0,
      ready: rc.status?.readyReplicas ?? 0,
      available: rc.status?.availableReplicas ?? 0,
      image: image(rc.spec?.template),
      // As labels.FormatLabels prints a map: keys sorted, `k=v` joined by commas.
      selector: Object.keys(selector)
        .sort()
        .map((k) => `${k}=${selector[k]}`)
        .join(','),
      createdMs: parseTime(rc.metadata.creationTimestamp),
    };
  });
}

function pdbFrame(b: Stored<PodDisruptionBudget>, deploymentList: Stored<Deployment>[]): PdbFrame {
  const spec = b.spec ?? {};
  const st = b.status;
  const rule =
    spec.minAvailable !== undefined
      ? { field: 'minAvailable' as const, value: String(spec.minAvailable) }
      : spec.maxUnavailable !== undefined
        ? { field: 'maxUnavailable' as const, value: String(spec.maxUnavailable) }
        : null;
  // The workload row it belongs to: the first Deployment (by name) whose Pod template the selector matches.
  const sel = labelSelectorAsSelector(spec.selector);
  const target = sel
    ? deploymentList
        .filter((d) => selectorMatches(sel, d.spec?.template.metadata?.labels))
        .map((d) => d.metadata.name)
        .sort()[0]
    : undefined;
  return {
    uid: b.metadata.uid,
    name: b.metadata.name,
    namespace: b.metadata.namespace ?? 'default',
    rule,
    deployment: target ?? null,
    expectedPods: st?.expectedPods ?? 0,
    currentHealthy: st?.currentHealthy ?? 0,
    desiredHealthy: st?.desiredHealthy ?? 0,
    disruptionsAllowed: st?.disruptionsAllowed ?? 0,
  };
}

/** Returns `prev` when `next` draws the same picture, so subscribers can skip work by identity. */
export function stableFrame(prev: Frame, next: Frame): Frame {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
