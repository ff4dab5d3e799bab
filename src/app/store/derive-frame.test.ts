import { describe, expect, it } from 'vitest';
import {
  createCluster,
  deepCopy,
  type Deployment,
  type PodDisruptionBudget,
  type ReplicationController,
  type StatefulSet,
} from '../../engine/index.ts';
import { deriveFrame, stableFrame } from './derive-frame.ts';

function deployment(image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web-deploy', namespace: 'default' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

function setImage(c: ReturnType<typeof createCluster>, image: string) {
  const d = deepCopy(c.api.get<Deployment>('Deployment', 'default', 'web-deploy')!);
  d.spec!.template.spec!.containers[0]!.image = image;
  c.api.update(d);
  c.settle();
}

describe('deriveFrame', () => {
  it('draws the learner namespace: nodes, the Deployment with its fenceposts, its ReplicaSet and Pods', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    c.advanceBy(60_000);
    const f = deriveFrame(c.api);
    expect(f.nodes.map((n) => [n.name, n.status, n.controlPlane])).toEqual([
      ['control-plane', 'Ready', true],
      ['node1', 'Ready', false],
      ['node2', 'Ready', false],
    ]);
    expect(f.nodes[0]!.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(f.deployments).toHaveLength(1);
    expect(f.deployments[0]).toMatchObject({
      name: 'web-deploy',
      replicas: 4,
      updated: 4,
      available: 4,
      strategy: 'RollingUpdate',
      maxSurge: '25%',
      maxUnavailable: '25%',
      maxSurgeCount: 1,
      maxUnavailableCount: 1,
      image: 'nginx:1.17',
    });
    expect(f.replicaSets).toHaveLength(1);
    expect(f.replicaSets[0]).toMatchObject({
      deployment: 'web-deploy',
      revision: 1,
      colorIndex: 0,
      desired: 4,
      current: 4,
      ready: 4,
    });
    expect(f.pods).toHaveLength(4);
    for (const p of f.pods) {
      expect(p).toMatchObject({
        namespace: 'default',
        status: 'Running',
        readyText: '1/1',
        ready: true,
        revision: 1,
        colorIndex: 0,
        terminating: false,
      });
      expect(['node1', 'node2']).toContain(p.node);
      expect(p.replicaSet).toBe(f.replicaSets[0]!.name);
    }
    // kube-system Pods are counted on their nodes, not drawn.
    const others = f.nodes.reduce((s, n) => s + n.otherPods, 0);
    expect(others).toBe(c.api.list('Pod').length - 4);
  });

  it('keeps a ReplicaSet colour when a rollback gives it a new revision', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    c.advanceBy(60_000);
    const first = deriveFrame(c.api).replicaSets[0]!;
    setImage(c, 'nginx:1.18');
    const mid = deriveFrame(c.api);
    const second = mid.replicaSets.find((r) => r.uid !== first.uid)!;
    expect(second).toMatchObject({ revision: 2, colorIndex: 1, image: 'nginx:1.18' });
    c.advanceBy(120_000);
    setImage(c, 'nginx:1.17');
    c.advanceBy(120_000);
    const after = deriveFrame(c.api);
    expect(after.replicaSets.find((r) => r.uid === first.uid)).toMatchObject({
      revision: 3,
      colorIndex: 0,
      desired: 4,
    });
    expect(after.pods.every((p) => p.revision === 3 && p.colorIndex === 0)).toBe(true);
  });

  it('marks deleted Pods Terminating, as kubectl prints them', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    c.advanceBy(60_000);
    const d = deepCopy(c.api.get<Deployment>('Deployment', 'default', 'web-deploy')!);
    d.spec!.replicas = 2;
    c.api.update(d);
    c.settle();
    const f = deriveFrame(c.api);
    expect(f.pods.filter((p) => p.terminating).map((p) => p.status)).toEqual(['Terminating', 'Terminating']);
  });

  it('derives each PodDisruptionBudget: its rule, the Deployment it covers and the controller status', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    c.advanceBy(60_000);
    expect(deriveFrame(c.api).pdbs).toEqual([]);
    c.api.create(pdb('web-pdb', { minAvailable: 3 }, { app: 'web' }));
    c.api.create(pdb('other-pdb', { maxUnavailable: '25%' }, { app: 'nothing' }));
    c.api.create(pdb('kube-pdb', { minAvailable: 1 }, { app: 'web' }, 'kube-system'));
    c.settle();
    const f = deriveFrame(c.api);
    expect(f.pdbs!.map((b) => b.name).sort()).toEqual(['other-pdb', 'web-pdb']);
    expect(f.pdbs!.find((b) => b.name === 'web-pdb')).toMatchObject({
      namespace: 'default',
      rule: { field: 'minAvailable', value: '3' },
      deployment: 'web-deploy',
      expectedPods: 4,
      currentHealthy: 4,
      desiredHealthy: 3,
      disruptionsAllowed: 1,
    });
    expect(f.pdbs!.find((b) => b.name === 'other-pdb')).toMatchObject({
      rule: { field: 'maxUnavailable', value: '25%' },
      deployment: null,
      expectedPods: 0,
      currentHealthy: 0,
      disruptionsAllowed: 0,
    });

    // A Pod going away takes the budget to zero until its replacement is Ready; the frame follows.
    const victim = f.pods[0]!;
    c.api.delete('Pod', 'default', victim.name);
    c.settle();
    expect(deriveFrame(c.api).pdbs!.find((b) => b.name === 'web-pdb')).toMatchObject({
      currentHealthy: 3,
      desiredHealthy: 3,
      disruptionsAllowed: 0,
    });
    c.advanceBy(120_000);
    expect(deriveFrame(c.api).pdbs!.find((b) => b.name === 'web-pdb')).toMatchObject({
      currentHealthy: 4,
      disruptionsAllowed: 1,
    });
  });

  it('numbers ReplicationControllers by creation: colour slot and rc badge for each and its Pods', () => {
    const c = createCluster({ seed: 3, workers: 3 });
    c.api.create(rc('api-rc', 'v1', 'asia.gcr.io/rollout-lab/node-api:1.0.0', 3));
    c.api.create(rc('other-rc', 'v1', 'asia.gcr.io/rollout-lab/node-api:1.0.0', 1, 'kube-system'));
    c.settle();
    c.advanceBy(60_000);
    const one = deriveFrame(c.api);
    expect(one.replicaSets).toEqual([]);
    expect(one.replicationControllers).toEqual([
      expect.objectContaining({
        name: 'api-rc',
        namespace: 'default',
        ordinal: 1,
        colorIndex: 0,
        desired: 3,
        current: 3,
        ready: 3,
        available: 3,
        image: 'asia.gcr.io/rollout-lab/node-api:1.0.0',
        selector: 'deployment=v1,name=api-pods',
      }),
    ]);
    expect(one.pods.map((p) => [p.replicationController, p.rcOrdinal, p.colorIndex, p.revision])).toEqual([
      ['api-rc', 1, 0, null],
      ['api-rc', 1, 0, null],
      ['api-rc', 1, 0, null],
    ]);

    // kubectl rolling-update's steps, by hand: a second controller scaled up while the first scales down.
    c.api.create(rc('api-rc-next', 'v2', 'asia.gcr.io/rollout-lab/node-api:1.0.1', 0));
    c.settle();
    scaleRc(c, 'api-rc-next', 1);
    scaleRc(c, 'api-rc', 2);
    c.advanceBy(60_000);
    const two = deriveFrame(c.api);
    expect(
      two.replicationControllers!.map((r) => [r.name, r.ordinal, r.colorIndex, r.desired, r.ready]),
    ).toEqual([
      ['api-rc', 1, 0, 2, 2],
      ['api-rc-next', 2, 1, 1, 1],
    ]);
    const live = two.pods.filter((p) => !p.terminating);
    expect(live.map((p) => `${p.replicationController}:${p.rcOrdinal}:${p.colorIndex}`).sort()).toEqual([
      'api-rc-next:2:1',
      'api-rc:1:0',
      'api-rc:1:0',
    ]);

    // The old controller deleted: the frame knows only what exists, so the new one is now rc1.
    scaleRc(c, 'api-rc', 0);
    scaleRc(c, 'api-rc-next', 3);
    c.advanceBy(60_000);
    c.api.delete('ReplicationController', 'default', 'api-rc');
    c.settle();
    const after = deriveFrame(c.api);
    expect(after.replicationControllers!.map((r) => [r.name, r.ordinal, r.colorIndex])).toEqual([
      ['api-rc-next', 1, 0],
    ]);
    expect(after.pods.filter((p) => !p.terminating).map((p) => [p.rcOrdinal, p.colorIndex])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('leaves ReplicaSet Pods without an rc badge and frames without controllers unchanged', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    const f = deriveFrame(c.api);
    expect(f.replicationControllers).toBeUndefined();
    expect(f.pods.length).toBeGreaterThan(0);
    for (const p of f.pods) expect(p).not.toHaveProperty('replicationController');
  });

  it('stableFrame returns the previous frame when nothing drawn changed', () => {
    const c = createCluster({ seed: 3, workers: 2 });
    const a = deriveFrame(c.api);
    const b = deriveFrame(c.api);
    expect(a).not.toBe(b);
    expect(stableFrame(a, b)).toBe(a);
    c.api.create(deployment('nginx:1.17'));
    c.settle();
    const changed = deriveFrame(c.api);
    expect(stableFrame(a, changed)).toBe(changed);
  });
});

function pdb(
  name: string,
  rule: { minAvailable?: number | string; maxUnavailable?: number | string },
  matchLabels: Record<string, string>,
  namespace = 'default',
): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace },
    spec: { ...rule, selector: { matchLabels } },
  };
}

function rc(
  name: string,
  version: string,
  image: string,
  replicas: number,
  namespace = 'default',
): ReplicationController {
  const labels = { name: 'api-pods', deployment: version };
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: labels,
      template: { metadata: { labels }, spec: { containers: [{ name: 'node-api-container', image }] } },
    },
  };
}

function scaleRc(c: ReturnType<typeof createCluster>, name: string, replicas: number) {
  const r = deepCopy(c.api.get<ReplicationController>('ReplicationController', 'default', name)!);
  r.spec!.replicas = replicas;
  c.api.update(r);
  c.settle();
}

describe('deriveFrame: StatefulSets and their claims', () => {
  const web = (replicas: number, image = 'registry.k8s.io/nginx-slim:0.8'): StatefulSet => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            { name: 'nginx', image, volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  });

  it('a set of 3: its card counts, ordinals, revision and a Bound claim per Pod', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(web(3));
    c.settle();
    c.advanceBy(180_000);
    const f = deriveFrame(c.api);
    expect(f.statefulSets).toHaveLength(1);
    const set = f.statefulSets![0]!;
    expect(set).toMatchObject({
      name: 'web',
      colorIndex: 0,
      desired: 3,
      current: 3,
      ready: 3,
      updated: 3,
      currentRevision: 1,
      updateRevision: 1,
      strategy: 'RollingUpdate',
      partition: 0,
      image: 'registry.k8s.io/nginx-slim:0.8',
    });
    expect(set.claims.map((cl) => [cl.name, cl.phase, cl.pod])).toEqual([
      ['www-web-0', 'Bound', 'web-0'],
      ['www-web-1', 'Bound', 'web-1'],
      ['www-web-2', 'Bound', 'web-2'],
    ]);
    expect(set.claims.every((cl) => /^pvc-/.test(cl.volume))).toBe(true);
    expect(f.claims).toHaveLength(3);
    const pods = f.pods
      .filter((p) => p.statefulSet === 'web')
      .map((p) => [p.name, p.stsOrdinal, p.stsRevision, p.stsUpdated, p.colorIndex, p.claims?.[0]?.name]);
    expect(pods.sort()).toEqual([
      ['web-0', 0, 1, true, 0, 'www-web-0'],
      ['web-1', 1, 1, true, 0, 'www-web-1'],
      ['web-2', 2, 1, true, 0, 'www-web-2'],
    ]);
  });

  it('scale 3 → 1 keeps the claims without Pods; a new image is revision 2 from the highest ordinal', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(web(3));
    c.settle();
    c.advanceBy(180_000);
    const s = deepCopy(c.api.get<StatefulSet>('StatefulSet', 'default', 'web')!);
    s.spec!.replicas = 1;
    c.api.update(s);
    c.settle();
    c.advanceBy(120_000);
    let f = deriveFrame(c.api);
    expect(f.pods.map((p) => p.name)).toEqual(['web-0']);
    expect(f.statefulSets![0]!.claims.map((cl) => [cl.name, cl.phase, cl.pod])).toEqual([
      ['www-web-0', 'Bound', 'web-0'],
      ['www-web-1', 'Bound', null],
      ['www-web-2', 'Bound', null],
    ]);
    const s2 = deepCopy(c.api.get<StatefulSet>('StatefulSet', 'default', 'web')!);
    s2.spec!.replicas = 2;
    s2.spec!.template.spec!.containers[0]!.image = 'registry.k8s.io/nginx-slim:0.7';
    c.api.update(s2);
    c.settle();
    f = deriveFrame(c.api);
    expect(f.statefulSets![0]).toMatchObject({ currentRevision: 1, updateRevision: 2 });
    c.advanceBy(300_000);
    f = deriveFrame(c.api);
    expect(f.statefulSets![0]).toMatchObject({ currentRevision: 2, updateRevision: 2, updated: 2 });
    expect(f.pods.map((p) => [p.name, p.stsRevision, p.stsUpdated])).toEqual([
      ['web-0', 2, true],
      ['web-1', 2, true],
    ]);
  });
});
