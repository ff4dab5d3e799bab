// Pure layout: frame + size → positioned marks. No DOM, no D3 selection; unit-tested in Node.
//
// Top band: one row per Deployment (its card, then its ReplicaSets in creation order), then bare ReplicaSets,
// then the ReplicationControllers (core/v1, no Deployment above them) in creation order.
// Below: the nodes side by side as boxes (a waiting area first when some pod is not scheduled),
// pods in a grid inside, all pods the same size so they compare at a glance.
import type {
  DeploymentFrame,
  Frame,
  NodeFrame,
  PdbFrame,
  PodFrame,
  ReplicaSetFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from './frame.ts';
import { rcBadge } from './rc-card.ts';
import { revLabel, stsPodLabel } from './sts-card.ts';

/** How a pod is drawn; one value per kubectl STATUS family (product.md, visual language). */
export type PodVisual =
  'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'pullError' | 'crash' | 'done' | 'unknown';

const PULL_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const CRASHES = new Set([
  'CrashLoopBackOff',
  'Error',
  'RunContainerError',
  'CreateContainerError',
  'CreateContainerConfigError',
  'StartError',
  'OOMKilled',
  'Evicted',
  'Failed',
  'DeadlineExceeded',
]);

export function podVisual(
  pod: Pick<PodFrame, 'status' | 'ready' | 'terminating' | 'phase' | 'node'>,
): PodVisual {
  if (pod.terminating || pod.status === 'Terminating') return 'terminating';
  // printPod prefixes init container states (`Init:ErrImagePull`, `Init:0/1`); judge the state itself.
  const init = pod.status.startsWith('Init:');
  const status = init ? pod.status.slice(5) : pod.status;
  if (PULL_ERRORS.has(status)) return 'pullError';
  if (CRASHES.has(status) || status.startsWith('ExitCode:') || status.startsWith('Signal:')) return 'crash';
  if (status === 'Unknown' || status === 'ContainerStatusUnknown') return 'unknown';
  if (init || status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (pod.phase === 'Failed') return 'crash';
  if (pod.phase === 'Succeeded') return 'done';
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
  /** An inactive ReplicaSet drawn as a narrow chip (its revision only); still clickable. */
  collapsed: boolean;
  data: ReplicaSetFrame;
}

/** A ReplicationController card: placed as a ReplicaSet card, never collapsed (RCs are no revision history). */
export interface ReplicationControllerMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** False while scaled to zero (drawn faded and dashed, as an old ReplicaSet). */
  active: boolean;
  collapsed: false;
  data: ReplicationControllerFrame;
}

/** A StatefulSet card: taller than a ReplicaSet card (update progress and claims lines), never collapsed. */
export interface StatefulSetMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** False while scaled to zero with no Pods left (drawn faded and dashed; its claims remain). */
  active: boolean;
  collapsed: false;
  data: StatefulSetFrame;
}

export interface PdbMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  data: PdbFrame;
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
  /** `r2`, `rc1` for a ReplicationController's pod, the ordinal (`0`, `1`) for a StatefulSet's, or empty. */
  label: string;
  /** A StatefulSet Pod's revision (`r2`, from its controller-revision-hash), drawn small; else empty. */
  mark: string;
  data: PodFrame;
}

/** The STATUS caption under each pod, when pods are large enough to carry one. */
export interface PodCaption {
  fontSize: number;
  /** Characters per caption line (estimated, no measuring). */
  maxChars: number;
}

export interface ClusterLayout {
  width: number;
  height: number;
  /** Base font size in px; grows on large screens (projector). */
  fontSize: number;
  /** Font size inside node boxes: smaller when many nodes share the view. */
  nodeFontSize: number;
  /** Node headers as one line (name and chip), taints on a second line only when a node has any. */
  compactNodes: boolean;
  /** Node boxes reserve a footer for the "other namespaces" note. */
  nodeFooter: boolean;
  caption: PodCaption | null;
  deployments: DeploymentMark[];
  replicaSets: ReplicaSetMark[];
  /** ReplicationController cards, one row below the Deployments and bare ReplicaSets. */
  replicationControllers: ReplicationControllerMark[];
  /** StatefulSet cards, one row below the ReplicationControllers. */
  statefulSets: StatefulSetMark[];
  /** PodDisruptionBudget cards, after the ReplicaSets of the Deployment they cover. */
  pdbs: PdbMark[];
  nodes: NodeMark[];
  pods: PodMark[];
  /** How many old, inactive ReplicaSets did not fit their row even as chips. */
  hiddenReplicaSets: number;
}

export const WAITING_UID = '__waiting__';
const PAD = 12;
const GAP = 12;
/** Pods at least this large carry their STATUS word under them. */
export const CAPTION_MIN_SIZE = 30;
/** Pods at least this large carry their `r2` label. */
export const LABEL_MIN_SIZE = 18;
/** Estimated advance of one caption character, in em (no text measuring in layout). */
const CHAR_EM = 0.58;
/** The longest single word a caption line must hold (`Terminating`, `Initializing`). */
const CAPTION_CHARS = 12;

export function fontSizeFor(width: number): number {
  return Math.round(Math.max(12, Math.min(18, width / 70)));
}

const captionFont = (s: number, fs: number) => Math.max(9, Math.min(fs * 0.72, s * 0.22));

/** Column and row pitch of a pod grid with side `s`; captions widen the columns and add two text lines. */
function pitch(s: number, fs: number, withCaption: boolean): { col: number; row: number; gap: number } {
  const gap = Math.max(2, Math.round(s / 4));
  if (!withCaption || s < CAPTION_MIN_SIZE) return { col: s + gap, row: s + gap, gap };
  const cf = captionFont(s, fs);
  return {
    col: Math.max(s + gap, Math.ceil(cf * CHAR_EM * CAPTION_CHARS) + 4),
    row: s + gap + Math.round(cf * 2.3),
    gap,
  };
}

/**
 * Pod side length and columns so that `n` pods fit `w × h` (gap = a quarter of the side). With `fs`, pods of
 * CAPTION_MIN_SIZE and up reserve room for their two-line caption.
 */
export function fitGrid(
  n: number,
  w: number,
  h: number,
  maxSize: number,
  fs?: number,
): { size: number; cols: number } {
  const count = Math.max(1, n);
  for (let s = Math.floor(maxSize); s > 6; s--) {
    const p = pitch(s, fs ?? 0, fs !== undefined);
    const cols = Math.max(1, Math.floor((w + p.gap) / p.col));
    const rows = Math.ceil(count / cols);
    if (cols * p.col - p.gap <= w && rows * p.row - p.gap <= h) return { size: s, cols };
  }
  return { size: 6, cols: Math.max(1, Math.floor((w + 2) / 8)) };
}

const sets = (frame: Frame) => (frame.statefulSets ?? []).slice().sort(byCreation);

function byCreation<T extends { createdMs: number; name: string }>(a: T, b: T): number {
  return a.createdMs - b.createdMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

interface RowItem {
  uid: string;
  desired: number;
  current: number;
}

interface RowMark<T> {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
  collapsed: boolean;
  data: T;
}

const isActive = (r: RowItem) => r.desired > 0 || r.current > 0;

/**
 * One row: full cards for active ReplicaSets, chips for old ones at zero; the oldest chips go first. With
 * `collapse` false every item keeps a full card (ReplicationControllers at zero are live, not history).
 */
function layoutRow<T extends RowItem>(
  list: T[],
  x0: number,
  y: number,
  avail: number,
  rowH: number,
  fontSize: number,
  out: RowMark<T>[],
  collapse = true,
  /** The widest a card may be, in ems (StatefulSet cards carry longer lines). */
  maxEm = 17,
): { hidden: number; end: number } {
  const chipW = Math.round(fontSize * 3.2);
  const minCard = Math.round(fontSize * 9);
  const isCard = (r: T) => !collapse || isActive(r);
  const active = list.filter(isCard).length;
  let keep = list;
  let hidden = 0;
  const need = (chips: number) => chips * (chipW + GAP) + active * (minCard + GAP);
  while (keep.length > active && need(keep.length - active) > avail) {
    const oldest = keep.findIndex((r) => !isCard(r));
    keep = keep.filter((_, i) => i !== oldest);
    hidden++;
  }
  const chips = keep.length - active;
  const slots = Math.max(active, 2);
  const cardW = Math.max(
    minCard,
    Math.min(
      Math.round(fontSize * maxEm),
      Math.floor((avail - chips * (chipW + GAP) - GAP * (slots - 1)) / slots),
    ),
  );
  let x = x0;
  for (const r of keep) {
    const collapsed = !isCard(r);
    const w = collapsed ? chipW : cardW;
    out.push({ uid: r.uid, x, y, width: w, height: rowH, active: isActive(r), collapsed, data: r });
    x += w + GAP;
  }
  return { hidden, end: x };
}

/** Height of a StatefulSet card: the ReplicaSet card's five lines, then update progress and claims. */
export const stsCardHeight = (fontSize: number) => Math.round(fontSize * 8);

/** Width of a PodDisruptionBudget card: room for `minAvailable 3 · healthy 4 / needed 3` at 0.78 em. */
export const pdbCardWidth = (fontSize: number) => Math.round(fontSize * 17);

/** Cards side by side from x; returns the x after the last. */
function placePdbs(list: PdbFrame[], x: number, y: number, rowH: number, fontSize: number, out: PdbMark[]) {
  const w = pdbCardWidth(fontSize);
  for (const b of list) {
    out.push({ uid: b.uid, x, y, width: w, height: rowH, data: b });
    x += w + GAP;
  }
  return x;
}

function layoutWorkloads(frame: Frame, width: number, fontSize: number) {
  const deployments: DeploymentMark[] = [];
  const replicaSets: ReplicaSetMark[] = [];
  const pdbs: PdbMark[] = [];
  let hidden = 0;
  // A PDB sits in the row of the Deployment it covers; one covering none goes to the first row (or its own).
  const rows = new Set(frame.deployments.map((d) => `${d.namespace}/${d.name}`));
  const firstRow = frame.deployments[0]
    ? `${frame.deployments[0].namespace}/${frame.deployments[0].name}`
    : '';
  const pdbsByRow = new Map<string, PdbFrame[]>();
  for (const b of (frame.pdbs ?? [])
    .slice()
    .sort((a, c) => (a.name < c.name ? -1 : a.name > c.name ? 1 : 0))) {
    const own = `${b.namespace}/${b.deployment ?? ''}`;
    const key = rows.has(own) ? own : firstRow;
    const list = pdbsByRow.get(key) ?? [];
    list.push(b);
    pdbsByRow.set(key, list);
  }
  const pdbW = pdbCardWidth(fontSize);
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
    const list = (rsByDeployment.get(`${d.namespace}/${d.name}`) ?? []).slice().sort(byCreation);
    const x0 = PAD + cardW + GAP;
    const rowPdbs = pdbsByRow.get(`${d.namespace}/${d.name}`) ?? [];
    const reserve = rowPdbs.length * (pdbW + GAP);
    const avail = width - PAD - x0;
    // The PDB cards follow the ReplicaSets when the row has room; else the ReplicaSet cards narrow for them
    // while every active one keeps a readable card; else the PDB cards wrap to a row below.
    const full: ReplicaSetMark[] = [];
    let row = layoutRow(list, x0, y, avail, rowH, fontSize, full);
    let share = rowPdbs.length > 0 && row.end + reserve - GAP <= width - PAD;
    if (rowPdbs.length > 0 && !share) {
      const activeCards = Math.max(1, list.filter(isActive).length);
      share = avail - reserve >= activeCards * (Math.round(fontSize * 9) + GAP);
      if (share) {
        full.length = 0;
        row = layoutRow(list, x0, y, avail - reserve, rowH, fontSize, full);
      }
    }
    replicaSets.push(...full);
    hidden += row.hidden;
    if (share) placePdbs(rowPdbs, row.end, y, rowH, fontSize, pdbs);
    y += rowH + GAP;
    if (rowPdbs.length > 0 && !share) {
      placePdbs(rowPdbs, x0, y, rowH, fontSize, pdbs);
      y += rowH + GAP;
    }
  }
  // Bare ReplicaSets without a Deployment get a row of their own.
  const orphans = frame.replicaSets.filter((r) => r.deployment === null).sort(byCreation);
  if (orphans.length > 0) {
    hidden += layoutRow(orphans, PAD, y, width - 2 * PAD, rowH, fontSize, replicaSets).hidden;
    y += rowH + GAP;
  }
  // ReplicationControllers: one row of cards, oldest (rc1) first.
  const replicationControllers: ReplicationControllerMark[] = [];
  const rcs = (frame.replicationControllers ?? []).slice().sort((a, b) => a.ordinal - b.ordinal);
  if (rcs.length > 0) {
    const cards: RowMark<ReplicationControllerFrame>[] = [];
    layoutRow(rcs, PAD, y, width - 2 * PAD, rowH, fontSize, cards, false);
    for (const c of cards) replicationControllers.push({ ...c, collapsed: false });
    y += rowH + GAP;
  }
  // StatefulSets: one row of taller cards (update progress and claims under the counts), oldest first.
  const statefulSets: StatefulSetMark[] = [];
  const setList = sets(frame);
  if (setList.length > 0) {
    const stsH = stsCardHeight(fontSize);
    const cards: RowMark<StatefulSetFrame>[] = [];
    layoutRow(setList, PAD, y, width - 2 * PAD, stsH, fontSize, cards, false, 21);
    for (const c of cards) statefulSets.push({ ...c, collapsed: false });
    y += stsH + GAP;
  }
  const loose = pdbsByRow.get('') ?? [];
  if (loose.length > 0) {
    placePdbs(loose, PAD, y, rowH, fontSize, pdbs);
    y += rowH + GAP;
  }
  return { deployments, replicaSets, replicationControllers, statefulSets, pdbs, bottom: y, hidden };
}

/**
 * Columns of the node grid: the count whose boxes come closest to square. It depends on the number of boxes
 * and the viewport only, so pods coming and going never reflow the nodes.
 */
export function nodeColumns(boxes: number, width: number, height: number, minWidth = 0): number {
  // While every box gets a readable width, nodes stay side by side (the tutorials' look).
  if ((width - GAP * (boxes - 1)) / Math.max(1, boxes) >= minWidth && minWidth > 0) return Math.max(1, boxes);
  let best = Math.max(1, boxes);
  let bestScore = Infinity;
  for (let cols = 1; cols <= boxes; cols++) {
    const rows = Math.ceil(boxes / cols);
    const w = (width - GAP * (cols - 1)) / cols;
    const h = (height - GAP * (rows - 1)) / rows;
    const score = Math.abs(Math.log(w / Math.max(1, h)));
    if (score < bestScore - 1e-9) {
      bestScore = score;
      best = cols;
    }
  }
  return best;
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
  // Control plane first, then workers in natural order (node2 before node10).
  const nodeOrder = frame.nodes
    .slice()
    .sort(
      (a, b) =>
        Number(b.controlPlane) - Number(a.controlPlane) ||
        a.name.localeCompare(b.name, 'en', { numeric: true }) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  for (const n of nodeOrder) {
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

  const top =
    work.bottom +
    (work.deployments.length > 0 ||
    work.replicaSets.length > 0 ||
    work.replicationControllers.length > 0 ||
    work.statefulSets.length > 0 ||
    work.pdbs.length > 0
      ? 4
      : 0);
  const areaW = width - 2 * PAD;
  const areaH = Math.max(fontSize * 8, height - top - PAD);
  const cols = nodeColumns(boxes.length, areaW, areaH, fontSize * 11);
  const rows = Math.max(1, Math.ceil(boxes.length / cols));
  const compact = rows > 1;
  const nodeH = compact ? Math.max(fontSize * 4, Math.floor((areaH - GAP * (rows - 1)) / rows)) : areaH;
  const innerW = areaW - GAP * Math.max(0, cols - 1);
  // One row keeps the proportional widths (a narrow empty control plane); a grid is uniform.
  const widths = compact
    ? boxes.map(() => Math.floor(innerW / cols))
    : (() => {
        const total = boxes.reduce((s, b) => s + b.weight, 0) || 1;
        return boxes.map((b) => Math.floor((innerW * b.weight) / total));
      })();
  const nodeFs = compact
    ? Math.max(10, Math.min(fontSize, Math.floor(Math.min(...widths, Infinity) / 10)))
    : fontSize;
  const anyTaints = frame.nodes.some((n) => n.taints.length > 0);
  const header = compact ? Math.round(nodeFs * (anyTaints ? 3.3 : 2.2)) : Math.round(fontSize * 3.6);
  const inset = Math.round(nodeFs * (compact ? 0.5 : 0.8));
  const footerOn = !compact || frame.nodes.some((n) => n.otherPods > 0);
  // Room under the pods for the "other namespaces" note.
  const footer = footerOn ? Math.round(nodeFs * 1.5) : inset;

  // One pod size for all boxes: the largest that fits the fullest box.
  let podSize = Math.round(fontSize * 4);
  boxes.forEach((b, i) => {
    if (b.pods.length === 0) return;
    const fit = fitGrid(b.pods.length, widths[i]! - 2 * inset, nodeH - header - footer, podSize, fontSize);
    podSize = Math.min(podSize, fit.size);
  });
  const p = pitch(podSize, fontSize, true);
  const caption: PodCaption | null =
    podSize >= CAPTION_MIN_SIZE
      ? {
          fontSize: Math.round(captionFont(podSize, fontSize) * 10) / 10,
          maxChars: Math.max(4, Math.floor((p.col - 4) / (captionFont(podSize, fontSize) * CHAR_EM))),
        }
      : null;

  // Pods are grouped by owner (its ReplicaSet, oldest first; then its ReplicationController, rc1 first), then
  // by creation within the group, so each revision forms a block and a new pod never moves the older pods of
  // its own owner.
  const rsOrder = new Map<string, number>();
  frame.replicaSets
    .slice()
    .sort(byCreation)
    .forEach((r, i) => rsOrder.set(`${r.namespace}/${r.name}`, i));
  const rsCount = frame.replicaSets.length;
  const rcCount = (frame.replicationControllers ?? []).length;
  // StatefulSet Pods after the ReplicationControllers', by set (oldest first) then by ordinal.
  const stsOrder = new Map(sets(frame).map((s, i) => [s.name, i]));
  const ownerRank = (p: PodFrame) =>
    p.replicaSet !== null
      ? (rsOrder.get(`${p.namespace}/${p.replicaSet}`) ?? -1)
      : p.replicationController
        ? rsCount + (p.rcOrdinal ?? 0)
        : p.statefulSet
          ? rsCount + rcCount + 1 + (stsOrder.get(p.statefulSet) ?? 0)
          : Infinity;
  const ownerName = (p: PodFrame) => p.replicaSet ?? p.replicationController ?? p.statefulSet ?? '';
  const byOwner = (a: PodFrame, b: PodFrame) => {
    const ra = ownerRank(a);
    const rb = ownerRank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (ownerName(a) !== ownerName(b)) return ownerName(a) < ownerName(b) ? -1 : 1;
    const oa = a.stsOrdinal ?? null;
    const ob = b.stsOrdinal ?? null;
    if (oa !== null && ob !== null && oa !== ob) return oa - ob;
    return byCreation(a, b);
  };

  const nodes: NodeMark[] = [];
  const pods: PodMark[] = [];
  let x = PAD;
  boxes.forEach((b, i) => {
    const w = widths[i]!;
    const col = i % cols;
    if (col === 0) x = PAD;
    const y = top + Math.floor(i / cols) * (nodeH + GAP);
    nodes.push({
      uid: b.uid,
      x,
      y,
      width: w,
      height: nodeH,
      waiting: b.waiting,
      podCount: b.pods.length,
      data: b.data,
    });
    const podCols = Math.max(1, Math.floor((w - 2 * inset + p.gap) / p.col));
    b.pods.sort(byOwner).forEach((pod, j) => {
      pods.push({
        uid: pod.uid,
        x: x + inset + (j % podCols) * p.col + Math.floor((p.col - p.gap - podSize) / 2),
        y: y + header + Math.floor(j / podCols) * p.row,
        size: podSize,
        visual: podVisual(pod),
        label:
          pod.revision !== null
            ? `r${pod.revision}`
            : pod.rcOrdinal
              ? rcBadge(pod.rcOrdinal)
              : pod.statefulSet
                ? stsPodLabel(pod.stsOrdinal)
                : '',
        mark: pod.statefulSet ? revLabel(pod.stsRevision) : '',
        data: pod,
      });
    });
    x += w + GAP;
  });

  return {
    width,
    height: compact ? Math.max(height, top + rows * (nodeH + GAP) - GAP + PAD) : height,
    fontSize,
    nodeFontSize: nodeFs,
    compactNodes: compact,
    nodeFooter: footerOn,
    caption,
    deployments: work.deployments,
    replicaSets: work.replicaSets,
    replicationControllers: work.replicationControllers,
    statefulSets: work.statefulSets,
    pdbs: work.pdbs,
    nodes,
    pods,
    hiddenReplicaSets: work.hidden,
  };
}
