import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import type { Node, Pod, ReplicaSet } from '../../api/types.ts';
import { isPodReady } from '../../api/pod-util.ts';
import { deepCopy } from '../../util/copy.ts';

const rs: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
    },
  },
};

describe('node failure (sim node stop / start)', () => {
  it('NotReady after the grace period, pods unready, evicted after 300 s, replaced elsewhere, gone on restart', () => {
    const c = createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
    c.api.create(rs);
    c.advanceBy(10_000);
    const t0 = c.now();
    expect(c.stopNode('node2')).toBeUndefined();
    const ready = () =>
      c.api.get<Node>('Node', undefined, 'node2')!.status!.conditions!.find((x) => x.type === 'Ready')!
        .status;
    let notReadyAt = 0;
    c.advanceBy(120_000, () => {
      if (ready() === 'Unknown') notReadyAt = c.now();
      return notReadyAt > 0;
    });
    // Lease renewed at t=10 s (stop at 10 s), probe at 10 s, first pass after 10+50 s is at 65 s on the 5 s grid.
    expect((notReadyAt - t0) / 1000).toBe(55);
    const node2 = c.api.get<Node>('Node', undefined, 'node2')!;
    expect(node2.spec!.taints!.map((t) => `${t.key}:${t.effect}`).sort()).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
    const pods = () => c.api.list<Pod>('Pod', 'default');
    const onNode2 = () => pods().filter((p) => p.spec?.nodeName === 'node2');
    expect(onNode2()).toHaveLength(2);
    expect(onNode2().some(isPodReady)).toBe(false);
    expect(c.api.get<ReplicaSet>('ReplicaSet', 'default', 'web')!.status!.readyReplicas).toBe(2);
    // Still active: no replacement before the 300 s toleration expires.
    c.advanceBy(299_000);
    expect(pods()).toHaveLength(4);
    c.advanceBy(1_000);
    expect(onNode2().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(pods()).toHaveLength(6);
    c.advanceBy(10_000);
    expect(pods().filter((p) => p.spec?.nodeName === 'node1' && isPodReady(p))).toHaveLength(4);
    expect(onNode2()).toHaveLength(2); // stuck Terminating while the kubelet is down
    c.advanceBy(600_000);
    expect(onNode2()).toHaveLength(2);
    expect(c.startNode('node2')).toBeUndefined();
    c.advanceBy(5_000);
    expect(onNode2()).toHaveLength(0);
    expect(c.api.get<Node>('Node', undefined, 'node2')!.spec?.taints).toBeUndefined();
  });
});

describe('doNoScheduleTaintingPass: spec.unschedulable (cordon)', () => {
  it('adds node.kubernetes.io/unschedulable:NoSchedule with timeAdded, and removes it on uncordon', () => {
    const c = createCluster({ workers: 2 });
    const set = (unschedulable: boolean) => {
      const n = deepCopy(c.api.get<Node>('Node', undefined, 'node1')!);
      n.spec ??= {};
      if (unschedulable) n.spec.unschedulable = true;
      else delete n.spec.unschedulable;
      c.api.update(n);
      c.settle();
    };
    c.advanceBy(7_000);
    set(true);
    expect(c.api.get<Node>('Node', undefined, 'node1')!.spec!.taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-05T00:00:07Z' },
    ]);
    // The control-plane taint of the other node is not the controller's business.
    expect(c.api.get<Node>('Node', undefined, 'control-plane')!.spec!.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    set(false);
    expect(c.api.get<Node>('Node', undefined, 'node1')!.spec?.taints).toBeUndefined();
  });
});
