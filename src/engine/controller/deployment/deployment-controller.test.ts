// The Deployment controller in a whole simulated cluster (kubelets, scheduler, ReplicaSet controller), checked
// against the sequences of the ground-truth note (shared/spec/deployment-replicaset-node.md §3, §5, §7, §9).
import { afterEach, describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../api/types.ts';
import { isPodReady } from '../../api/pod-util.ts';
import { createCluster, type Cluster, type ClusterOptions } from '../../cluster.ts';
import { deepCopy } from '../../util/copy.ts';
import { deploymentTraceRules } from './trace-rules.ts';

interface Recorded {
  t: number;
  reason: string;
  message: string;
}

const clusters: Cluster[] = [];

// Every "why" record the controller wrote names a registered rule and carries exactly its values.
afterEach(() => {
  const registry: Record<string, readonly string[]> = deploymentTraceRules;
  for (const c of clusters.splice(0)) {
    for (const r of c.trace.records.filter((x) => x.controller === 'deployment-controller')) {
      expect(registry[r.rule], r.rule).toBeDefined();
      expect(Object.keys(r.values).sort(), r.rule).toEqual([...(registry[r.rule] ?? [])].sort());
      expect(r.object.kind).toBe('Deployment');
    }
  }
});

function setup(opts: ClusterOptions = {}) {
  const c = createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2, ...opts });
  clusters.push(c);
  const events: Recorded[] = [];
  const record = c.recorder.event.bind(c.recorder);
  c.recorder.event = (obj, type, reason, message, source, fieldPath) => {
    if (source.component === 'deployment-controller') events.push({ t: c.elapsed() / 1000, reason, message });
    record(obj, type, reason, message, source, fieldPath);
  };
  return { c, events };
}

function webDeployment(
  replicas: number,
  image: string,
  mutate: (d: Deployment) => void = () => {},
): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
  mutate(d);
  return d;
}

const getD = (c: Cluster) => c.api.get<Deployment>('Deployment', 'default', 'web')!;
const rsList = (c: Cluster) => c.api.list<ReplicaSet>('ReplicaSet', 'default');
const rsByImage = (c: Cluster, image: string) =>
  rsList(c).find((r) => r.spec?.template?.spec?.containers[0]?.image === image)!;
const cond = (c: Cluster, type: string) => getD(c).status?.conditions?.find((x) => x.type === type);

function edit(c: Cluster, mutate: (d: Deployment) => void): void {
  const d = deepCopy(getD(c));
  mutate(d);
  const [, err] = c.api.update(d);
  if (err) throw new Error(err.message);
  c.settle();
}

const setImage = (image: string) => (d: Deployment) => (d.spec!.template.spec!.containers[0]!.image = image);

describe('DeploymentController in a cluster', () => {
  it('creates the first ReplicaSet at full size and reports the Deployment complete', () => {
    const { c, events } = setup();
    c.api.create(webDeployment(4, 'nginx:1.17'));
    c.settle();
    const [rs] = rsList(c);
    expect(rs!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(events).toEqual([
      {
        t: 0,
        reason: 'ScalingReplicaSet',
        message: `Scaled up replica set ${rs!.metadata.name} from 0 to 4`,
      },
    ]);
    expect(cond(c, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(cond(c, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    c.advanceBy(5000);
    const d = getD(c);
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
    });
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`,
      ],
    ]);
  });

  it('rolls nginx:1.17 to nginx:1.18 with the seed-000 event sequence, never above 5 nor below 3 available', () => {
    const { c, events } = setup();
    c.api.create(webDeployment(4, 'nginx:1.17'));
    c.advanceBy(10_000);
    expect(getD(c).status?.availableReplicas).toBe(4);
    events.length = 0;
    const violations: string[] = [];
    c.api.watch<ReplicaSet>('ReplicaSet', () => {
      const sets = rsList(c);
      const spec = sets.reduce((n, r) => n + (r.spec?.replicas ?? 0), 0);
      const available = sets.reduce((n, r) => n + (r.status?.availableReplicas ?? 0), 0);
      if (spec > 5 || available < 3) violations.push(`t=${c.elapsed()} spec=${spec} available=${available}`);
    });
    edit(c, setImage('nginx:1.18'));
    c.advanceBy(30_000);
    const a = rsByImage(c, 'nginx:1.17').metadata.name;
    const b = rsByImage(c, 'nginx:1.18').metadata.name;
    expect(events.map((e) => e.message)).toEqual([
      `Scaled up replica set ${b} from 0 to 1`,
      `Scaled down replica set ${a} from 4 to 3`,
      `Scaled up replica set ${b} from 1 to 2`,
      `Scaled down replica set ${a} from 3 to 2`,
      `Scaled up replica set ${b} from 2 to 3`,
      `Scaled down replica set ${a} from 2 to 1`,
      `Scaled up replica set ${b} from 3 to 4`,
      `Scaled down replica set ${a} from 1 to 0`,
    ]);
    expect(events.map((e) => e.t)).toEqual([10, 10, 10, 15, 15, 15, 15, 20]);
    expect(violations).toEqual([]);
    const d = getD(c);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({
      observedGeneration: 2,
      replicas: 4,
      updatedReplicas: 4,
      availableReplicas: 4,
    });
    expect(cond(c, 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${b}" has successfully progressed.`,
    });
    // Every scaling decision has a "why" record carrying the event it produced.
    const traced = c.trace.records
      .filter((r) => r.controller === 'deployment-controller' && r.event)
      .map((r) => r.event);
    expect(traced.slice(-8)).toEqual(events.map((e) => e.message));
  });

  it('maxSurge 0, maxUnavailable 1: the new ReplicaSet starts at 0 without an event', () => {
    const { c, events } = setup();
    c.api.create(
      webDeployment(
        4,
        'nginx:1.17',
        (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }),
      ),
    );
    c.advanceBy(10_000);
    events.length = 0;
    edit(c, setImage('nginx:1.18'));
    c.advanceBy(30_000);
    const a = rsByImage(c, 'nginx:1.17').metadata.name;
    const b = rsByImage(c, 'nginx:1.18').metadata.name;
    expect(events.map((e) => `${e.t} ${e.message}`)).toEqual([
      `10 Scaled down replica set ${a} from 4 to 3`,
      `10 Scaled up replica set ${b} from 0 to 1`,
      `15 Scaled down replica set ${a} from 3 to 2`,
      `15 Scaled up replica set ${b} from 1 to 2`,
      `20 Scaled down replica set ${a} from 2 to 1`,
      `20 Scaled up replica set ${b} from 2 to 3`,
      `25 Scaled down replica set ${a} from 1 to 0`,
      `25 Scaled up replica set ${b} from 3 to 4`,
    ]);
  });

  it('a broken image stops at the bound, scales proportionally, and times out after progressDeadlineSeconds', () => {
    const { c, events } = setup();
    c.api.create(
      webDeployment(
        10,
        'nginx:1.17',
        (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }),
      ),
    );
    c.advanceBy(10_000);
    events.length = 0;
    edit(c, setImage('nginx:9.9'));
    const a = rsByImage(c, 'nginx:1.17').metadata.name;
    const b = rsByImage(c, 'nginx:9.9').metadata.name;
    expect(events.map((e) => e.message)).toEqual([
      `Scaled up replica set ${b} from 0 to 3`,
      `Scaled down replica set ${a} from 10 to 8`,
      `Scaled up replica set ${b} from 3 to 5`,
    ]);
    c.advanceBy(60_000);
    expect([rsByImage(c, 'nginx:1.17').spec?.replicas, rsByImage(c, 'nginx:9.9').spec?.replicas]).toEqual([
      8, 5,
    ]);
    expect(cond(c, 'Available')).toMatchObject({ status: 'True' });

    // The docs' example: scaling to 15 mid-rollout gives old 11, new 7.
    events.length = 0;
    edit(c, (d) => (d.spec!.replicas = 15));
    expect([rsByImage(c, 'nginx:1.17').spec?.replicas, rsByImage(c, 'nginx:9.9').spec?.replicas]).toEqual([
      11, 7,
    ]);
    expect(events.map((e) => e.message)).toEqual([
      `Scaled up replica set ${a} from 8 to 11`,
      `Scaled up replica set ${b} from 5 to 7`,
    ]);

    // The 3 extra old pods become available 5 s later: that is the last progress.
    c.advanceBy(60_000);
    const lastUpdate = Date.parse(cond(c, 'Progressing')!.lastUpdateTime!);
    expect(lastUpdate - c.startMs).toBe(75_000);
    c.advanceTo(lastUpdate + 600_000);
    expect(cond(c, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    c.advanceTo(lastUpdate + 601_000);
    expect(cond(c, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${b}" has timed out progressing.`,
    });
    expect(c.trace.records.some((r) => r.rule === 'progress.timedOut')).toBe(true);
  });

  it('pause stops rollouts (Progressing Unknown DeploymentPaused); resume continues them', () => {
    const { c, events } = setup();
    c.api.create(webDeployment(2, 'nginx:1.17'));
    c.advanceBy(10_000);
    events.length = 0;
    edit(c, (d) => (d.spec!.paused = true));
    expect(cond(c, 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    edit(c, setImage('nginx:1.18'));
    c.advanceBy(20_000);
    expect(rsList(c)).toHaveLength(1);
    expect(events).toEqual([]);
    expect(getD(c).status?.observedGeneration).toBe(getD(c).metadata.generation);
    // Scaling while paused is proportional and allowed.
    edit(c, (d) => (d.spec!.replicas = 3));
    expect(rsList(c)[0]!.spec?.replicas).toBe(3);
    edit(c, (d) => (d.spec!.paused = false));
    expect(rsList(c)).toHaveLength(2);
    c.advanceBy(30_000);
    expect(rsByImage(c, 'nginx:1.18').spec?.replicas).toBe(3);
    expect(cond(c, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(c.trace.records.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['progress.paused', 'progress.resumed']),
    );
  });

  it('Recreate scales the old ReplicaSet to 0 and creates the new one only after its pods are gone', () => {
    const { c, events } = setup();
    c.api.create(webDeployment(4, 'nginx:1.17', (d) => (d.spec!.strategy = { type: 'Recreate' })));
    c.advanceBy(10_000);
    events.length = 0;
    edit(c, setImage('nginx:1.18'));
    const a = rsByImage(c, 'nginx:1.17').metadata.name;
    expect(events.map((e) => e.message)).toEqual([`Scaled down replica set ${a} from 4 to 0`]);
    expect(rsList(c)).toHaveLength(1);
    expect(cond(c, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    c.advanceBy(1_999);
    expect(rsList(c)).toHaveLength(1);
    c.advanceBy(1);
    const b = rsByImage(c, 'nginx:1.18').metadata.name;
    expect(events.map((e) => `${e.t} ${e.message}`)).toEqual([
      `10 Scaled down replica set ${a} from 4 to 0`,
      `12 Scaled up replica set ${b} from 0 to 4`,
    ]);
    c.advanceBy(5_000);
    expect(c.api.list<Pod>('Pod', 'default').filter(isPodReady)).toHaveLength(4);
    expect(cond(c, 'Available')).toMatchObject({ status: 'True' });
  });

  it('reverting the template reuses the old ReplicaSet as the next revision', () => {
    const { c, events } = setup();
    c.api.create(webDeployment(2, 'nginx:1.17'));
    c.advanceBy(10_000);
    edit(c, setImage('nginx:1.18'));
    c.advanceBy(30_000);
    const a = rsByImage(c, 'nginx:1.17').metadata.name;
    events.length = 0;
    edit(c, setImage('nginx:1.17'));
    c.advanceBy(30_000);
    expect(rsList(c)).toHaveLength(2);
    expect(rsByImage(c, 'nginx:1.17').metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(events[0]?.message).toBe(`Scaled up replica set ${a} from 0 to 1`);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const { c } = setup();
    c.api.create(webDeployment(1, 'nginx:1.17', (d) => (d.spec!.revisionHistoryLimit = 1)));
    c.advanceBy(10_000);
    for (const image of ['nginx:1.18', 'nginx:1.19', 'nginx:1.20']) {
      edit(c, setImage(image));
      c.advanceBy(20_000);
    }
    expect(
      rsList(c)
        .map((r) => r.spec?.template?.spec?.containers[0]?.image)
        .sort(),
    ).toEqual(['nginx:1.19', 'nginx:1.20']);
    expect(c.trace.records.filter((r) => r.rule === 'sync.cleanupDeployment')).toHaveLength(2);
  });

  it('adopts a matching orphan ReplicaSet', () => {
    const { c } = setup();
    c.api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'orphan', namespace: 'default', labels: { app: 'web' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.16' }] },
        },
      },
    });
    c.settle();
    c.api.create(webDeployment(2, 'nginx:1.17'));
    c.settle();
    const orphan = c.api.get<ReplicaSet>('ReplicaSet', 'default', 'orphan')!;
    expect(orphan.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: getD(c).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    c.advanceBy(30_000);
    expect(c.api.get<ReplicaSet>('ReplicaSet', 'default', 'orphan')!.spec?.replicas).toBe(0);
  });

  it('is deterministic', () => {
    const run = () => {
      const { c, events } = setup({ seed: 3 });
      c.api.create(webDeployment(4, 'nginx:1.17'));
      c.advanceBy(10_000);
      edit(c, setImage('nginx:1.18'));
      c.advanceBy(30_000);
      return JSON.stringify([events, rsList(c).map((r) => r.metadata.name), getD(c).status]);
    };
    expect(run()).toBe(run());
  });
});
