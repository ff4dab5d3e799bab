// Port of pkg/controller/deployment/progress_test.go (TestRequeueStuckDeployment) and checks of the
// Progressing condition texts written by syncRolloutStatus.
import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentCondition, ReplicaSet, Stored } from '../../api/types.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import { requeueStuckDeployment, syncRolloutStatus } from './progress.ts';
import { newDeployment, newFixture, rs } from './testing.ts';
import type { DStatus } from './util/deployment-util.ts';

// Models kubernetes/pkg/controller/deployment/progress_test.go currentDeployment
function currentDeployment(
  pds: number | undefined,
  replicas: number,
  statusReplicas: number,
  updatedReplicas: number,
  availableReplicas: number,
  conditions?: DeploymentCondition[],
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'progress-test', namespace: 'default' },
    spec: {
      ...(pds !== undefined ? { progressDeadlineSeconds: pds } : {}),
      replicas,
      selector: {},
      template: {},
      strategy: { type: 'Recreate' },
    },
    status: {
      replicas: statusReplicas,
      updatedReplicas,
      availableReplicas,
      ...(conditions ? { conditions } : {}),
    },
  };
}

const newDeploymentStatus = (
  replicas: number,
  updatedReplicas: number,
  availableReplicas: number,
): DStatus => ({
  replicas,
  updatedReplicas,
  availableReplicas,
});

describe('TestRequeueStuckDeployment', () => {
  const failed: DeploymentCondition[] = [
    { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
  ];
  const stuck: DeploymentCondition[] = [
    { type: 'Progressing', status: 'True', lastUpdateTime: formatRFC3339(Date.UTC(2017, 1, 15, 18, 49, 0)) },
  ];
  const at = (min: number, sec: number, ms = 0) => Date.UTC(2017, 1, 15, 18, min, sec, ms);
  it.each<[string, Deployment, DStatus, number | undefined, number]>([
    [
      'no progressDeadlineSeconds specified',
      currentDeployment(undefined, 4, 3, 3, 2),
      newDeploymentStatus(3, 3, 2),
      undefined,
      -1,
    ],
    [
      'no progressing condition found',
      currentDeployment(60, 4, 3, 3, 2),
      newDeploymentStatus(3, 3, 2),
      undefined,
      -1,
    ],
    [
      'complete deployment does not need to be requeued',
      currentDeployment(60, 3, 3, 3, 3),
      newDeploymentStatus(3, 3, 3),
      undefined,
      -1,
    ],
    [
      'already failed deployment does not need to be requeued',
      currentDeployment(60, 3, 3, 3, 0, failed),
      newDeploymentStatus(3, 3, 0),
      undefined,
      -1,
    ],
    [
      'stuck deployment - 30s',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(49, 30),
      30_000,
    ],
    [
      'stuck deployment - 1s',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(49, 59),
      1_000,
    ],
    // Upstream uses 1 ns; our clock counts milliseconds.
    [
      'failed deployment - less than a second => now',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(49, 59, 1),
      0,
    ],
    [
      'failed deployment - now',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(50, 0),
      0,
    ],
    [
      'failed deployment - 1s after deadline',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(50, 1),
      0,
    ],
    [
      'failed deployment - 60s after deadline',
      currentDeployment(60, 3, 3, 3, 1, stuck),
      newDeploymentStatus(3, 3, 1),
      at(51, 0),
      0,
    ],
  ])('%s', (_n, d, status, now, expected) => {
    const f = newFixture(now ?? Date.UTC(2017, 1, 15, 18, 49, 0));
    const stored = f.add(d);
    expect(requeueStuckDeployment(f.dc, stored, status)).toBe(expected);
    // A positive delay re-checks one second after the deadline; 0 re-checks after the 5 ms rate limit.
    if (expected > 0) expect(f.clock.nextDeadline()).toBe(f.clock.now() + expected + 1000);
    if (expected === 0) expect(f.clock.nextDeadline()).toBe(f.clock.now() + 5);
    if (expected < 0) expect(f.clock.nextDeadline()).toBeUndefined();
  });
});

describe('syncRolloutStatus', () => {
  const setup = (available: number) => {
    const f = newFixture(Date.UTC(2026, 0, 5));
    const d = f.add(newDeployment('web', 2, 10, 1, 0, { app: 'web' }));
    d.spec!.progressDeadlineSeconds = 600;
    const newRS = f.add({
      ...rs('web-abc', 2, { app: 'web' }),
      status: { replicas: 2, readyReplicas: available, availableReplicas: available },
    });
    return { f, d: d, newRS: newRS as Stored<ReplicaSet> };
  };

  it('writes ReplicaSetUpdated on progress, then NewReplicaSetAvailable once complete', () => {
    const { f, d, newRS } = setup(1);
    d.status = {
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetCreated',
          lastUpdateTime: '2026-01-05T00:00:00Z',
          lastTransitionTime: '2026-01-05T00:00:00Z',
          message: 'Created new replica set "web-abc"',
        },
      ],
    };
    f.clock.setNow(Date.UTC(2026, 0, 5, 0, 0, 7));
    expect(syncRolloutStatus(f.dc, [newRS], newRS, d)).toBeNull();
    const cond = (name: string) => f.api.get<Deployment>('Deployment', 'default', name)!.status!.conditions!;
    expect(cond('web').find((c) => c.type === 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: '2026-01-05T00:00:07Z',
      lastTransitionTime: '2026-01-05T00:00:00Z',
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "web-abc" is progressing.',
    });
    const done = setup(2);
    done.d.status = d.status;
    syncRolloutStatus(done.f.dc, [done.newRS], done.newRS, done.d);
    expect(done.d.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "web-abc" has successfully progressed.',
    });
  });

  it('times out with ProgressDeadlineExceeded after the deadline without progress', () => {
    const { f, d, newRS } = setup(1);
    d.status = {
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      unavailableReplicas: 1,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          lastUpdateTime: '2026-01-05T00:00:00Z',
          lastTransitionTime: '2026-01-05T00:00:00Z',
          message: 'ReplicaSet "web-abc" is progressing.',
        },
      ],
    };
    f.clock.setNow(Date.UTC(2026, 0, 5, 0, 10, 0));
    syncRolloutStatus(f.dc, [newRS], newRS, d);
    expect(d.status.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    f.clock.setNow(Date.UTC(2026, 0, 5, 0, 10, 1));
    syncRolloutStatus(f.dc, [newRS], newRS, d);
    expect(d.status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-abc" has timed out progressing.',
      lastTransitionTime: '2026-01-05T00:10:01Z',
    });
  });

  it('copies a ReplicaFailure condition of the new ReplicaSet and removes it when gone', () => {
    const { f, d, newRS } = setup(2);
    const failing = {
      ...newRS,
      status: {
        ...newRS.status!,
        conditions: [
          {
            type: 'ReplicaFailure',
            status: 'True',
            reason: 'FailedCreate',
            message: 'quota',
            lastTransitionTime: '2026-01-05T00:00:00Z',
          },
        ],
      },
    } as Stored<ReplicaSet>;
    syncRolloutStatus(f.dc, [failing], failing, d);
    expect(d.status?.conditions?.find((c) => c.type === 'ReplicaFailure')).toEqual({
      type: 'ReplicaFailure',
      status: 'True',
      lastTransitionTime: '2026-01-05T00:00:00Z',
      lastUpdateTime: '2026-01-05T00:00:00Z',
      reason: 'FailedCreate',
      message: 'quota',
    });
    syncRolloutStatus(f.dc, [newRS], newRS, d);
    expect(d.status?.conditions?.some((c) => c.type === 'ReplicaFailure')).toBe(false);
  });
});
