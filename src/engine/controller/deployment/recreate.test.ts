// Ports of pkg/controller/deployment/recreate_test.go (upstream names kept).
import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../api/types.ts';
import { oldPodsRunning, scaleDownOldReplicaSetsForRecreate } from './recreate.ts';
import { newDeployment, newFixture, newRSWithStatus, rs } from './testing.ts';

describe('TestScaleDownOldReplicaSets', () => {
  it('scales every old ReplicaSet to 0, one event each', () => {
    const f = newFixture();
    const d = f.add(newDeployment('foo', 3, undefined, undefined, undefined, { foo: 'bar' }));
    const oldRSs = [
      f.add(rs('foo-0', 3, { foo: 'bar' })),
      f.add(rs('foo-1', 0, { foo: 'bar' })),
      f.add(rs('foo-2', 1, { foo: 'bar' })),
    ];
    const [scaled, err] = scaleDownOldReplicaSetsForRecreate(f.dc, oldRSs, d);
    expect([scaled, err]).toEqual([true, null]);
    expect(oldRSs.map((r) => r.spec?.replicas)).toEqual([0, 0, 0]);
    expect(f.events).toEqual([
      'Scaled down replica set foo-0 from 3 to 0',
      'Scaled down replica set foo-2 from 1 to 0',
    ]);
  });
});

describe('TestOldPodsRunning', () => {
  const rsWithUID = (uid: string): ReplicaSet => ({
    ...rs(`foo-${uid}`, 0, { foo: 'bar' }),
    metadata: { name: `foo-${uid}`, uid },
  });
  const pod = (phase?: string): Pod => ({ ...(phase ? { status: { phase } } : {}) });
  const podMapWithUIDs = (uids: string[]) => new Map(uids.map((u) => [u, [pod(), pod()]]));
  it.each<[string, ReplicaSet | undefined, ReplicaSet[], Map<string, Pod[]>, boolean]>([
    ['no old RSs', undefined, [], new Map(), false],
    [
      'old RSs with running pods',
      undefined,
      [rsWithUID('some-uid'), rsWithUID('other-uid')],
      podMapWithUIDs(['some-uid', 'other-uid']),
      true,
    ],
    [
      'old RSs without pods but with non-zero status replicas',
      undefined,
      [newRSWithStatus('rs-1', 0, 1, {})],
      new Map(),
      true,
    ],
    [
      'old RSs without pods or non-zero status replicas',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map(),
      false,
    ],
    [
      'old RSs with zero status replicas but pods in terminal state are present',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map([['uid-1', [pod('Failed'), pod('Succeeded')]]]),
      false,
    ],
    [
      'old RSs with zero status replicas but pod in unknown phase present',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map([['uid-1', [pod('Unknown')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas with pending pod present',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map([['uid-1', [pod('Pending')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas with running pod present',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map([['uid-1', [pod('Running')]]]),
      true,
    ],
    [
      'old RSs with zero status replicas but pods in terminal state and pending are present',
      undefined,
      [newRSWithStatus('rs-1', 0, 0, {})],
      new Map([
        ['uid-1', [pod('Failed'), pod('Succeeded')]],
        ['uid-2', []],
        ['uid-3', [pod('Pending')]],
      ]),
      true,
    ],
    [
      'pods of the new ReplicaSet do not count',
      rsWithUID('new-uid'),
      [],
      new Map([['new-uid', [pod('Running')]]]),
      false,
    ],
  ])('%s', (_n, newRS, oldRSs, podMap, expected) => {
    expect(oldPodsRunning(newRS, oldRSs, podMap)).toBe(expected);
  });
});
