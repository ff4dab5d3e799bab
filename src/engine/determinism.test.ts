// Determinism of the engine at scale, and a golden check that the performance work changed no behaviour:
// the event sequence and pod names of a small rolling update are those the engine produced before it.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster.ts';
import type { Deployment, Event, Pod } from './api/types.ts';
import { parseTime } from './apimachinery/time.ts';
import { deepCopy } from './util/copy.ts';
import { OwnedPodIndex } from './controller/replicaset/pod-counts.ts';

function deployment(replicas: number, image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

function setImage(c: Cluster, image: string): void {
  const d = deepCopy(c.api.get<Deployment>('Deployment', 'default', 'web')!);
  d.spec!.template.spec!.containers[0]!.image = image;
  const [, err] = c.api.update(d);
  if (err) throw new Error(err.message);
}

/** Names of the pods created in `default`, in creation order. */
function recordPodNames(c: Cluster): string[] {
  const names: string[] = [];
  c.api.watch<Pod>('Pod', (e) => {
    if (e.type === 'ADDED' && e.object.metadata.namespace === 'default') names.push(e.object.metadata.name);
  });
  return names;
}

/** Every event in `default`, in resourceVersion order, with its name, times, object, reason, count and message. */
function eventLines(c: Cluster): string[] {
  const sec = (t: string | undefined) => (parseTime(t) - c.startMs) / 1000;
  return c.api
    .list<Event>('Event', 'default')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map(
      (e) =>
        `${e.metadata.name} ${sec(e.firstTimestamp)}-${sec(e.lastTimestamp)}s ${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason} x${e.count}: ${e.message}`,
    );
}

/** As `kubectl rollout status` decides, plus: no pod of the old revision left. */
function rolledOut(c: Cluster, replicas: number, pods: () => number): boolean {
  const d = c.api.get<Deployment>('Deployment', 'default', 'web');
  const s = d?.status;
  return (
    !!s &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    s.updatedReplicas === replicas &&
    s.replicas === replicas &&
    s.availableReplicas === replicas &&
    pods() === replicas
  );
}

/** Creates a Deployment of `replicas` nginx pods, waits until it is available, rolls it to a new image. */
function createAndRoll(seed: number, replicas: number, workers: number) {
  const c = createCluster({ seed, workers, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
  const names = recordPodNames(c);
  let live = 0;
  c.api.watch<Pod>('Pod', (e) => {
    if (e.object.metadata.namespace !== 'default') return;
    if (e.type === 'ADDED') live++;
    else if (e.type === 'DELETED') live--;
  });
  const writes: string[] = [];
  c.api.watch('*', (e) => {
    const m = e.object.metadata;
    if (m.namespace === 'default')
      writes.push(`${c.now()} ${e.type} ${e.object.kind}/${m.name} ${m.resourceVersion}`);
  });
  const run = () => {
    c.settle();
    const limit = c.now() + 3600_000;
    while (!rolledOut(c, replicas, () => live))
      if (!c.step(limit)) throw new Error('the rollout did not finish');
  };
  c.api.create(deployment(replicas, 'nginx:1.17'));
  run();
  setImage(c, 'nginx:1.18');
  run();
  return {
    names,
    writes,
    events: eventLines(c),
    traces: c.trace.records.map((r) => JSON.stringify(r)),
    finishedAt: c.now(),
  };
}

describe('engine determinism', () => {
  it('creates and rolls 1,000 replicas on 50 workers identically twice with the same seed', () => {
    const a = createAndRoll(7, 1000, 50);
    const b = createAndRoll(7, 1000, 50);
    expect(a.names).toHaveLength(2000);
    expect(new Set(a.names).size).toBe(2000);
    expect(a.events.length).toBeGreaterThan(4000);
    expect(a.traces.length).toBeGreaterThan(1000);
    expect(b.finishedAt).toBe(a.finishedAt);
    expect(b.names).toEqual(a.names);
    expect(b.events).toEqual(a.events);
    expect(b.traces).toEqual(a.traces);
    expect(b.writes).toEqual(a.writes);
  }, 60_000);

  it('keeps the events and pod names of a 4-replica rolling update (captured before the performance work)', () => {
    const c = createCluster({ workers: 2, seed: 1 });
    const names = recordPodNames(c);
    c.api.create(deployment(4, 'nginx:1.17'));
    c.advanceBy(30_000);
    setImage(c, 'nginx:1.18');
    c.advanceBy(60_000);
    expect(names).toEqual(GOLDEN_POD_NAMES);
    expect(eventLines(c)).toEqual(GOLDEN_EVENTS);
  });

  it("keeps the ReplicaSet controller's pod index equal to a recount through scaling, node failure and rollouts", () => {
    OwnedPodIndex.verify = true;
    try {
      const c = createCluster({ workers: 3, seed: 3 });
      c.api.create(deployment(12, 'nginx:1.17'));
      c.advanceBy(20_000);
      c.stopNode('node2');
      setImage(c, 'nginx:1.18');
      c.advanceBy(120_000);
      const d = deepCopy(c.api.get<Deployment>('Deployment', 'default', 'web')!);
      d.spec!.replicas = 5;
      d.spec!.minReadySeconds = 3;
      c.api.update(d);
      c.advanceBy(400_000);
      c.startNode('node2');
      setImage(c, 'nginx:1.19');
      c.advanceBy(120_000);
      c.api.delete('Deployment', 'default', 'web');
      c.advanceBy(60_000);
      expect(c.api.list('Pod', 'default')).toEqual([]);
    } finally {
      OwnedPodIndex.verify = false;
    }
  });
});

const GOLDEN_POD_NAMES = [
  'web-57b8f65c5c-x5fgl',
  'web-57b8f65c5c-k6x47',
  'web-57b8f65c5c-jzmpr',
  'web-57b8f65c5c-bxz7f',
  'web-bf8cc884-n5mrb',
  'web-bf8cc884-868vd',
  'web-bf8cc884-zmwr9',
  'web-bf8cc884-hcvrl',
];

const GOLDEN_EVENTS = [
  'web.1887aca43336002f 0-0s Deployment/web ScalingReplicaSet x1: Scaled up replica set web-57b8f65c5c from 0 to 4',
  'web-57b8f65c5c.1887aca433360030 0-0s ReplicaSet/web-57b8f65c5c SuccessfulCreate x1: Created pod: web-57b8f65c5c-x5fgl',
  'web-57b8f65c5c.1887aca433360031 0-0s ReplicaSet/web-57b8f65c5c SuccessfulCreate x1: Created pod: web-57b8f65c5c-k6x47',
  'web-57b8f65c5c.1887aca433360032 0-0s ReplicaSet/web-57b8f65c5c SuccessfulCreate x1: Created pod: web-57b8f65c5c-jzmpr',
  'web-57b8f65c5c.1887aca433360033 0-0s ReplicaSet/web-57b8f65c5c SuccessfulCreate x1: Created pod: web-57b8f65c5c-bxz7f',
  'web-57b8f65c5c-x5fgl.1887aca433360034 0-0s Pod/web-57b8f65c5c-x5fgl Scheduled x1: Successfully assigned default/web-57b8f65c5c-x5fgl to node2',
  'web-57b8f65c5c-k6x47.1887aca433360035 0-0s Pod/web-57b8f65c5c-k6x47 Scheduled x1: Successfully assigned default/web-57b8f65c5c-k6x47 to node1',
  'web-57b8f65c5c-jzmpr.1887aca433360036 0-0s Pod/web-57b8f65c5c-jzmpr Scheduled x1: Successfully assigned default/web-57b8f65c5c-jzmpr to node2',
  'web-57b8f65c5c-bxz7f.1887aca433360037 0-0s Pod/web-57b8f65c5c-bxz7f Scheduled x1: Successfully assigned default/web-57b8f65c5c-bxz7f to node1',
  'web-57b8f65c5c-x5fgl.1887aca46ed0ca38 1-1s Pod/web-57b8f65c5c-x5fgl Pulling x1: Pulling image "nginx:1.17"',
  'web-57b8f65c5c-k6x47.1887aca46ed0ca39 1-1s Pod/web-57b8f65c5c-k6x47 Pulling x1: Pulling image "nginx:1.17"',
  'web-57b8f65c5c-jzmpr.1887aca46ed0ca3a 1-1s Pod/web-57b8f65c5c-jzmpr Pulling x1: Pulling image "nginx:1.17"',
  'web-57b8f65c5c-bxz7f.1887aca46ed0ca3b 1-1s Pod/web-57b8f65c5c-bxz7f Pulling x1: Pulling image "nginx:1.17"',
  'web-57b8f65c5c-x5fgl.1887aca56927b43c 5-5s Pod/web-57b8f65c5c-x5fgl Pulled x1: Successfully pulled image "nginx:1.17" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-57b8f65c5c-k6x47.1887aca56927b43d 5-5s Pod/web-57b8f65c5c-k6x47 Pulled x1: Successfully pulled image "nginx:1.17" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-57b8f65c5c-jzmpr.1887aca56927b43e 5-5s Pod/web-57b8f65c5c-jzmpr Pulled x1: Successfully pulled image "nginx:1.17" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-57b8f65c5c-bxz7f.1887aca56927b43f 5-5s Pod/web-57b8f65c5c-bxz7f Pulled x1: Successfully pulled image "nginx:1.17" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-57b8f65c5c-x5fgl.1887aca5a4c27e40 6-6s Pod/web-57b8f65c5c-x5fgl Created x1: Container created',
  'web-57b8f65c5c-x5fgl.1887aca5a4c27e41 6-6s Pod/web-57b8f65c5c-x5fgl Started x1: Container started',
  'web-57b8f65c5c-k6x47.1887aca5a4c27e42 6-6s Pod/web-57b8f65c5c-k6x47 Created x1: Container created',
  'web-57b8f65c5c-k6x47.1887aca5a4c27e43 6-6s Pod/web-57b8f65c5c-k6x47 Started x1: Container started',
  'web-57b8f65c5c-jzmpr.1887aca5a4c27e44 6-6s Pod/web-57b8f65c5c-jzmpr Created x1: Container created',
  'web-57b8f65c5c-jzmpr.1887aca5a4c27e45 6-6s Pod/web-57b8f65c5c-jzmpr Started x1: Container started',
  'web-57b8f65c5c-bxz7f.1887aca5a4c27e46 6-6s Pod/web-57b8f65c5c-bxz7f Created x1: Container created',
  'web-57b8f65c5c-bxz7f.1887aca5a4c27e47 6-6s Pod/web-57b8f65c5c-bxz7f Started x1: Container started',
  'web.1887acab2f59ac48 30-30s Deployment/web ScalingReplicaSet x1: Scaled up replica set web-bf8cc884 from 0 to 1',
  'web.1887acab2f59ac49 30-30s Deployment/web ScalingReplicaSet x1: Scaled down replica set web-57b8f65c5c from 4 to 3',
  'web-bf8cc884.1887acab2f59ac4a 30-30s ReplicaSet/web-bf8cc884 SuccessfulCreate x1: Created pod: web-bf8cc884-n5mrb',
  'web.1887acab2f59ac4b 30-30s Deployment/web ScalingReplicaSet x1: Scaled up replica set web-bf8cc884 from 1 to 2',
  'web-57b8f65c5c.1887acab2f59ac4c 30-30s ReplicaSet/web-57b8f65c5c SuccessfulDelete x1: Deleted pod: web-57b8f65c5c-x5fgl',
  'web-bf8cc884.1887acab2f59ac4d 30-30s ReplicaSet/web-bf8cc884 SuccessfulCreate x1: Created pod: web-bf8cc884-868vd',
  'web-bf8cc884-n5mrb.1887acab2f59ac4e 30-30s Pod/web-bf8cc884-n5mrb Scheduled x1: Successfully assigned default/web-bf8cc884-n5mrb to node2',
  'web-57b8f65c5c-x5fgl.1887acab2f59ac4f 30-30s Pod/web-57b8f65c5c-x5fgl Killing x1: Stopping container nginx',
  'web-bf8cc884-868vd.1887acab2f59ac50 30-30s Pod/web-bf8cc884-868vd Scheduled x1: Successfully assigned default/web-bf8cc884-868vd to node1',
  'web-bf8cc884-n5mrb.1887acab6af47651 31-31s Pod/web-bf8cc884-n5mrb Pulling x1: Pulling image "nginx:1.18"',
  'web-bf8cc884-868vd.1887acab6af47652 31-31s Pod/web-bf8cc884-868vd Pulling x1: Pulling image "nginx:1.18"',
  'web-bf8cc884-n5mrb.1887acac654b6053 35-35s Pod/web-bf8cc884-n5mrb Pulled x1: Successfully pulled image "nginx:1.18" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-bf8cc884-868vd.1887acac654b6054 35-35s Pod/web-bf8cc884-868vd Pulled x1: Successfully pulled image "nginx:1.18" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
  'web-bf8cc884-n5mrb.1887acaca0e62a55 36-36s Pod/web-bf8cc884-n5mrb Created x1: Container created',
  'web-bf8cc884-n5mrb.1887acaca0e62a56 36-36s Pod/web-bf8cc884-n5mrb Started x1: Container started',
  'web.1887acaca0e62a57 36-36s Deployment/web ScalingReplicaSet x1: Scaled down replica set web-57b8f65c5c from 3 to 2',
  'web-57b8f65c5c.1887acaca0e62a58 36-36s ReplicaSet/web-57b8f65c5c SuccessfulDelete x1: Deleted pod: web-57b8f65c5c-k6x47',
  'web.1887acaca0e62a59 36-36s Deployment/web ScalingReplicaSet x1: Scaled up replica set web-bf8cc884 from 2 to 3',
  'web-57b8f65c5c-k6x47.1887acaca0e62a5a 36-36s Pod/web-57b8f65c5c-k6x47 Killing x1: Stopping container nginx',
  'web-bf8cc884.1887acaca0e62a5b 36-36s ReplicaSet/web-bf8cc884 SuccessfulCreate x1: Created pod: web-bf8cc884-zmwr9',
  'web-bf8cc884-zmwr9.1887acaca0e62a5c 36-36s Pod/web-bf8cc884-zmwr9 Scheduled x1: Successfully assigned default/web-bf8cc884-zmwr9 to node2',
  'web-bf8cc884-868vd.1887acaca0e62a5d 36-36s Pod/web-bf8cc884-868vd Created x1: Container created',
  'web-bf8cc884-868vd.1887acaca0e62a5e 36-36s Pod/web-bf8cc884-868vd Started x1: Container started',
  'web.1887acaca0e62a5f 36-36s Deployment/web ScalingReplicaSet x1: Scaled down replica set web-57b8f65c5c from 2 to 1',
  'web-57b8f65c5c.1887acaca0e62a60 36-36s ReplicaSet/web-57b8f65c5c SuccessfulDelete x1: Deleted pod: web-57b8f65c5c-jzmpr',
  'web.1887acaca0e62a61 36-36s Deployment/web ScalingReplicaSet x1: Scaled up replica set web-bf8cc884 from 3 to 4',
  'web-57b8f65c5c-jzmpr.1887acaca0e62a62 36-36s Pod/web-57b8f65c5c-jzmpr Killing x1: Stopping container nginx',
  'web-bf8cc884.1887acaca0e62a63 36-36s ReplicaSet/web-bf8cc884 SuccessfulCreate x1: Created pod: web-bf8cc884-hcvrl',
  'web-bf8cc884-hcvrl.1887acaca0e62a64 36-36s Pod/web-bf8cc884-hcvrl Scheduled x1: Successfully assigned default/web-bf8cc884-hcvrl to node1',
  'web-bf8cc884-zmwr9.1887acacdc80f465 37-37s Pod/web-bf8cc884-zmwr9 Pulled x1: Container image "nginx:1.18" already present on machine and can be accessed by the pod',
  'web-bf8cc884-hcvrl.1887acacdc80f466 37-37s Pod/web-bf8cc884-hcvrl Pulled x1: Container image "nginx:1.18" already present on machine and can be accessed by the pod',
  'web-bf8cc884-zmwr9.1887acad181bbe67 38-38s Pod/web-bf8cc884-zmwr9 Created x1: Container created',
  'web-bf8cc884-zmwr9.1887acad181bbe68 38-38s Pod/web-bf8cc884-zmwr9 Started x1: Container started',
  'web.1887acad181bbe69 38-38s Deployment/web ScalingReplicaSet x1: Scaled down replica set web-57b8f65c5c from 1 to 0',
  'web-57b8f65c5c.1887acad181bbe6a 38-38s ReplicaSet/web-57b8f65c5c SuccessfulDelete x1: Deleted pod: web-57b8f65c5c-bxz7f',
  'web-57b8f65c5c-bxz7f.1887acad181bbe6b 38-38s Pod/web-57b8f65c5c-bxz7f Killing x1: Stopping container nginx',
  'web-bf8cc884-hcvrl.1887acad181bbe6c 38-38s Pod/web-bf8cc884-hcvrl Created x1: Container created',
  'web-bf8cc884-hcvrl.1887acad181bbe6d 38-38s Pod/web-bf8cc884-hcvrl Started x1: Container started',
];
