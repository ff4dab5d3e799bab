import { describe, expect, it } from 'vitest';
import type { Frame, NodeFrame, PodFrame, ReplicaSetFrame, DeploymentFrame } from './frame.ts';
import {
  fitGrid,
  layoutCluster,
  podVisual,
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
  for (let i = 0; i < l.pods.length; i++)
    for (let j = i + 1; j < l.pods.length; j++) expect(overlaps(l.pods[i]!, l.pods[j]!)).toBe(false);
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

  it('orders pods in a node by creation so a new pod never moves the old ones', () => {
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

  it('drops the oldest inactive ReplicaSets when a row would overflow, keeping the active ones', () => {
    const sets = Array.from({ length: 8 }, (_, i) =>
      rs(`web-${i}`, i + 1, i * 10, i === 0 ? 2 : i === 7 ? 2 : 0),
    );
    const l = layoutCluster(
      { nodes, pods: [], deployments: [deploy], replicaSets: sets },
      { width: 1200, height: 600 },
    );
    expect(l.replicaSets.map((r) => r.data.name)).toEqual(['web-0', 'web-4', 'web-5', 'web-6', 'web-7']);
    expect(l.hiddenReplicaSets).toBe(3);
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
