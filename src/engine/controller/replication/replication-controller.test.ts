import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster.ts';
import type {
  Event,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  ReplicationController,
  Stored,
} from '../../api/types.ts';
import { controllerRef } from '../../api/pod-util.ts';
import { deepCopy } from '../../util/copy.ts';
import { OwnedPodIndex } from '../replicaset/pod-counts.ts';

// Every read of the pod index is checked against a full recount (adoption and release rewrite owners).
beforeAll(() => void (OwnedPodIndex.verify = true));
afterAll(() => void (OwnedPodIndex.verify = false));

/** The seed's api-rc (kubectl rolling-update tutorial). */
function apiRc(name = 'api-rc', replicas = 3, selector: Record<string, string> = { name: 'api-pods' }) {
  const rc: ReplicationController = {
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: { name, labels: { name } },
    spec: {
      replicas,
      selector,
      template: {
        metadata: { labels: { ...selector } },
        spec: { containers: [{ name: 'node-api-container', image: 'nginx:1.17' }] },
      },
    },
  };
  return rc;
}

const cluster = () => createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
const getRc = (c: Cluster, name = 'api-rc') =>
  c.api.get<ReplicationController>('ReplicationController', 'default', name)!;
const pods = (c: Cluster) => c.api.list<Pod>('Pod', 'default');
const names = (ps: readonly Stored<Pod>[]) => ps.map((p) => p.metadata.name);
const events = (c: Cluster) =>
  c.api
    .list<Event>('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'ReplicationController')
    .map((e) => `${e.source?.component} ${e.involvedObject.name} ${e.reason} ${e.message}`);

function scale(c: Cluster, replicas: number, name = 'api-rc'): void {
  const rc = deepCopy(getRc(c, name));
  rc.spec!.replicas = replicas;
  c.api.update(rc);
  c.settle();
}

describe('replication manager', () => {
  it('an RC of 3 creates 3 pods named <rc>-xxxxx, controlled by the RC, with the template labels', () => {
    const c = cluster();
    const [rc] = c.api.create(apiRc());
    c.settle();
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^api-rc-[a-z0-9]{5}$/);
      expect(p.metadata.generateName).toBe('api-rc-');
      expect(p.metadata.labels).toEqual({ name: 'api-pods' });
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'v1',
          kind: 'ReplicationController',
          name: 'api-rc',
          uid: rc!.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(events(c).sort()).toEqual(
      names(ps)
        .map((n) => `replication-controller api-rc SuccessfulCreate Created pod: ${n}`)
        .sort(),
    );
  });

  it('keeps the status as upstream: replicas, fullyLabeled, ready, available, observedGeneration', () => {
    const c = cluster();
    c.api.create(apiRc());
    c.settle();
    expect(getRc(c).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      observedGeneration: 1,
    });
    c.advanceBy(5000);
    expect(getRc(c).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    scale(c, 4);
    expect(getRc(c).metadata.generation).toBe(2);
    expect(getRc(c).status).toMatchObject({ replicas: 4, readyReplicas: 3, observedGeneration: 2 });
    c.advanceBy(5000);
    expect(getRc(c).status).toMatchObject({ replicas: 4, readyReplicas: 4, availableReplicas: 4 });
  });

  it('counts availability after minReadySeconds', () => {
    const c = cluster();
    const rc = apiRc();
    rc.spec!.minReadySeconds = 10;
    c.api.create(rc);
    c.advanceBy(5000);
    expect(getRc(c).status).toMatchObject({ readyReplicas: 3, availableReplicas: 0 });
    c.advanceBy(9999);
    expect(getRc(c).status).toMatchObject({ availableReplicas: 0 });
    c.advanceBy(1);
    expect(getRc(c).status).toMatchObject({ availableReplicas: 3 });
  });

  it('scales up and down, deleting the same pods a ReplicaSet would', () => {
    // The same story for an RS and an RC named web: the same seed gives the same pod names.
    const story = (kind: 'ReplicaSet' | 'ReplicationController') => {
      const c = createCluster({ seed: 3, workers: 3, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
      const labels = { app: 'web' };
      const template = {
        metadata: { labels },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
      };
      if (kind === 'ReplicaSet')
        c.api.create<ReplicaSet>({
          apiVersion: 'apps/v1',
          kind,
          metadata: { name: 'web' },
          spec: { replicas: 3, selector: { matchLabels: labels }, template },
        });
      else
        c.api.create<ReplicationController>({
          apiVersion: 'v1',
          kind,
          metadata: { name: 'web' },
          spec: { replicas: 3, selector: labels, template },
        });
      c.advanceBy(5000);
      const resize = (n: number) => {
        const o = deepCopy(c.api.get<ReplicaSet>(kind, 'default', 'web')!);
        o.spec!.replicas = n;
        c.api.update(o);
        c.settle();
      };
      resize(6);
      c.advanceBy(2000);
      resize(2);
      const deleted = c.api
        .list<Event>('Event', 'default')
        .filter((e) => e.reason === 'SuccessfulDelete')
        .map((e) => e.message);
      c.advanceBy(10_000);
      return { deleted, left: names(pods(c)), created: c.api.list<Event>('Event', 'default').length };
    };
    const rs = story('ReplicaSet');
    const rc = story('ReplicationController');
    expect(rc.deleted).toHaveLength(4);
    expect(rc).toEqual(rs);
  });

  it('scaling down records Deleted pod events and the why-trace of the shared code', () => {
    const c = cluster();
    c.api.create(apiRc());
    c.advanceBy(5000);
    scale(c, 1);
    const deleted = events(c).filter((e) => e.includes('SuccessfulDelete'));
    expect(deleted).toHaveLength(2);
    expect(deleted[0]).toMatch(
      /^replication-controller api-rc SuccessfulDelete Deleted pod: api-rc-[a-z0-9]{5}$/,
    );
    const rec = c.trace.records.find((r) => r.rule === 'replicaset.deletePods')!;
    expect(rec.controller).toBe('replicationmanager');
    expect(rec.object).toEqual({ kind: 'ReplicationController', namespace: 'default', name: 'api-rc' });
    expect(rec.values).toMatchObject({ replicas: 1, activePods: 3, diff: 2 });
    c.advanceBy(2000);
    expect(pods(c)).toHaveLength(1);
    expect(getRc(c).status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('a cascading delete removes its pods (garbage collector)', () => {
    const c = cluster();
    c.api.create(apiRc());
    c.advanceBy(5000);
    c.api.delete('ReplicationController', 'default', 'api-rc');
    c.settle();
    expect(pods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(pods(c)).toHaveLength(3);
    c.advanceBy(2000);
    expect(pods(c)).toHaveLength(0);
  });

  it('adopts orphans its selector matches: an orphaning delete and a new RC of the same spec (rolling-update Rename)', () => {
    const c = cluster();
    c.api.create(apiRc('api-rc-f9eed97d'));
    c.advanceBy(5000);
    const before = names(pods(c));
    // Orphan the pods and delete the RC, as `kubectl delete --cascade=orphan` does (no settle in between).
    const old = getRc(c, 'api-rc-f9eed97d');
    for (const p of pods(c)) {
      const copy = deepCopy(p);
      copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter(
        (r) => r.uid !== old.metadata.uid,
      );
      c.api.update(copy);
    }
    c.api.delete('ReplicationController', 'default', 'api-rc-f9eed97d');
    c.settle();
    expect(pods(c).every((p) => p.metadata.ownerReferences?.length === 0)).toBe(true);
    const [renamed] = c.api.create(apiRc('api-rc'));
    c.settle();
    expect(names(pods(c))).toEqual(before);
    expect(pods(c).map((p) => controllerRef(p)?.uid)).toEqual(before.map(() => renamed!.metadata.uid));
    expect(events(c).filter((e) => e.includes(' api-rc Success'))).toEqual([]);
    expect(getRc(c).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('adopts a matching bare pod and creates only the rest', () => {
    const c = cluster();
    c.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bare', labels: { name: 'api-pods', extra: 'y' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.17' }] },
    });
    c.settle();
    c.api.create(apiRc());
    c.settle();
    expect(pods(c)).toHaveLength(3);
    expect(controllerRef(c.api.get<Pod>('Pod', 'default', 'bare')!)?.name).toBe('api-rc');
    expect(events(c).filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(2);
  });

  it('adopts an orphan that comes to match later (its labels change)', () => {
    const c = cluster();
    c.api.create(apiRc('api-rc', 1));
    c.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bare', labels: { name: 'other' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.17' }] },
    });
    c.advanceBy(5000);
    expect(pods(c)).toHaveLength(2);
    const bare = deepCopy(c.api.get<Pod>('Pod', 'default', 'bare')!);
    bare.metadata.labels = { name: 'api-pods' };
    c.api.update(bare);
    c.settle();
    expect(controllerRef(c.api.get<Pod>('Pod', 'default', 'bare')!)?.name).toBe('api-rc');
    // Two pods for one replica: one of them goes.
    expect(events(c).filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(1);
  });

  it('releases a pod whose labels stop matching and replaces it', () => {
    const c = cluster();
    c.api.create(apiRc());
    c.advanceBy(5000);
    const victim = deepCopy(pods(c)[0]!);
    victim.metadata.labels = { name: 'debug' };
    c.api.update(victim);
    c.settle();
    const released = c.api.get<Pod>('Pod', 'default', victim.metadata.name)!;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.metadata.deletionTimestamp).toBeUndefined();
    expect(pods(c)).toHaveLength(4);
    expect(pods(c).filter((p) => controllerRef(p)?.name === 'api-rc')).toHaveLength(3);
  });

  it('leaves pods controlled by others alone (a ReplicaSet with the same labels)', () => {
    const c = cluster();
    c.api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { name: 'api-pods' } },
        template: {
          metadata: { labels: { name: 'api-pods' } },
          spec: { containers: [{ name: 'c', image: 'nginx:1.17' }] },
        },
      },
    });
    c.api.create(apiRc('api-rc', 1));
    c.settle();
    expect(pods(c).filter((p) => controllerRef(p)?.kind === 'ReplicaSet')).toHaveLength(2);
    expect(pods(c).filter((p) => controllerRef(p)?.kind === 'ReplicationController')).toHaveLength(1);
  });

  it('the disruption controller finds an RC-managed pod’s scale', () => {
    const c = cluster();
    c.api.create(apiRc());
    c.api.create<PodDisruptionBudget>({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'api-pdb' },
      spec: { maxUnavailable: 1, selector: { matchLabels: { name: 'api-pods' } } },
    });
    c.advanceBy(5000);
    const pdb = c.api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', 'api-pdb')!;
    expect(pdb.status).toMatchObject({
      expectedPods: 3,
      currentHealthy: 3,
      desiredHealthy: 2,
      disruptionsAllowed: 1,
    });
  });
});
