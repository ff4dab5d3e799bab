// The StatefulSet controller in a whole simulated cluster (kubelets, scheduler, garbage collector), checked
// against the ground-truth note (shared/spec/statefulset-pdb-drain.md §1–5) and the StatefulSet basics seed.
import { afterEach, describe, expect, it } from 'vitest';
import type { ControllerRevision, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types.ts';
import { isPodReady } from '../../api/pod-util.ts';
import { createCluster, type Cluster } from '../../cluster.ts';
import { deepCopy } from '../../util/copy.ts';
import { statefulSetTraceRules } from './stateful-set-control.ts';

interface Recorded {
  t: number;
  type: string;
  reason: string;
  message: string;
}

const clusters: Cluster[] = [];

afterEach(() => {
  const registry: Record<string, readonly string[]> = statefulSetTraceRules;
  for (const c of clusters.splice(0)) {
    for (const r of c.trace.records.filter((x) => x.controller === 'statefulset-controller')) {
      expect(registry[r.rule], r.rule).toBeDefined();
      expect(Object.keys(r.values).sort(), r.rule).toEqual([...(registry[r.rule] ?? [])].sort());
    }
  }
});

function setup() {
  const c = createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
  clusters.push(c);
  const events: Recorded[] = [];
  const record = c.recorder.event.bind(c.recorder);
  c.recorder.event = (obj, type, reason, message, source, fieldPath) => {
    if (source.component === 'statefulset-controller')
      events.push({ t: c.elapsed() / 1000, type, reason, message });
    record(obj, type, reason, message, source, fieldPath);
  };
  return { c, events };
}

function web(replicas: number, mutate: (s: StatefulSet) => void = () => {}): StatefulSet {
  const s: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'web' }] }],
        },
      },
    },
  };
  mutate(s);
  return s;
}

const withClaims = (s: StatefulSet) =>
  (s.spec!.volumeClaimTemplates = [
    {
      metadata: { name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
  ]);

function create(c: Cluster, s: StatefulSet): void {
  const [, err] = c.api.create(s);
  if (err) throw new Error(err.message);
  c.settle();
}

const getSet = (c: Cluster) => c.api.get<StatefulSet>('StatefulSet', 'default', 'web')!;
const pods = (c: Cluster) =>
  c.api
    .list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === 'nginx')
    .map((p) => p.metadata.name);
const pod = (c: Cluster, name: string) => c.api.get<Pod>('Pod', 'default', name);
const image = (c: Cluster, name: string) => pod(c, name)?.spec?.containers[0]?.image;
const revisions = (c: Cluster) =>
  c.api
    .list<ControllerRevision>('ControllerRevision', 'default')
    .map((r) => [r.metadata.name, r.revision] as const)
    .sort((a, b) => a[1] - b[1]);

function edit(c: Cluster, mutate: (s: StatefulSet) => void): void {
  const s = deepCopy(getSet(c));
  mutate(s);
  const [, err] = c.api.update(s);
  if (err) throw new Error(err.message);
  c.settle();
}

const setImage = (img: string) => (s: StatefulSet) => (s.spec!.template.spec!.containers[0]!.image = img);
const messages = (events: Recorded[]) => events.map((e) => `${e.t} ${e.reason} ${e.message}`);

describe('StatefulSetController in a cluster', () => {
  it('creates web-0, and web-1 only once web-0 is Running and Ready (OrderedReady)', () => {
    const { c, events } = setup();
    create(c, web(2));
    expect(pods(c)).toEqual(['web-0']);
    c.advanceBy(4000);
    expect(pods(c)).toEqual(['web-0']);
    c.advanceBy(1000);
    expect(isPodReady(pod(c, 'web-0')!)).toBe(true);
    expect(pods(c)).toEqual(['web-0', 'web-1']);
    c.advanceBy(10_000);
    expect(messages(events)).toEqual([
      '0 SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      '5 SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
    expect(events.every((e) => e.type === 'Normal')).toBe(true);
  });

  it('gives each pod its identity: name, labels, hostname, subdomain and controller reference', () => {
    const { c } = setup();
    create(c, web(1));
    const set = getSet(c);
    const p = pod(c, 'web-0')!;
    const [[revName]] = revisions(c) as [[string, number]];
    expect(p.metadata.generateName).toBe('web-');
    expect(p.metadata.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': revName,
      'statefulset.kubernetes.io/pod-name': 'web-0',
    });
    expect(p.spec?.hostname).toBe('web-0');
    expect(p.spec?.subdomain).toBe('nginx');
    expect(p.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'web',
        uid: set.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(revName).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('reports status as upstream: revisions, replicas, ready, available, collisionCount, observedGeneration', () => {
    const { c } = setup();
    create(c, web(2));
    expect(getSet(c).status).toEqual({
      observedGeneration: 1,
      replicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      currentRevision: revisions(c)[0]![0],
      updateRevision: revisions(c)[0]![0],
      collisionCount: 0,
      availableReplicas: 0,
    });
    c.advanceBy(30_000);
    const rev = revisions(c)[0]![0];
    expect(getSet(c).status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: 2,
    });
    const cr = c.api.get<ControllerRevision>('ControllerRevision', 'default', rev)!;
    expect(cr.revision).toBe(1);
    expect(cr.metadata.labels).toEqual({ app: 'nginx', 'controller.kubernetes.io/hash': rev.slice(4) });
    expect(cr.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'web',
      controller: true,
    });
    expect(cr.data).toEqual({
      spec: { template: { $patch: 'replace', ...getSet(c).spec!.template } },
    });
  });

  it('scales 2→5 in order and 5→3 from the highest ordinal, one at a time', () => {
    const { c, events } = setup();
    create(c, web(2));
    c.advanceBy(30_000);
    events.length = 0;
    edit(c, (s) => (s.spec!.replicas = 5));
    c.advanceBy(30_000);
    expect(pods(c)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    expect(messages(events)).toEqual([
      '30 SuccessfulCreate create Pod web-2 in StatefulSet web successful',
      '35 SuccessfulCreate create Pod web-3 in StatefulSet web successful',
      '40 SuccessfulCreate create Pod web-4 in StatefulSet web successful',
    ]);
    events.length = 0;
    edit(c, (s) => (s.spec!.replicas = 3));
    expect(pod(c, 'web-4')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(c, 'web-3')?.metadata.deletionTimestamp).toBeUndefined();
    c.advanceBy(30_000);
    expect(pods(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(messages(events)).toEqual([
      '60 SuccessfulDelete delete Pod web-4 in StatefulSet web successful',
      '62 SuccessfulDelete delete Pod web-3 in StatefulSet web successful',
    ]);
    expect(getSet(c).status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it('rolls out a new template from the highest ordinal down, one pod at a time (RollingUpdate)', () => {
    const { c, events } = setup();
    create(c, web(3));
    c.advanceBy(30_000);
    events.length = 0;
    edit(c, setImage('nginx:1.26'));
    c.advanceBy(60_000);
    expect(messages(events)).toEqual([
      '30 SuccessfulDelete delete Pod web-2 in StatefulSet web successful',
      '32 SuccessfulCreate create Pod web-2 in StatefulSet web successful',
      '37 SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      '39 SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      '44 SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
      '46 SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual([
      'nginx:1.26',
      'nginx:1.26',
      'nginx:1.26',
    ]);
    const revs = revisions(c);
    expect(revs.map((r) => r[1])).toEqual([1, 2]);
    expect(getSet(c).status).toMatchObject({
      observedGeneration: 2,
      currentRevision: revs[1]![0],
      updateRevision: revs[1]![0],
      currentReplicas: 3,
      updatedReplicas: 3,
    });
  });

  it('renumbers the old revision on a rollback instead of creating a third one', () => {
    const { c } = setup();
    create(c, web(2));
    c.advanceBy(30_000);
    const [first] = revisions(c);
    edit(c, setImage('nginx:1.26'));
    c.advanceBy(60_000);
    edit(c, setImage('nginx:1.25'));
    c.advanceBy(60_000);
    const revs = revisions(c);
    expect(revs).toHaveLength(2);
    expect(revs[1]).toEqual([first![0], 3]);
    expect(pod(c, 'web-0')?.metadata.labels?.['controller-revision-hash']).toBe(first![0]);
  });

  it('updates only ordinals at or above the partition, and the rest when it is lowered', () => {
    const { c, events } = setup();
    create(
      c,
      web(3, (s) => (s.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } })),
    );
    c.advanceBy(30_000);
    events.length = 0;
    edit(c, setImage('nginx:1.26'));
    c.advanceBy(30_000);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual([
      'nginx:1.25',
      'nginx:1.25',
      'nginx:1.26',
    ]);
    expect(getSet(c).status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(getSet(c).status?.currentRevision).not.toBe(getSet(c).status?.updateRevision);
    // A pod below the partition that is deleted comes back at the current revision.
    c.api.delete('Pod', 'default', 'web-1');
    c.advanceBy(30_000);
    expect(image(c, 'web-1')).toBe('nginx:1.25');
    events.length = 0;
    edit(c, (s) => (s.spec!.updateStrategy!.rollingUpdate!.partition = 0));
    c.advanceBy(60_000);
    expect(messages(events).filter((m) => m.includes('Delete'))).toEqual([
      '90 SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      '97 SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
    ]);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual([
      'nginx:1.26',
      'nginx:1.26',
      'nginx:1.26',
    ]);
    expect(getSet(c).status?.currentRevision).toBe(getSet(c).status?.updateRevision);
  });

  it('replaces nothing on OnDelete until a pod is deleted, then recreates it at the update revision', () => {
    const { c, events } = setup();
    create(
      c,
      web(3, (s) => (s.spec!.updateStrategy = { type: 'OnDelete' })),
    );
    c.advanceBy(30_000);
    events.length = 0;
    edit(c, setImage('nginx:1.26'));
    c.advanceBy(30_000);
    expect(events).toEqual([]);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual([
      'nginx:1.25',
      'nginx:1.25',
      'nginx:1.25',
    ]);
    c.api.delete('Pod', 'default', 'web-1');
    c.advanceBy(30_000);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual([
      'nginx:1.25',
      'nginx:1.26',
      'nginx:1.25',
    ]);
    expect(messages(events)).toEqual(['62 SuccessfulCreate create Pod web-1 in StatefulSet web successful']);
    expect(getSet(c).status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
  });

  it('creates and deletes all pods at once with Parallel pod management', () => {
    const { c, events } = setup();
    create(
      c,
      web(3, (s) => (s.spec!.podManagementPolicy = 'Parallel')),
    );
    expect(pods(c)).toEqual(['web-0', 'web-1', 'web-2']);
    c.advanceBy(30_000);
    events.length = 0;
    edit(c, (s) => (s.spec!.replicas = 0));
    expect(messages(events)).toEqual([
      '30 SuccessfulDelete delete Pod web-2 in StatefulSet web successful',
      '30 SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      '30 SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
    ]);
    c.advanceBy(30_000);
    expect(pods(c)).toEqual([]);
  });

  it('recreates a deleted pod with the same name, and a failed pod after deleting it', () => {
    const { c, events } = setup();
    create(c, web(2));
    c.advanceBy(30_000);
    const uid = pod(c, 'web-0')!.metadata.uid;
    events.length = 0;
    c.api.delete('Pod', 'default', 'web-0');
    c.settle();
    c.advanceBy(30_000);
    expect(pod(c, 'web-0')!.metadata.uid).not.toBe(uid);
    expect(messages(events)).toEqual(['32 SuccessfulCreate create Pod web-0 in StatefulSet web successful']);
    events.length = 0;
    const failed = deepCopy(pod(c, 'web-1')!);
    failed.status = { ...failed.status, phase: 'Failed' };
    c.api.update(failed);
    c.settle();
    c.advanceBy(30_000);
    expect(messages(events)).toEqual([
      '60 SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      '60 SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('waits minReadySeconds after Ready before creating the next pod', () => {
    const { c, events } = setup();
    create(
      c,
      web(2, (s) => (s.spec!.minReadySeconds = 10)),
    );
    c.advanceBy(14_000);
    expect(pods(c)).toEqual(['web-0']);
    expect(getSet(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    c.advanceBy(30_000);
    expect(pods(c)).toEqual(['web-0', 'web-1']);
    const t = events.map((e) => e.t);
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(15);
    expect(getSet(c).status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });
});

describe('StatefulSet claims', () => {
  it('creates each claim from the template before its pod, and mounts it by name', () => {
    const { c, events } = setup();
    create(c, web(2, withClaims));
    const claim = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-0')!;
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
    });
    expect(pod(c, 'web-0')!.spec!.volumes?.[0]).toEqual({
      name: 'www',
      persistentVolumeClaim: { claimName: 'www-web-0' },
    });
    expect(messages(events).slice(0, 2)).toEqual([
      '0 SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      '0 SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('keeps claims and ControllerRevisions apart on cascading deletion: pods and revisions go, claims stay (Retain)', () => {
    const { c } = setup();
    create(c, web(1, withClaims));
    c.advanceBy(30_000);
    c.api.delete('StatefulSet', 'default', 'web');
    c.settle();
    c.advanceBy(30_000);
    expect(pods(c)).toEqual([]);
    expect(c.api.list('ControllerRevision', 'default')).toEqual([]);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-0')).toBeDefined();
  });

  it('gives claims to the set with whenDeleted: Delete, so they go with it', () => {
    const { c } = setup();
    create(
      c,
      web(1, (s) => {
        withClaims(s);
        s.spec!.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Retain' };
      }),
    );
    const claim = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-0')!;
    expect(claim.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'StatefulSet',
        name: 'web',
        uid: getSet(c).metadata.uid,
        controller: true,
      }),
    ]);
    c.api.delete('StatefulSet', 'default', 'web');
    c.settle();
    // Deleted by the garbage collector; pvc-protection holds it until its pod is gone.
    c.advanceBy(30_000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-0')).toBeUndefined();
  });

  it('gives the claim of a condemned pod to that pod with whenScaled: Delete', () => {
    const { c } = setup();
    create(
      c,
      web(2, (s) => {
        withClaims(s);
        s.spec!.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Delete' };
      }),
    );
    c.advanceBy(30_000);
    if (pods(c).length < 2) return; // claim binding (another component) keeps web-0 Pending: nothing to scale
    const web1 = pod(c, 'web-1')!;
    edit(c, (s) => (s.spec!.replicas = 1));
    const claim = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-1');
    expect(claim?.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Pod', name: 'web-1', uid: web1.metadata.uid, controller: true }),
    ]);
    c.advanceBy(30_000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-1')).toBeUndefined();
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-0')).toBeDefined();
  });
});
