// The scheduler's "why" records in a whole cluster (two workers and the tainted control-plane node): what was
// filtered out, the chosen node's score inputs and the tie-break, linked to the Scheduled / FailedScheduling
// event of the same pod.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCluster,
  deepCopy,
  type Cluster,
  type Deployment,
  type Event,
  type Node,
  type Pod,
} from '../index.ts';
import { schedulerTraceRules } from './scheduler.ts';

const clusters: Cluster[] = [];

// Every record names a registered rule, carries exactly its values and links to an event of its pod.
afterEach(() => {
  const registry: Record<string, readonly string[]> = schedulerTraceRules;
  for (const c of clusters.splice(0)) {
    for (const r of c.trace.records.filter((x) => x.controller === 'default-scheduler')) {
      expect(registry[r.rule], r.rule).toBeDefined();
      expect(Object.keys(r.values).sort(), r.rule).toEqual([...(registry[r.rule] ?? [])].sort());
      expect(r.object.kind).toBe('Pod');
      const events = c.api.list<Event>('Event', r.object.namespace);
      const linked = events.filter((e) => e.involvedObject.name === r.object.name && e.message === r.event);
      expect(linked.map((e) => e.reason)).toEqual([
        r.rule === 'scheduler.selectHost' ? 'Scheduled' : 'FailedScheduling',
      ]);
    }
  }
});

function setup(): Cluster {
  const c = createCluster({ seed: 3, workers: 2 });
  clusters.push(c);
  return c;
}

const webDeployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web-deploy', namespace: 'default' },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
    },
  },
};

const barePod = (name: string, tolerateControlPlane = false): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.17' }],
    ...(tolerateControlPlane
      ? { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
      : {}),
  },
});

function setUnschedulable(c: Cluster, name: string, unschedulable: boolean): void {
  const node = deepCopy(c.api.get<Node>('Node', undefined, name)!);
  node.spec = { ...node.spec, unschedulable };
  c.api.update(node);
  c.settle();
}

const selectHostRecords = (c: Cluster, namespace: string) =>
  c.trace.records.filter((r) => r.rule === 'scheduler.selectHost' && r.object.namespace === namespace);

describe('scheduler why records', () => {
  it("a Deployment's pods: the control-plane filtered by its taint, spread by owner, ties broken at random", () => {
    const c = setup();
    c.api.create(webDeployment);
    c.settle();
    const records = selectHostRecords(c, 'default');
    expect(records).toHaveLength(4);
    const first = records[0]!;
    expect(first.upstream).toBe('pkg/scheduler/schedule_one.go selectHost');
    expect(first.object.name).toMatch(/^web-deploy-[a-z0-9]+-[a-z0-9]{5}$/);
    const rs = first.values.owner as string;
    expect(rs).toMatch(/^web-deploy-/);
    // node1 and node2 each run kube-proxy and flannel only: a tie, broken by selectHost's random draw.
    expect(first.values).toEqual({
      nodes: 3,
      feasible: 2,
      unschedulable: 0,
      untoleratedTaint: 1,
      taintedNode: 'control-plane',
      taintKey: 'node-role.kubernetes.io/control-plane',
      tooManyPods: 0,
      node: first.values.node,
      ownerKind: 'ReplicaSet',
      owner: rs,
      ownerPods: 0,
      nodePods: 2,
      ties: 2,
      randomTieBreak: true,
    });
    expect(first.event).toBe(`Successfully assigned default/${first.object.name} to ${first.values.node}`);
    // The second pod goes to the other worker, the only one without a pod of the ReplicaSet: no tie.
    const second = records[1]!;
    expect(second.values).toMatchObject({
      feasible: 2,
      ownerPods: 0,
      nodePods: 2,
      ties: 1,
      randomTieBreak: false,
    });
    expect(second.values.node).not.toBe(first.values.node);
    // Then one each again: both workers tie at 1 pod of the ReplicaSet and 3 pods.
    expect(records.slice(2).map((r) => [r.values.ownerPods, r.values.nodePods, r.values.ties])).toEqual([
      [1, 3, 2],
      [1, 3, 1],
    ]);
    // The records agree with where the pods are.
    for (const r of records)
      expect(c.api.get<Pod>('Pod', 'default', r.object.name)!.spec!.nodeName).toBe(r.values.node);
  });

  it('a Pod with no controller: nothing to spread, and a toleration lets the control-plane pass', () => {
    const c = setup();
    c.api.create(barePod('tolerant', true));
    c.settle();
    const [r] = selectHostRecords(c, 'default');
    expect(r!.values).toMatchObject({
      nodes: 3,
      feasible: 3,
      untoleratedTaint: 0,
      taintedNode: '',
      taintKey: '',
      ownerKind: '',
      owner: '',
      ownerPods: 0,
      nodePods: 2,
      ties: 2,
    });
  });

  it('FailedScheduling: counts per reason, recorded once per distinct message', () => {
    const c = setup();
    setUnschedulable(c, 'node1', true);
    setUnschedulable(c, 'node2', true);
    c.api.create(barePod('waiting'));
    c.settle();
    const failed = () => c.trace.records.filter((r) => r.rule === 'scheduler.unschedulable');
    expect(failed()).toHaveLength(1);
    const r = failed()[0]!;
    expect(r.upstream).toBe('pkg/scheduler/schedule_one.go schedulePod');
    expect(r.object).toEqual({ kind: 'Pod', namespace: 'default', name: 'waiting' });
    expect(r.values).toEqual({
      nodes: 3,
      unschedulable: 2,
      untoleratedTaint: 1,
      taintedNode: 'control-plane',
      taintKey: 'node-role.kubernetes.io/control-plane',
      tooManyPods: 0,
    });
    expect(r.event).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    // A Node change makes the scheduler retry with the same outcome: another event, no new record.
    const failedEvent = () =>
      c.api
        .list<Event>('Event', 'default')
        .find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'waiting')!;
    const count = failedEvent().count!;
    const node = deepCopy(c.api.get<Node>('Node', undefined, 'node1')!);
    node.metadata.labels = { ...node.metadata.labels, tier: 'web' };
    c.api.update(node);
    c.settle();
    expect(failed()).toHaveLength(1);
    expect(failedEvent().count).toBe(count + 1);
    // Uncordoning node1 lets it pass; node2 is still filtered out by NodeUnschedulable.
    setUnschedulable(c, 'node1', false);
    const [bound] = selectHostRecords(c, 'default');
    expect(bound!.values).toMatchObject({
      nodes: 3,
      feasible: 1,
      unschedulable: 1,
      untoleratedTaint: 1,
      node: 'node1',
      ties: 1,
      randomTieBreak: false,
    });
  });
});
