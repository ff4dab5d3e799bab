import { describe, expect, it } from 'vitest';
import type {
  Frame,
  NodeFrame,
  PdbFrame,
  PodFrame,
  ReplicaSetFrame,
  DeploymentFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from './frame.ts';
import {
  fitGrid,
  layoutCluster,
  nodeColumns,
  podVisual,
  stsCardHeight,
  WAITING_UID,
  type ClusterLayout,
  type PodMark,
} from './layout.ts';

const node = (name: string, controlPlane = false): NodeFrame => ({
  uid: `uid-${name}`,
  name,
  status: 'Ready',
  ready: true,
  unschedulable: false,
  controlPlane,
  taints: controlPlane ? ['node-role.kubernetes.io/control-plane:NoSchedule'] : [],
  otherPods: 0,
});

let seq = 0;
const pod = (over: Partial<PodFrame> = {}): PodFrame => {
  seq++;
  return {
    uid: `pod-${seq}`,
    name: `web-${seq}`,
    namespace: 'default',
    node: 'node1',
    status: 'Running',
    readyText: '1/1',
    ready: true,
    restarts: 0,
    phase: 'Running',
    terminating: false,
    replicaSet: 'web-abc',
    revision: 1,
    colorIndex: 0,
    createdMs: seq,
    ...over,
  };
};

const rs = (name: string, revision: number, createdMs: number, desired: number): ReplicaSetFrame => ({
  uid: `rs-${name}`,
  name,
  namespace: 'default',
  deployment: 'web',
  revision,
  colorIndex: revision - 1,
  desired,
  current: desired,
  ready: desired,
  available: desired,
  image: 'nginx:1.17',
  createdMs,
});

const deploy: DeploymentFrame = {
  uid: 'd1',
  name: 'web',
  namespace: 'default',
  replicas: 4,
  updated: 4,
  ready: 4,
  available: 4,
  total: 4,
  strategy: 'RollingUpdate',
  maxSurge: '25%',
  maxUnavailable: '25%',
  maxSurgeCount: 1,
  maxUnavailableCount: 1,
  revision: 1,
  image: 'nginx:1.17',
};

const overlaps = (a: PodMark, b: PodMark) =>
  a.x < b.x + b.size && b.x < a.x + a.size && a.y < b.y + b.size && b.y < a.y + a.size;

function assertPodsInsideTheirNodes(l: ClusterLayout) {
  for (const p of l.pods) {
    const box = l.nodes.find((n) => (p.data.node ? n.data?.name === p.data.node : n.waiting));
    expect(box, p.data.name).toBeDefined();
    expect(p.x).toBeGreaterThanOrEqual(box!.x);
    expect(p.y).toBeGreaterThanOrEqual(box!.y);
    expect(p.x + p.size).toBeLessThanOrEqual(box!.x + box!.width);
    expect(p.y + p.size).toBeLessThanOrEqual(box!.y + box!.height);
  }
  const clashes: string[] = [];
  for (let i = 0; i < l.pods.length; i++)
    for (let j = i + 1; j < l.pods.length; j++)
      if (overlaps(l.pods[i]!, l.pods[j]!)) clashes.push(`${l.pods[i]!.uid}/${l.pods[j]!.uid}`);
  expect(clashes).toEqual([]);
}

describe('podVisual', () => {
  it.each([
    [{ status: 'Pending', ready: false, terminating: false, phase: 'Pending', node: null }, 'pending'],
    [{ status: 'Pending', ready: false, terminating: false, phase: 'Pending', node: 'node1' }, 'pending'],
    [
      { status: 'ContainerCreating', ready: false, terminating: false, phase: 'Pending', node: 'node1' },
      'creating',
    ],
    [{ status: 'Running', ready: false, terminating: false, phase: 'Running', node: 'node1' }, 'running'],
    [{ status: 'Running', ready: true, terminating: false, phase: 'Running', node: 'node1' }, 'ready'],
    [
      { status: 'Terminating', ready: true, terminating: true, phase: 'Running', node: 'node1' },
      'terminating',
    ],
    [
      { status: 'ErrImagePull', ready: false, terminating: false, phase: 'Pending', node: 'node1' },
      'pullError',
    ],
    [
      { status: 'ImagePullBackOff', ready: false, terminating: false, phase: 'Pending', node: 'node1' },
      'pullError',
    ],
    [
      { status: 'CrashLoopBackOff', ready: false, terminating: false, phase: 'Running', node: 'node1' },
      'crash',
    ],
    [{ status: 'Completed', ready: false, terminating: false, phase: 'Succeeded', node: 'node1' }, 'done'],
    [{ status: 'Error', ready: false, terminating: false, phase: 'Failed', node: 'node1' }, 'crash'],
    [{ status: 'ExitCode:137', ready: false, terminating: false, phase: 'Failed', node: 'node1' }, 'crash'],
    [{ status: 'Evicted', ready: false, terminating: false, phase: 'Failed', node: 'node1' }, 'crash'],
    [
      { status: 'Init:ImagePullBackOff', ready: false, terminating: false, phase: 'Pending', node: 'node1' },
      'pullError',
    ],
    [
      { status: 'Init:CrashLoopBackOff', ready: false, terminating: false, phase: 'Pending', node: 'node1' },
      'crash',
    ],
    [{ status: 'Init:0/1', ready: false, terminating: false, phase: 'Pending', node: 'node1' }, 'creating'],
    [{ status: 'Unknown', ready: false, terminating: true, phase: 'Running', node: 'node1' }, 'terminating'],
    [{ status: 'Unknown', ready: false, terminating: false, phase: 'Running', node: 'node1' }, 'unknown'],
    [{ status: 'NotReady', ready: false, terminating: false, phase: 'Running', node: 'node1' }, 'running'],
  ] as const)('%o → %s', (p, want) => {
    expect(podVisual(p)).toBe(want);
  });
});

describe('fitGrid', () => {
  it('keeps the largest size when everything fits', () => {
    expect(fitGrid(4, 400, 200, 40)).toEqual({ size: 40, cols: 8 });
  });
  it('shrinks pods until n fit the box', () => {
    const { size, cols } = fitGrid(100, 300, 300, 40);
    const gap = Math.max(2, Math.round(size / 4));
    expect(Math.ceil(100 / cols) * (size + gap) - gap).toBeLessThanOrEqual(300);
    expect(cols * (size + gap) - gap).toBeLessThanOrEqual(300);
    expect(size).toBeLessThan(40);
  });
});

describe('layoutCluster', () => {
  const nodes = [node('control-plane', true), node('node1'), node('node2')];

  it('puts nodes side by side, the empty control plane narrower than the workers', () => {
    const l = layoutCluster(
      { nodes, pods: [], replicaSets: [], deployments: [] },
      { width: 900, height: 500 },
    );
    expect(l.nodes.map((n) => n.data?.name)).toEqual(['control-plane', 'node1', 'node2']);
    const [cp, n1, n2] = l.nodes;
    expect(cp!.width).toBeLessThan(n1!.width);
    expect(n1!.width).toBe(n2!.width);
    expect(cp!.x + cp!.width).toBeLessThan(n1!.x);
    expect(n2!.x + n2!.width).toBeLessThanOrEqual(900);
  });

  it('places each pod inside its node without overlaps, labelled by revision', () => {
    const pods = [
      pod({ node: 'node1' }),
      pod({ node: 'node2' }),
      pod({ node: 'node1', revision: 2, colorIndex: 1 }),
      pod({ node: 'node2' }),
    ];
    const l = layoutCluster({ nodes, pods, replicaSets: [], deployments: [] }, { width: 900, height: 500 });
    expect(l.pods).toHaveLength(4);
    assertPodsInsideTheirNodes(l);
    expect(l.pods.map((p) => p.label).sort()).toEqual(['r1', 'r1', 'r1', 'r2']);
    expect(new Set(l.pods.map((p) => p.size)).size).toBe(1);
  });

  it('orders pods in a node by creation so a new pod never moves the old ones of its ReplicaSet', () => {
    const a = pod({ node: 'node1', createdMs: 10 });
    const b = pod({ node: 'node1', createdMs: 20 });
    const before = layoutCluster(
      { nodes, pods: [b, a], replicaSets: [], deployments: [] },
      { width: 900, height: 500 },
    );
    const c = pod({ node: 'node1', createdMs: 30 });
    const after = layoutCluster(
      { nodes, pods: [c, a, b], replicaSets: [], deployments: [] },
      { width: 900, height: 500 },
    );
    for (const uid of [a.uid, b.uid]) {
      const p0 = before.pods.find((p) => p.uid === uid)!;
      const p1 = after.pods.find((p) => p.uid === uid)!;
      expect([p1.x, p1.y]).toEqual([p0.x, p0.y]);
    }
  });

  it('groups the pods of a node by owner, the oldest ReplicaSet first', () => {
    const sets = [rs('web-new', 2, 200, 2), rs('web-old', 1, 100, 2)];
    const pods = [
      pod({ replicaSet: 'web-new', revision: 2, createdMs: 300 }),
      pod({ replicaSet: 'web-old', revision: 1, createdMs: 400 }),
      pod({ replicaSet: 'web-new', revision: 2, createdMs: 350 }),
      pod({ replicaSet: 'web-old', revision: 1, createdMs: 50 }),
      pod({ replicaSet: null, revision: null, createdMs: 1 }),
    ];
    const l = layoutCluster(
      { nodes, pods, replicaSets: sets, deployments: [deploy] },
      { width: 1200, height: 700 },
    );
    const order = l.pods
      .slice()
      .sort((p, q) => p.y - q.y || p.x - q.x)
      .map((p) => `${p.label}@${p.data.createdMs}`);
    expect(order).toEqual(['r1@50', 'r1@400', 'r2@300', 'r2@350', '@1']);
  });

  it('adds a waiting area for unscheduled pods', () => {
    const l = layoutCluster(
      {
        nodes,
        pods: [pod({ node: null, status: 'Pending', phase: 'Pending', ready: false })],
        replicaSets: [],
        deployments: [],
      },
      { width: 900, height: 500 },
    );
    expect(l.nodes[0]!.uid).toBe(WAITING_UID);
    expect(l.pods[0]!.visual).toBe('pending');
    assertPodsInsideTheirNodes(l);
  });

  it('fits 200 pods on two workers inside the box', () => {
    const pods = Array.from({ length: 200 }, (_, i) => pod({ node: i % 2 ? 'node1' : 'node2' }));
    const l = layoutCluster({ nodes, pods, replicaSets: [], deployments: [] }, { width: 900, height: 520 });
    expect(l.pods).toHaveLength(200);
    assertPodsInsideTheirNodes(l);
  });

  it('lays the Deployment card and its ReplicaSets in creation order above the nodes', () => {
    const frame: Frame = {
      nodes,
      pods: [pod()],
      deployments: [deploy],
      replicaSets: [rs('web-b', 2, 200, 4), rs('web-a', 1, 100, 0)],
    };
    const l = layoutCluster(frame, { width: 1000, height: 600 });
    expect(l.deployments).toHaveLength(1);
    expect(l.replicaSets.map((r) => r.data.name)).toEqual(['web-a', 'web-b']);
    expect(l.replicaSets.map((r) => r.active)).toEqual([false, true]);
    const d = l.deployments[0]!;
    expect(l.replicaSets[0]!.x).toBeGreaterThan(d.x + d.width);
    expect(l.replicaSets[1]!.x + l.replicaSets[1]!.width).toBeLessThanOrEqual(1000);
    for (const n of l.nodes) expect(n.y).toBeGreaterThan(d.y + d.height);
  });

  it('collapses old ReplicaSets at zero into chips that stay in the row', () => {
    const sets = Array.from({ length: 8 }, (_, i) =>
      rs(`web-${i}`, i + 1, i * 10, i === 0 ? 2 : i === 7 ? 2 : 0),
    );
    const l = layoutCluster(
      { nodes, pods: [], deployments: [deploy], replicaSets: sets },
      { width: 1200, height: 600 },
    );
    expect(l.replicaSets.map((r) => r.data.name)).toEqual(sets.map((r) => r.name));
    expect(l.replicaSets.map((r) => r.collapsed)).toEqual([false, true, true, true, true, true, true, false]);
    const [first, chip] = [l.replicaSets[0]!, l.replicaSets[1]!];
    expect(chip.width).toBeLessThan(first.width / 2);
    for (const r of l.replicaSets) expect(r.x + r.width).toBeLessThanOrEqual(1200);
    expect(l.hiddenReplicaSets).toBe(0);
  });

  it('leaves out the oldest chips only when even chips overflow the row', () => {
    const sets = Array.from({ length: 11 }, (_, i) => rs(`web-${i}`, i + 1, i * 10, i === 10 ? 2 : 0));
    const l = layoutCluster(
      { nodes, pods: [], deployments: [deploy], replicaSets: sets },
      { width: 700, height: 600 },
    );
    const shown = l.replicaSets.map((r) => r.data.name);
    expect(shown[shown.length - 1]).toBe('web-10');
    expect(l.hiddenReplicaSets).toBe(11 - shown.length);
    expect(l.hiddenReplicaSets).toBeGreaterThan(0);
    expect(shown).toEqual(sets.slice(l.hiddenReplicaSets).map((r) => r.name));
    for (const r of l.replicaSets) expect(r.x + r.width).toBeLessThanOrEqual(700);
  });

  it('captions tutorial-sized pods with their STATUS, not a crowd', () => {
    const few = layoutCluster(
      { nodes, pods: [pod(), pod(), pod({ node: 'node2' })], replicaSets: [], deployments: [] },
      { width: 1280, height: 560 },
    );
    expect(few.caption).not.toBeNull();
    expect(few.caption!.maxChars).toBeGreaterThanOrEqual(11);
    assertPodsInsideTheirNodes(few);
    const many = layoutCluster(
      {
        nodes,
        pods: Array.from({ length: 300 }, (_, i) => pod({ node: i % 2 ? 'node1' : 'node2' })),
        replicaSets: [],
        deployments: [],
      },
      { width: 1280, height: 560 },
    );
    expect(many.caption).toBeNull();
  });

  it('reflows 50 nodes into a grid that fits the view and packs 1,000 pods into it', () => {
    const workers = Array.from({ length: 50 }, (_, i) => node(`node${i + 1}`));
    const all = [node('control-plane', true), ...workers];
    const pods = Array.from({ length: 1000 }, (_, i) => pod({ node: `node${(i % 50) + 1}` }));
    const l = layoutCluster(
      { nodes: all, pods, replicaSets: [], deployments: [deploy] },
      { width: 1280, height: 800 },
    );
    expect(l.compactNodes).toBe(true);
    expect(new Set(l.nodes.map((n) => n.y)).size).toBeGreaterThan(3);
    expect(l.height).toBe(800);
    for (const n of l.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(1280);
      expect(n.y + n.height).toBeLessThanOrEqual(800);
    }
    // Natural order: node2 before node10.
    const names = l.nodes.map((n) => n.data?.name);
    expect(names.slice(0, 4)).toEqual(['control-plane', 'node1', 'node2', 'node3']);
    expect(l.pods[0]!.size).toBeGreaterThanOrEqual(8);
    expect(l.pods[0]!.size).toBeLessThan(18);
    assertPodsInsideTheirNodes(l);
  });

  it('keeps a handful of nodes side by side', () => {
    expect(nodeColumns(3, 1256, 560, 198)).toBe(3);
    expect(nodeColumns(5, 1256, 560, 198)).toBe(5);
    expect(nodeColumns(5, 1256, 560)).toBe(4);
    expect(nodeColumns(51, 1256, 680, 198)).toBe(10);
  });

  it('grows the font on a projector-sized view', () => {
    const small = layoutCluster(
      { nodes, pods: [], replicaSets: [], deployments: [] },
      { width: 900, height: 500 },
    );
    const big = layoutCluster(
      { nodes, pods: [], replicaSets: [], deployments: [] },
      { width: 1500, height: 800 },
    );
    expect(big.fontSize).toBeGreaterThan(small.fontSize);
  });
});

describe('layoutCluster: PodDisruptionBudget cards', () => {
  const nodes = [node('control-plane', true), node('node1'), node('node2')];
  const budget = (over: Partial<PdbFrame> = {}): PdbFrame => ({
    uid: 'pdb-1',
    name: 'web-pdb',
    namespace: 'default',
    rule: { field: 'minAvailable', value: '3' },
    deployment: 'web',
    expectedPods: 4,
    currentHealthy: 4,
    desiredHealthy: 3,
    disruptionsAllowed: 1,
    ...over,
  });
  const inside = (l: ClusterLayout, width: number) => {
    const cards = [...l.deployments, ...l.replicaSets, ...l.pdbs];
    for (const c of cards) expect(c.x + c.width, c.uid).toBeLessThanOrEqual(width - 12);
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) {
        const [a, b] = [cards[i]!, cards[j]!];
        const clash =
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(clash, `${a.uid}/${b.uid}`).toBe(false);
      }
    for (const n of l.nodes) for (const c of cards) expect(n.y).toBeGreaterThan(c.y + c.height);
  };

  it('puts the card after the ReplicaSets of the Deployment it covers, in the same row (1280×800 app)', () => {
    // The picture is about 870 px wide in the app at 1280×800: a Deployment, two ReplicaSets and a PDB.
    const frame: Frame = {
      nodes,
      pods: [pod()],
      deployments: [deploy],
      replicaSets: [rs('web-b', 2, 200, 2), rs('web-a', 1, 100, 3)],
      pdbs: [budget()],
    };
    const l = layoutCluster(frame, { width: 870, height: 360 });
    expect(l.pdbs).toHaveLength(1);
    const card = l.pdbs[0]!;
    const last = l.replicaSets[l.replicaSets.length - 1]!;
    expect(l.replicaSets.every((r) => !r.collapsed)).toBe(true);
    expect(card.y).toBe(l.deployments[0]!.y);
    expect(card.x).toBe(last.x + last.width + 12);
    expect(card.height).toBe(l.deployments[0]!.height);
    inside(l, 870);
  });

  it('leaves the ReplicaSet cards as wide as without a PDB when the row has room', () => {
    const base: Frame = {
      nodes,
      pods: [],
      deployments: [deploy],
      replicaSets: [rs('web-a', 2, 100, 4), rs('web-0', 1, 50, 0)],
    };
    const without = layoutCluster(base, { width: 870, height: 360 });
    const withPdb = layoutCluster({ ...base, pdbs: [budget()] }, { width: 870, height: 360 });
    expect(withPdb.replicaSets.map((r) => [r.x, r.width])).toEqual(
      without.replicaSets.map((r) => [r.x, r.width]),
    );
    inside(withPdb, 870);
  });

  it('wraps the cards to a row of their own when the ReplicaSets would get too narrow', () => {
    const frame: Frame = {
      nodes,
      pods: [],
      deployments: [deploy],
      replicaSets: [rs('web-b', 2, 200, 2), rs('web-a', 1, 100, 2)],
      pdbs: [budget()],
    };
    const l = layoutCluster(frame, { width: 560, height: 500 });
    const d = l.deployments[0]!;
    const card = l.pdbs[0]!;
    expect(card.y).toBeGreaterThan(d.y + d.height);
    expect(card.x).toBe(l.replicaSets[0]!.x);
    inside(l, 560);
  });

  it('keeps a PDB that covers no Deployment: in the first row, or a row of its own without Deployments', () => {
    const loose = budget({ deployment: null, uid: 'pdb-2', name: 'other' });
    const withDeploy = layoutCluster(
      { nodes, pods: [], deployments: [deploy], replicaSets: [rs('web-a', 1, 100, 2)], pdbs: [loose] },
      { width: 1000, height: 500 },
    );
    expect(withDeploy.pdbs[0]!.y).toBe(withDeploy.deployments[0]!.y);
    inside(withDeploy, 1000);
    const alone = layoutCluster(
      { nodes, pods: [], deployments: [], replicaSets: [], pdbs: [loose] },
      { width: 1000, height: 500 },
    );
    expect([alone.pdbs[0]!.x, alone.pdbs[0]!.y]).toEqual([12, 12]);
    inside(alone, 1000);
  });

  it('does not move the card when only its status changes (a drain ticking the budget down)', () => {
    const at = (b: PdbFrame) =>
      layoutCluster(
        { nodes, pods: [], deployments: [deploy], replicaSets: [rs('web-a', 1, 100, 4)], pdbs: [b] },
        { width: 870, height: 360 },
      ).pdbs[0]!;
    const before = at(budget());
    const after = at(budget({ currentHealthy: 3, disruptionsAllowed: 0 }));
    expect([after.x, after.y, after.width]).toEqual([before.x, before.y, before.width]);
  });
});

describe('layoutCluster: ReplicationController cards', () => {
  const nodes = [node('control-plane', true), node('node1'), node('node2')];
  const rc = (
    name: string,
    ordinal: number,
    desired: number,
    ready = desired,
  ): ReplicationControllerFrame => ({
    uid: `rc-${name}`,
    name,
    namespace: 'default',
    ordinal,
    colorIndex: ordinal - 1,
    desired,
    current: desired,
    ready,
    available: ready,
    image: `asia.gcr.io/rollout-lab/node-api:1.0.${ordinal - 1}`,
    selector: 'name=api-pods',
    createdMs: ordinal * 1000,
  });
  const rcPod = (owner: string, ordinal: number, over: Partial<PodFrame> = {}) =>
    pod({
      replicaSet: null,
      revision: null,
      colorIndex: ordinal - 1,
      replicationController: owner,
      rcOrdinal: ordinal,
      ...over,
    });

  it('lays the controllers of a rolling-update side by side in a row of their own, rc1 first', () => {
    const l = layoutCluster(
      {
        nodes,
        pods: [rcPod('api-rc', 1), rcPod('api-rc-next', 2)],
        deployments: [],
        replicaSets: [],
        replicationControllers: [rc('api-rc-next', 2, 1), rc('api-rc', 1, 2)],
      },
      { width: 1000, height: 600 },
    );
    expect(l.replicationControllers.map((r) => [r.data.name, r.x, r.y])).toEqual([
      ['api-rc', 12, 12],
      ['api-rc-next', 12 + l.replicationControllers[0]!.width + 12, 12],
    ]);
    expect(l.replicaSets).toEqual([]);
    for (const r of l.replicationControllers) {
      expect(r.width).toBeGreaterThanOrEqual(l.fontSize * 9);
      expect(r.x + r.width).toBeLessThanOrEqual(1000);
    }
    const bottom = Math.max(...l.replicationControllers.map((r) => r.y + r.height));
    for (const n of l.nodes) expect(n.y).toBeGreaterThan(bottom);
  });

  it('keeps a controller scaled to zero as a full card, drawn inactive (RCs are no revision history)', () => {
    const l = layoutCluster(
      {
        nodes,
        pods: [],
        deployments: [],
        replicaSets: [],
        replicationControllers: [rc('api-rc', 1, 0), rc('api-rc-next', 2, 3)],
      },
      { width: 1000, height: 600 },
    );
    expect(l.replicationControllers.map((r) => [r.active, r.collapsed])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(l.replicationControllers[0]!.width).toBe(l.replicationControllers[1]!.width);
  });

  it('puts the row below the Deployments and bare ReplicaSets', () => {
    const l = layoutCluster(
      {
        nodes,
        pods: [],
        deployments: [deploy],
        replicaSets: [rs('web-a', 1, 100, 2), { ...rs('bare', 1, 50, 1), deployment: null }],
        replicationControllers: [rc('api-rc', 1, 3)],
      },
      { width: 1000, height: 700 },
    );
    const rowH = l.deployments[0]!.height;
    expect(l.replicaSets.map((r) => r.y)).toEqual([12, 12 + rowH + 12]);
    expect(l.replicationControllers[0]!.y).toBe(12 + 2 * (rowH + 12));
    expect(l.replicationControllers[0]!.x).toBe(12);
  });

  it("labels each controller's Pods with its badge and groups them after the ReplicaSet Pods, rc1 first", () => {
    const pods = [
      rcPod('api-rc-next', 2, { createdMs: 1 }),
      rcPod('api-rc', 1, { createdMs: 5 }),
      pod({ createdMs: 9 }),
      pod({ replicaSet: null, revision: null, colorIndex: null, createdMs: 0 }),
      rcPod('api-rc', 1, { createdMs: 3 }),
    ];
    const l = layoutCluster(
      {
        nodes,
        pods,
        deployments: [deploy],
        replicaSets: [rs('web-abc', 1, 100, 1)],
        replicationControllers: [rc('api-rc', 1, 2), rc('api-rc-next', 2, 1)],
      },
      { width: 1000, height: 600 },
    );
    const onNode = l.pods.slice().sort((a, b) => a.y - b.y || a.x - b.x);
    expect(onNode.map((p) => p.label)).toEqual(['r1', 'rc1', 'rc1', 'rc2', '']);
    expect(onNode.map((p) => p.data.createdMs)).toEqual([9, 3, 5, 1, 0]);
    assertPodsInsideTheirNodes(l);
  });
});

describe('layoutCluster: StatefulSet cards and Pods', () => {
  const frame = (o: Partial<Frame>): Frame => ({
    nodes: [],
    pods: [],
    replicaSets: [],
    deployments: [],
    ...o,
  });
  const nodes = [node('control-plane', true), node('node1'), node('node2')];
  const set = (over: Partial<StatefulSetFrame> = {}): StatefulSetFrame => ({
    uid: 'sts-web',
    name: 'web',
    namespace: 'default',
    colorIndex: 0,
    desired: 3,
    current: 3,
    ready: 3,
    updated: 1,
    currentRevision: 1,
    updateRevision: 2,
    strategy: 'RollingUpdate',
    partition: 0,
    image: 'registry.k8s.io/nginx-slim:0.8',
    claims: [],
    createdMs: 0,
    ...over,
  });
  const stsPod = (ordinal: number, revision: number, over: Partial<PodFrame> = {}) =>
    pod({
      name: `web-${ordinal}`,
      replicaSet: null,
      revision: null,
      statefulSet: 'web',
      stsOrdinal: ordinal,
      stsRevision: revision,
      stsUpdated: revision === 2,
      // Created in reverse, as a rolling update recreates them: the grid still goes by ordinal.
      createdMs: 100 - ordinal,
      ...over,
    });

  it('a taller card in a row of its own below the ReplicationControllers; zero replicas stay a card', () => {
    const rc: ReplicationControllerFrame = {
      uid: 'rc-1',
      name: 'api-rc',
      namespace: 'default',
      ordinal: 1,
      colorIndex: 0,
      desired: 1,
      current: 1,
      ready: 1,
      available: 1,
      image: 'x:1',
      selector: 'a=b',
      createdMs: 0,
    };
    const l = layoutCluster(
      frame({
        nodes,
        replicationControllers: [rc],
        statefulSets: [set(), set({ uid: 'sts-db', name: 'db', desired: 0, current: 0, createdMs: 5 })],
      }),
      { width: 1280, height: 800 },
    );
    const rowH = Math.round(l.fontSize * 5.6);
    expect(l.statefulSets.map((m) => [m.data.name, m.y, m.height, m.active, m.collapsed])).toEqual([
      ['web', 12 + rowH + 12, stsCardHeight(l.fontSize), true, false],
      ['db', 12 + rowH + 12, stsCardHeight(l.fontSize), false, false],
    ]);
    expect(l.statefulSets[1]!.x).toBeGreaterThan(l.statefulSets[0]!.x + l.statefulSets[0]!.width);
    // The nodes start below the StatefulSet row.
    expect(Math.min(...l.nodes.map((n) => n.y))).toBeGreaterThan(
      l.statefulSets[0]!.y + stsCardHeight(l.fontSize),
    );
  });

  it('labels each Pod by its ordinal, marks its revision, and orders them by ordinal after other Pods', () => {
    const pods = [
      stsPod(2, 2),
      pod({ name: 'bare', replicaSet: null, revision: null }),
      stsPod(0, 1),
      stsPod(1, 1),
    ];
    const l = layoutCluster(frame({ nodes, pods, statefulSets: [set()] }), { width: 1280, height: 800 });
    const onNode = l.pods.slice().sort((a, b) => a.y - b.y || a.x - b.x);
    expect(onNode.map((p) => [p.data.name, p.label, p.mark])).toEqual([
      ['web-0', '0', 'r1'],
      ['web-1', '1', 'r1'],
      ['web-2', '2', 'r2'],
      ['bare', '', ''],
    ]);
  });
});
