// Pure layout: frame + size → positioned marks. No DOM, no D3 selection; unit-tested in Node.
//
// Top band: one row per Deployment (its card, then its ReplicaSets in creation order).
// Below: the nodes side by side as boxes (a waiting area first when some pod is not scheduled),
// pods in a grid inside, all pods the same size so they compare at a glance.
import type { DeploymentFrame, Frame, NodeFrame, PodFrame, ReplicaSetFrame } from './frame.ts';

/** How a pod is drawn; one value per kubectl STATUS family (product.md, visual language). */
export type PodVisual =
  'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'pullError' | 'crash' | 'done';

export function podVisual(
  pod: Pick<PodFrame, 'status' | 'ready' | 'terminating' | 'phase' | 'node'>,
): PodVisual {
  if (pod.terminating || pod.status === 'Terminating') return 'terminating';
  switch (pod.status) {
    case 'ErrImagePull':
    case 'ImagePullBackOff':
    case 'InvalidImageName':
    case 'ErrImageNeverPull':
      return 'pullError';
    case 'CrashLoopBackOff':
    case 'Error':
    case 'RunContainerError':
    case 'CreateContainerError':
    case 'OOMKilled':
      return 'crash';
    case 'ContainerCreating':
    case 'PodInitializing':
      return 'creating';
    case 'Completed':
    case 'Succeeded':
      return 'done';
  }
  if (pod.phase === 'Pending' || !pod.node) return 'pending';
  return pod.ready ? 'ready' : 'running';
}

export interface Size {
  width: number;
  height: number;
}

export interface DeploymentMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  data: DeploymentFrame;
}

export interface ReplicaSetMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** False for an old ReplicaSet scaled to zero (drawn faded). */
  active: boolean;
  data: ReplicaSetFrame;
}

export interface NodeMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The waiting area for unscheduled pods is laid out like a node. */
  waiting: boolean;
  podCount: number;
  data: NodeFrame | null;
}

export interface PodMark {
  uid: string;
  x: number;
  y: number;
  size: number;
  visual: PodVisual;
  /** `r2`, or empty for a pod without a revision (a bare pod). */
  label: string;
  data: PodFrame;
}

export interface ClusterLayout {
  width: number;
  height: number;
  /** Base font size in px; grows on large screens (projector). */
  fontSize: number;
  deployments: DeploymentMark[];
  replicaSets: ReplicaSetMark[];
  nodes: NodeMark[];
  pods: PodMark[];
  /** How many old, inactive ReplicaSets were left out of a full row. */
  hiddenReplicaSets: number;
}

export const WAITING_UID = '__waiting__';
const PAD = 12;
const GAP = 12;
const MAX_RS_PER_ROW = 5;

export function fontSizeFor(width: number): number {
  return Math.round(Math.max(12, Math.min(18, width / 70)));
}

/** Pod side length and columns so that `n` pods fit `w × h` (gap = a quarter of the side). */
export function fitGrid(n: number, w: number, h: number, maxSize: number): { size: number; cols: number } {
  const count = Math.max(1, n);
  for (let s = Math.floor(maxSize); s > 6; s--) {
    const gap = Math.max(2, Math.round(s / 4));
    const cols = Math.max(1, Math.floor((w + gap) / (s + gap)));
    const rows = Math.ceil(count / cols);
    if (rows * (s + gap) - gap <= h) return { size: s, cols };
  }
  return { size: 6, cols: Math.max(1, Math.floor((w + 2) / 8)) };
}

function byCreation<T extends { createdMs: number; name: string }>(a: T, b: T): number {
  return a.createdMs - b.createdMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function layoutWorkloads(frame: Frame, width: number, fontSize: number) {
  const deployments: DeploymentMark[] = [];
  const replicaSets: ReplicaSetMark[] = [];
  let hidden = 0;
  const rowH = Math.round(fontSize * 5.6);
  let y = PAD;
  const rsByDeployment = new Map<string, ReplicaSetFrame[]>();
  for (const rs of frame.replicaSets) {
    const key = `${rs.namespace}/${rs.deployment ?? ''}`;
    const list = rsByDeployment.get(key) ?? [];
    list.push(rs);
    rsByDeployment.set(key, list);
  }
  for (const d of frame.deployments) {
    const cardW = Math.min(Math.round(fontSize * 20), Math.round((width - 2 * PAD) * 0.34));
    deployments.push({ uid: d.uid, x: PAD, y, width: cardW, height: rowH, data: d });
    let list = (rsByDeployment.get(`${d.namespace}/${d.name}`) ?? []).slice().sort(byCreation);
    if (list.length > MAX_RS_PER_ROW) {
      // Keep every active ReplicaSet and fill the rest with the newest inactive ones.
      const keep = new Set(list.filter((r) => r.desired > 0 || r.current > 0).map((r) => r.uid));
      for (const r of list.slice().reverse()) if (keep.size < MAX_RS_PER_ROW) keep.add(r.uid);
      hidden += list.length - keep.size;
      list = list.filter((r) => keep.has(r.uid));
    }
    const x0 = PAD + cardW + GAP;
    const avail = width - PAD - x0;
    const n = Math.max(list.length, 3);
    const rsW = Math.min(Math.round(fontSize * 17), Math.floor((avail - GAP * (n - 1)) / n));
    list.forEach((rs, i) => {
      replicaSets.push({
        uid: rs.uid,
        x: x0 + i * (rsW + GAP),
        y,
        width: rsW,
        height: rowH,
        active: rs.desired > 0 || rs.current > 0,
        data: rs,
      });
    });
    y += rowH + GAP;
  }
  // Bare ReplicaSets without a Deployment get a row of their own.
  const orphans = frame.replicaSets.filter((r) => r.deployment === null).sort(byCreation);
  if (orphans.length > 0) {
    const n = Math.max(orphans.length, 3);
    const rsW = Math.min(Math.round(fontSize * 17), Math.floor((width - 2 * PAD - GAP * (n - 1)) / n));
    orphans.slice(0, MAX_RS_PER_ROW).forEach((rs, i) => {
      replicaSets.push({
        uid: rs.uid,
        x: PAD + i * (rsW + GAP),
        y,
        width: rsW,
        height: rowH,
        active: true,
        data: rs,
      });
    });
    y += rowH + GAP;
  }
  return { deployments, replicaSets, bottom: y, hidden };
}

export function layoutCluster(frame: Frame, size: Size): ClusterLayout {
  const width = Math.max(320, size.width);
  const height = Math.max(240, size.height);
  const fontSize = fontSizeFor(width);
  const work = layoutWorkloads(frame, width, fontSize);

  // Group pods by node; unscheduled (and unknown-node) pods wait outside.
  const nodeNames = new Set(frame.nodes.map((n) => n.name));
  const podsByNode = new Map<string, PodFrame[]>();
  const waitingPods: PodFrame[] = [];
  for (const p of frame.pods) {
    if (p.node && nodeNames.has(p.node)) {
      const list = podsByNode.get(p.node) ?? [];
      list.push(p);
      podsByNode.set(p.node, list);
    } else waitingPods.push(p);
  }

  interface Box {
    uid: string;
    waiting: boolean;
    data: NodeFrame | null;
    pods: PodFrame[];
    weight: number;
  }
  const boxes: Box[] = [];
  if (waitingPods.length > 0)
    boxes.push({ uid: WAITING_UID, waiting: true, data: null, pods: waitingPods, weight: 0.7 });
  for (const n of frame.nodes) {
    const pods = podsByNode.get(n.name) ?? [];
    // An empty control-plane node needs little room; a worker always gets a full share.
    boxes.push({
      uid: n.uid,
      waiting: false,
      data: n,
      pods,
      weight: n.controlPlane && pods.length === 0 ? 0.55 : 1,
    });
  }

  const top = work.bottom + (work.deployments.length > 0 || work.replicaSets.length > 0 ? 4 : 0);
  const nodeH = Math.max(fontSize * 8, height - top - PAD);
  const totalWeight = boxes.reduce((s, b) => s + b.weight, 0) || 1;
  const innerW = width - 2 * PAD - GAP * Math.max(0, boxes.length - 1);
  const header = Math.round(fontSize * 3.6);
  const inset = Math.round(fontSize * 0.8);
  // Room under the pods for the "other namespaces" note.
  const footer = Math.round(fontSize * 1.5);

  // One pod size for all boxes: the largest that fits the fullest box.
  let podSize = Math.round(fontSize * 4);
  const widths = boxes.map((b) => Math.floor((innerW * b.weight) / totalWeight));
  boxes.forEach((b, i) => {
    if (b.pods.length === 0) return;
    const fit = fitGrid(b.pods.length, widths[i]! - 2 * inset, nodeH - header - footer, podSize);
    podSize = Math.min(podSize, fit.size);
  });
  const gap = Math.max(2, Math.round(podSize / 4));

  const nodes: NodeMark[] = [];
  const pods: PodMark[] = [];
  let x = PAD;
  boxes.forEach((b, i) => {
    const w = widths[i]!;
    nodes.push({
      uid: b.uid,
      x,
      y: top,
      width: w,
      height: nodeH,
      waiting: b.waiting,
      podCount: b.pods.length,
      data: b.data,
    });
    const cols = Math.max(1, Math.floor((w - 2 * inset + gap) / (podSize + gap)));
    b.pods.sort(byCreation).forEach((p, j) => {
      pods.push({
        uid: p.uid,
        x: x + inset + (j % cols) * (podSize + gap),
        y: top + header + Math.floor(j / cols) * (podSize + gap),
        size: podSize,
        visual: podVisual(p),
        label: p.revision !== null ? `r${p.revision}` : '',
        data: p,
      });
    });
    x += w + GAP;
  });

  return {
    width,
    height,
    fontSize,
    deployments: work.deployments,
    replicaSets: work.replicaSets,
    nodes,
    pods,
    hiddenReplicaSets: work.hidden,
  };
}
