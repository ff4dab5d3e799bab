// Ports of pkg/controller/deployment/rolling_test.go (upstream names kept).
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/types.ts';
import {
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
} from './rolling.ts';
import { newDeployment, newFixture, rs } from './testing.ts';

const rsUpdates = (f: ReturnType<typeof newFixture>) =>
  f.actions
    .filter((a) => a.verb === 'update' && a.kind === 'ReplicaSet')
    .map((a) => (a.object as ReplicaSet).spec?.replicas);

describe('TestDeploymentController_reconcileNewReplicaSet', () => {
  it.each<[number, number, number, number, boolean, number | undefined]>([
    // deploymentReplicas, maxSurge, oldReplicas, newReplicas, scaleExpected, expectedNewReplicas
    [10, 0, 10, 0, false, undefined],
    [10, 2, 10, 0, true, 2],
    [10, 2, 5, 0, true, 7],
    [10, 2, 10, 2, false, undefined],
    [10, 2, 2, 11, true, 10],
  ])(
    'replicas %i, maxSurge %i, old %i, new %i',
    (replicas, surge, oldReplicas, newReplicas, scaleExpected, expected) => {
      const f = newFixture();
      const newRS = f.add(rs('foo-v2', newReplicas, undefined));
      const oldRS = f.add(rs('foo-v1', oldReplicas, undefined));
      const d = f.add(newDeployment('foo', replicas, undefined, surge, 0, { foo: 'bar' }));
      const [scaled, err] = reconcileNewReplicaSet(f.dc, [newRS, oldRS], newRS, d);
      expect(err).toBeNull();
      expect(scaled).toBe(scaleExpected);
      expect(rsUpdates(f)).toEqual(scaleExpected ? [expected] : []);
    },
  );

  it('records the scale-up event with the v1.36 text and the numbers behind it', () => {
    const f = newFixture();
    const newRS = f.add(rs('foo-v2', 0, undefined));
    const oldRS = f.add(rs('foo-v1', 10, undefined));
    const d = f.add(newDeployment('foo', 10, undefined, 2, 0, { foo: 'bar' }));
    reconcileNewReplicaSet(f.dc, [newRS, oldRS], newRS, d);
    expect(f.events).toEqual(['Scaled up replica set foo-v2 from 0 to 2']);
    const rec = f.dc.ctx.trace.records.at(-1)!;
    expect(rec).toMatchObject({
      rule: 'rolling.scaleUpNew',
      upstream: 'pkg/controller/deployment/rolling.go reconcileNewReplicaSet',
      values: { replicas: 10, maxSurge: 2, maxTotalPods: 12, currentPodCount: 10, newReplicasCount: 2 },
      event: 'Scaled up replica set foo-v2 from 0 to 2',
    });
  });
});

describe('TestDeploymentController_reconcileOldReplicaSets', () => {
  it.each<[number, number, number, number, number, number, boolean]>([
    // deploymentReplicas, maxUnavailable, oldReplicas, newReplicas, readyPodsFromOldRS, readyPodsFromNewRS, scaleExpected
    [10, 0, 10, 0, 10, 0, true],
    [10, 2, 10, 0, 10, 0, true],
    // expect unhealthy replicas from old replica sets been cleaned up
    [10, 2, 10, 0, 8, 0, true],
    // expect 1 unhealthy replica from old replica sets been cleaned up, and 1 ready pod been scaled down
    [10, 2, 10, 0, 9, 0, true],
    // the unavailable pods from the newRS would not make us scale down old RSs in a further step
    [10, 2, 8, 2, 8, 0, false],
  ])(
    'replicas %i, maxUnavailable %i, old %i, new %i, ready old %i new %i',
    (replicas, mu, oldReplicas, newReplicas, readyOld, readyNew, scaleExpected) => {
      const f = newFixture();
      const newRSObj = rs('foo-new', newReplicas, { foo: 'new' });
      newRSObj.status = { replicas: newReplicas, availableReplicas: readyNew };
      const oldRSObj = rs('foo-old', oldReplicas, { foo: 'old' });
      oldRSObj.status = { replicas: oldReplicas, availableReplicas: readyOld };
      const newRS = f.add(newRSObj);
      const oldRS = f.add(oldRSObj);
      const d = f.add(newDeployment('foo', replicas, undefined, 0, mu, { foo: 'new' }));
      const [scaled, err] = reconcileOldReplicaSets(f.dc, [oldRS, newRS], [oldRS], newRS, d);
      expect(err).toBeNull();
      expect(scaled).toBe(scaleExpected);
    },
  );
});

describe('TestDeploymentController_cleanupUnhealthyReplicas', () => {
  it.each<[number, number, number, number, number]>([
    // oldReplicas, readyPods, unHealthyPods, maxCleanupCount, cleanupCountExpected
    [10, 8, 2, 1, 1],
    [10, 8, 2, 3, 2],
    [10, 8, 2, 0, 0],
    [10, 10, 0, 3, 0],
  ])(
    'old %i, ready %i, unhealthy %i, maxCleanupCount %i',
    (oldReplicas, ready, _unhealthy, maxCleanup, expected) => {
      const f = newFixture();
      const oldRSObj = rs('foo-v2', oldReplicas, undefined);
      oldRSObj.status = { replicas: oldReplicas, availableReplicas: ready };
      const oldRS = f.add(oldRSObj);
      const d = f.add(newDeployment('foo', 10, undefined, 2, 2, undefined));
      const [, count, err] = cleanupUnhealthyReplicas(f.dc, [oldRS], d, maxCleanup);
      expect(err).toBeNull();
      expect(count).toBe(expected);
      expect(rsUpdates(f)).toEqual(expected > 0 ? [oldReplicas - expected] : []);
    },
  );
});

describe('TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate', () => {
  it.each<[number, number, number, number, boolean, number | undefined]>([
    // deploymentReplicas, maxUnavailable, readyPods, oldReplicas, scaleExpected, expectedOldReplicas
    [10, 0, 10, 10, true, 9],
    [10, 2, 10, 10, true, 8],
    [10, 2, 8, 10, false, undefined],
    [10, 2, 10, 0, false, undefined],
    [10, 2, 1, 10, false, undefined],
  ])(
    'replicas %i, maxUnavailable %i, ready %i, old %i',
    (replicas, mu, ready, oldReplicas, scaleExpected, expected) => {
      const f = newFixture();
      const oldRSObj = rs('foo-v2', oldReplicas, undefined);
      oldRSObj.status = { replicas: oldReplicas, availableReplicas: ready };
      const oldRS = f.add(oldRSObj);
      const d = f.add(newDeployment('foo', replicas, undefined, 0, mu, { foo: 'bar' }));
      const [scaled, err] = scaleDownOldReplicaSetsForRollingUpdate(f.dc, [oldRS], [oldRS], d);
      expect(err).toBeNull();
      expect(scaled > 0).toBe(scaleExpected);
      expect(rsUpdates(f)).toEqual(scaleExpected ? [expected] : []);
      if (scaleExpected)
        expect(f.events).toEqual([`Scaled down replica set foo-v2 from ${oldReplicas} to ${expected}`]);
    },
  );
});
