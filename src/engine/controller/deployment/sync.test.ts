// Ports of pkg/controller/deployment/sync_test.go (TestScale, TestDeploymentController_cleanupDeployment) and
// checks of getNewReplicaSet / calculateStatus against the upstream behaviour.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet, Stored } from '../../api/types.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { deepCopy } from '../../util/copy.ts';
import { calculateStatus, cleanupDeployment, getNewReplicaSet, scale } from './sync.ts';
import { newDeployment, newFixture, newRSWithStatus, rs } from './testing.ts';
import { computeHash } from './util/controller-utils.ts';
import { maxSurge, setReplicasAnnotations } from './util/deployment-util.ts';

const newTimestamp = Date.UTC(2016, 4, 20, 2);
const oldTimestamp = Date.UTC(2016, 4, 20, 1);
const olderTimestamp = Date.UTC(2016, 4, 20, 0);

interface ScaleCase {
  name: string;
  deployment: Deployment;
  oldDeployment: Deployment;
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
  expectedNew?: number;
  expectedOld: number[];
  desiredReplicasAnnotations?: Record<string, number>;
}

const dep = (replicas: number, surge?: IntOrString, unavailable?: IntOrString) =>
  newDeployment('foo', replicas, undefined, surge, unavailable, undefined);
const updatedTemplate = (replicas: number) => {
  const d = newDeployment('foo', replicas, undefined, undefined, undefined, { foo: 'bar' });
  d.spec!.template.metadata!.labels = { foo: 'bar', another: 'label' };
  return d;
};
const withAvailable = (r: ReplicaSet, available: number) => (
  (r.status = { replicas: 0, availableReplicas: available }),
  r
);

// Models kubernetes/pkg/controller/deployment/sync_test.go TestScale
const scaleCases: ScaleCase[] = [
  {
    name: 'normal scaling event: 10 -> 12',
    deployment: dep(12),
    oldDeployment: dep(10),
    newRS: rs('foo-v1', 10, undefined, newTimestamp),
    oldRSs: [],
    expectedNew: 12,
    expectedOld: [],
  },
  {
    name: 'normal scaling event: 10 -> 5',
    deployment: dep(5),
    oldDeployment: dep(10),
    newRS: rs('foo-v1', 10, undefined, newTimestamp),
    oldRSs: [],
    expectedNew: 5,
    expectedOld: [],
  },
  {
    name: 'proportional scaling: 5 -> 10',
    deployment: dep(10),
    oldDeployment: dep(5),
    newRS: rs('foo-v2', 2, undefined, newTimestamp),
    oldRSs: [rs('foo-v1', 3, undefined, oldTimestamp)],
    expectedNew: 4,
    expectedOld: [6],
  },
  {
    name: 'proportional scaling: 5 -> 3',
    deployment: dep(3),
    oldDeployment: dep(5),
    newRS: rs('foo-v2', 2, undefined, newTimestamp),
    oldRSs: [rs('foo-v1', 3, undefined, oldTimestamp)],
    expectedNew: 1,
    expectedOld: [2],
  },
  {
    name: 'proportional scaling: 9 -> 4',
    deployment: dep(4),
    oldDeployment: dep(9),
    newRS: rs('foo-v2', 8, undefined, newTimestamp),
    oldRSs: [rs('foo-v1', 1, undefined, oldTimestamp)],
    expectedNew: 4,
    expectedOld: [0],
  },
  {
    name: 'proportional scaling: 7 -> 10',
    deployment: dep(10),
    oldDeployment: dep(7),
    newRS: rs('foo-v3', 2, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 3, undefined, oldTimestamp), rs('foo-v1', 2, undefined, olderTimestamp)],
    expectedNew: 3,
    expectedOld: [4, 3],
  },
  {
    name: 'proportional scaling: 13 -> 8',
    deployment: dep(8),
    oldDeployment: dep(13),
    newRS: rs('foo-v3', 2, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 8, undefined, oldTimestamp), rs('foo-v1', 3, undefined, olderTimestamp)],
    expectedNew: 1,
    expectedOld: [5, 2],
  },
  {
    name: 'leftover distribution: 3 -> 4',
    deployment: dep(4),
    oldDeployment: dep(3),
    newRS: rs('foo-v3', 1, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
    expectedNew: 2,
    expectedOld: [1, 1],
  },
  {
    name: 'leftover distribution: 3 -> 2',
    deployment: dep(2),
    oldDeployment: dep(3),
    newRS: rs('foo-v3', 1, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
    expectedNew: 1,
    expectedOld: [1, 0],
  },
  {
    name: 'proportional scaling (no new rs): 4 -> 5',
    deployment: dep(5),
    oldDeployment: dep(4),
    oldRSs: [rs('foo-v2', 2, undefined, oldTimestamp), rs('foo-v1', 2, undefined, olderTimestamp)],
    expectedOld: [3, 2],
  },
  {
    name: 'proportional scaling: 6 -> 0',
    deployment: dep(0),
    oldDeployment: dep(6),
    newRS: rs('foo-v3', 3, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 2, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
    expectedNew: 0,
    expectedOld: [0, 0],
  },
  {
    name: 'proportional scaling: 0 -> 6',
    deployment: dep(6),
    oldDeployment: dep(6),
    newRS: rs('foo-v3', 0, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 0, undefined, oldTimestamp), rs('foo-v1', 0, undefined, olderTimestamp)],
    expectedNew: 6,
    expectedOld: [0, 0],
  },
  {
    name: 'failed rs update',
    deployment: dep(5),
    oldDeployment: dep(5),
    newRS: rs('foo-v3', 2, undefined, newTimestamp),
    oldRSs: [rs('foo-v2', 1, undefined, oldTimestamp), rs('foo-v1', 1, undefined, olderTimestamp)],
    expectedNew: 2,
    expectedOld: [2, 1],
    desiredReplicasAnnotations: { 'foo-v2': 3 },
  },
  {
    name: 'deployment with surge pods',
    deployment: dep(20, 2),
    oldDeployment: dep(10, 2),
    newRS: rs('foo-v2', 6, undefined, newTimestamp),
    oldRSs: [rs('foo-v1', 6, undefined, oldTimestamp)],
    expectedNew: 11,
    expectedOld: [11],
  },
  {
    name: 'change both surge and size',
    deployment: dep(50, 6),
    oldDeployment: dep(10, 3),
    newRS: rs('foo-v2', 5, undefined, newTimestamp),
    oldRSs: [rs('foo-v1', 8, undefined, oldTimestamp)],
    expectedNew: 22,
    expectedOld: [34],
  },
  {
    name: 'change both size and template',
    deployment: updatedTemplate(14),
    oldDeployment: newDeployment('foo', 10, undefined, undefined, undefined, { foo: 'bar' }),
    oldRSs: [rs('foo-v2', 7, undefined, newTimestamp), rs('foo-v1', 3, undefined, oldTimestamp)],
    expectedOld: [10, 4],
  },
  {
    name: 'saturated but broken new replica set does not affect old pods',
    deployment: dep(2, 1, 1),
    oldDeployment: dep(2, 1, 1),
    newRS: withAvailable(rs('foo-v2', 2, undefined, newTimestamp), 0),
    oldRSs: [rs('foo-v1', 1, undefined, oldTimestamp)],
    expectedNew: 2,
    expectedOld: [1],
  },
];

describe('TestScale', () => {
  it.each(scaleCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = newFixture();
    const annotate = (r: ReplicaSet) => {
      const desired = c.desiredReplicasAnnotations?.[r.metadata!.name!] ?? c.oldDeployment.spec!.replicas!;
      setReplicasAnnotations(r, desired, desired + maxSurge(c.oldDeployment));
      return r;
    };
    // Oldest first, so the apiserver's stamps keep their order; the fixture then sets upstream's times.
    const all = [...c.oldRSs].reverse().map((r) => f.add(annotate(deepCopy(r))));
    const oldRSs = all.reverse();
    const newRS = c.newRS ? f.add(annotate(deepCopy(c.newRS))) : undefined;
    const d = f.add(c.deployment);
    expect(scale(f.dc, d, newRS, [...oldRSs])).toBeNull();
    const size = (name: string) => f.api.get<ReplicaSet>('ReplicaSet', 'default', name)!.spec!.replicas;
    if (newRS) expect(size(newRS.metadata.name)).toBe(c.expectedNew);
    expect(oldRSs.map((r) => size(r.metadata.name))).toEqual(c.expectedOld);
  });

  it('proportional scaling writes one event per resized ReplicaSet, largest first, and both annotations', () => {
    const f = newFixture();
    const old = f.add(setAnn(rs('foo-v1', 3, undefined, oldTimestamp), 5, 5));
    const cur = f.add(setAnn(rs('foo-v2', 2, undefined, newTimestamp), 5, 5));
    const d = f.add(dep(10));
    scale(f.dc, d, cur, [old]);
    expect(f.events).toEqual([
      'Scaled up replica set foo-v1 from 3 to 6',
      'Scaled up replica set foo-v2 from 2 to 4',
    ]);
    const v1 = f.api.get<ReplicaSet>('ReplicaSet', 'default', 'foo-v1')!;
    expect(v1.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '10',
    });
  });
});

function setAnn(r: ReplicaSet, desired: number, max: number): ReplicaSet {
  setReplicasAnnotations(r, desired, max);
  return r;
}

describe('TestDeploymentController_cleanupDeployment', () => {
  const selector = { foo: 'bar' };
  const alreadyDeleted = () => {
    const r = newRSWithStatus('foo-1', 0, 0, selector);
    r.metadata!.deletionTimestamp = '2026-01-05T00:00:00Z';
    return r;
  };
  it.each<[string, ReplicaSet[], number, number]>([
    [
      'three empty, limit 1',
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 0, selector),
        newRSWithStatus('foo-3', 0, 0, selector),
      ],
      1,
      2,
    ],
    [
      'only delete the replica set with Spec.Replicas = Status.Replicas = 0',
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 1, selector),
        newRSWithStatus('foo-3', 1, 0, selector),
        newRSWithStatus('foo-4', 1, 1, selector),
      ],
      0,
      1,
    ],
    [
      'two empty, limit 0',
      [newRSWithStatus('foo-1', 0, 0, selector), newRSWithStatus('foo-2', 0, 0, selector)],
      0,
      2,
    ],
    [
      'two busy, limit 0',
      [newRSWithStatus('foo-1', 1, 1, selector), newRSWithStatus('foo-2', 1, 1, selector)],
      0,
      0,
    ],
    ['already being deleted', [alreadyDeleted()], 0, 0],
    [
      'with unlimited revisionHistoryLimit',
      [
        newRSWithStatus('foo-1', 0, 0, selector),
        newRSWithStatus('foo-2', 0, 0, selector),
        newRSWithStatus('foo-3', 0, 0, selector),
      ],
      2147483647,
      0,
    ],
  ])('%s', (_n, oldRSs, limit, expectedDeletions) => {
    const f = newFixture();
    const stored = oldRSs.map((r) => f.add(r));
    const d = f.add(newDeployment('foo', 1, limit, undefined, undefined, selector));
    expect(cleanupDeployment(f.dc, stored, d)).toBeNull();
    expect(f.actions.filter((a) => a.verb === 'delete')).toHaveLength(expectedDeletions);
  });

  it('deletes the oldest revisions first', () => {
    const f = newFixture();
    const mk = (name: string, rev: string) => {
      const r = newRSWithStatus(name, 0, 0, selector);
      r.metadata!.annotations = { 'deployment.kubernetes.io/revision': rev };
      return f.add(r);
    };
    const stored = [mk('foo-a', '3'), mk('foo-b', '1'), mk('foo-c', '2')];
    const d = f.add(newDeployment('foo', 1, 1, undefined, undefined, selector));
    cleanupDeployment(f.dc, stored, d);
    expect(f.actions.filter((a) => a.verb === 'delete').map((a) => a.name)).toEqual(['foo-b', 'foo-c']);
  });
});

describe('getNewReplicaSet', () => {
  const make = () => {
    const f = newFixture();
    const d = f.add(newDeployment('web', 4, 10, '25%', '25%', { app: 'web' }));
    d.spec!.progressDeadlineSeconds = 600;
    return { f, d };
  };

  it('creates <deployment>-<hash> with the hash label, revision and replica annotations, and records the event', () => {
    const { f, d } = make();
    const [created, err] = getNewReplicaSet(f.dc, d, [], [], true);
    expect(err).toBeNull();
    const hash = computeHash(d.spec!.template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(created!.metadata.name).toBe(`web-${hash}`);
    expect(created!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created!.spec!.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created!.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created!.spec!.replicas).toBe(4);
    expect(created!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
    expect(created!.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(f.events).toEqual([`Scaled up replica set web-${hash} from 0 to 4`]);
    const stored = f.api.get<Deployment>('Deployment', 'default', 'web')!;
    expect(stored.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(stored.status?.conditions).toMatchObject([
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "web-${hash}"`,
      },
    ]);
  });

  it('copies Deployment annotations except the skip list onto the new ReplicaSet', () => {
    const { f, d } = make();
    d.metadata.annotations = {
      'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.18',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'deployment.kubernetes.io/revision': '7',
    };
    const [created] = getNewReplicaSet(f.dc, d, [], [], true);
    expect(created!.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.18',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });

  it('bumps collisionCount when a foreign ReplicaSet holds the name, then uses a new hash', () => {
    const { f, d } = make();
    const hash = computeHash(d.spec!.template);
    f.add({
      ...rs(`web-${hash}`, 1, { app: 'other' }),
      spec: { replicas: 1, selector: {}, template: { metadata: { labels: { app: 'other' } } } },
    });
    const [none, err] = getNewReplicaSet(f.dc, d, [], [], true);
    expect(none).toBeUndefined();
    expect(err?.message).toBe(`replicasets.apps "web-${hash}" already exists`);
    const stored = f.api.get<Deployment>('Deployment', 'default', 'web')!;
    expect(stored.status?.collisionCount).toBe(1);
    const [created] = getNewReplicaSet(f.dc, deepCopy(stored), [], [], true);
    expect(created!.metadata.name).toBe(`web-${computeHash(d.spec!.template, 1)}`);
    expect(computeHash(d.spec!.template, 1)).not.toBe(hash);
  });

  it('raises an old ReplicaSet to the next revision on rollback and keeps the old number in revision-history', () => {
    const { f, d } = make();
    const [v1] = getNewReplicaSet(f.dc, d, [], [], true);
    const d2 = deepCopy(f.api.get<Deployment>('Deployment', 'default', 'web')!);
    d2.spec!.template.spec!.containers[0]!.image = 'foo/bar:2';
    const [v2] = getNewReplicaSet(f.dc, d2, [v1!], [v1!], true);
    expect(v2!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    // Back to the first template: v1 is the new ReplicaSet again and becomes revision 3.
    const d3 = deepCopy(f.api.get<Deployment>('Deployment', 'default', 'web')!);
    d3.spec!.template = deepCopy(d.spec!.template);
    const cur1 = f.api.get<ReplicaSet>('ReplicaSet', 'default', v1!.metadata.name)!;
    const cur2 = f.api.get<ReplicaSet>('ReplicaSet', 'default', v2!.metadata.name)!;
    const [again] = getNewReplicaSet(f.dc, d3, [cur1, cur2], [cur2], false);
    expect(again!.metadata.name).toBe(v1!.metadata.name);
    expect(again!.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
  });
});

describe('calculateStatus', () => {
  it('sums the ReplicaSets, leaves zero counts out and sets Available from maxUnavailable', () => {
    const d = newDeployment('web', 4, 10, 1, 1, { app: 'web' }) as Stored<Deployment>;
    d.metadata.generation = 2;
    const oldRS = {
      ...rs('a', 3, undefined),
      status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
    };
    const newRS = {
      ...rs('b', 2, undefined),
      status: { replicas: 2, readyReplicas: 0, availableReplicas: 0 },
    };
    const s = calculateStatus([oldRS, newRS], newRS, d, Date.UTC(2026, 0, 5));
    expect(s).toEqual({
      observedGeneration: 2,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 2,
      // Neither ReplicaSet has been synced by its controller yet, so nothing is terminating.
      terminatingReplicas: 0,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: '2026-01-05T00:00:00Z',
          lastTransitionTime: '2026-01-05T00:00:00Z',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
      ],
    });
    const down = calculateStatus(
      [{ ...oldRS, status: { replicas: 3, availableReplicas: 2 } }],
      undefined,
      d,
      0,
    );
    expect(down.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
    expect(down).not.toHaveProperty('updatedReplicas');
    // A synced ReplicaSet that does not report terminatingReplicas makes the sum unknown: the field is left out.
    const unknown = calculateStatus(
      [{ ...oldRS, status: { replicas: 3, observedGeneration: 1 } }],
      undefined,
      d,
      0,
    );
    expect(unknown).not.toHaveProperty('terminatingReplicas');
    const known = calculateStatus(
      [{ ...oldRS, status: { replicas: 3, observedGeneration: 1, terminatingReplicas: 2 } as never }],
      undefined,
      d,
      0,
    );
    expect(known.terminatingReplicas).toBe(2);
  });
});
