// Upstream's rolling_updater_test.go: TestUpdate's table (the exact "Scaling … up to / down to" sequences for
// given readiness), the progress timeout, the original-replicas annotation, and the client helpers against
// a simulated cluster.
import { describe, expect, it } from 'vitest';
import { createCluster, type Pod } from '../../../engine/index.ts';
import type { Routine } from '../drain/tasks.ts';
import { GoError } from '../util/helpers.ts';
import {
  RollingUpdater,
  addDeploymentKeyToReplicationController,
  createNewControllerFromCurrentController,
  desiredReplicasAnnotation,
  findSourceController,
  isError,
  originalReplicasAnnotation,
  rename,
  sourceIDAnnotation,
  updateExistingReplicationController,
  type RC,
  type RollingUpdaterCleanupPolicy,
  type RollingUpdaterConfig,
} from './rolling-updater.ts';
import { hashObject } from './hash.ts';

/** A clock that only moves when a goroutine sleeps. */
class FakeClock {
  t = 1_000_000;
  now = () => this.t;
  setTimeout = () => 0;
  clearTimeout = () => undefined;
}

/** Runs a goroutine to its end, advancing the fake clock over each sleep. */
function runRoutine<T>(clock: FakeClock, r: Routine<T>): T {
  for (let i = 0; i < 100_000; i++) {
    const s = r.next();
    if (s.done) return s.value;
    if (!('sleepMs' in s.value)) throw new Error('unexpected join');
    clock.t += s.value.sleepMs;
  }
  throw new Error('routine did not finish');
}

const uid = '7764ae47-9092-11e4-8393-42010af018ff';

function oldRc(replicas: number, original: number): RC {
  return {
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: {
      namespace: 'default',
      name: 'foo-v1',
      uid,
      annotations: { [originalReplicasAnnotation]: String(original) },
    },
    spec: {
      replicas,
      selector: { version: 'v1' },
      template: { metadata: { name: 'foo-v1', labels: { version: 'v1' } } },
    },
    status: { replicas },
  };
}

function newRc(replicas: number, desired: number): RC {
  const rc = oldRc(replicas, replicas);
  rc.spec!.template = { metadata: { name: 'foo-v2', labels: { version: 'v2' } } };
  rc.spec!.selector = { version: 'v2' };
  rc.metadata = {
    namespace: 'default',
    name: 'foo-v2',
    annotations: { [desiredReplicasAnnotation]: String(desired), [sourceIDAnnotation]: `foo-v1:${uid}` },
  };
  return rc;
}

type Ev = { up: number } | { down: { oldReady: number; newReady: number; to?: number } };
const up = (to: number): Ev => ({ up: to });
const down = (oldReady: number, newReady: number, to?: number): Ev => ({ down: { oldReady, newReady, to } });

interface UpdateCase {
  name: string;
  oldRc: RC;
  newRc: RC;
  newRcExists: boolean;
  maxUnavail: number | string;
  maxSurge: number | string;
  expected: Ev[];
  output: string;
}

const created = (s: string) => `Created foo-v2\n${s}`;
const continuing = (s: string) => `Continuing update with existing controller foo-v2.\n${s}`;

const updateCases: UpdateCase[] = [
  {
    name: '10->10 30/0 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '30%',
    maxSurge: '0%',
    expected: [down(10, 0, 7), up(3), down(7, 3, 4), up(6), down(4, 6, 1), up(9), down(1, 9, 0), up(10)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 7 pods available, don't exceed 10 pods)
Scaling foo-v1 down to 7
Scaling foo-v2 up to 3
Scaling foo-v1 down to 4
Scaling foo-v2 up to 6
Scaling foo-v1 down to 1
Scaling foo-v2 up to 9
Scaling foo-v1 down to 0
Scaling foo-v2 up to 10
`),
  },
  {
    name: '10->10 30/0 delayed readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '30%',
    maxSurge: '0%',
    expected: [
      down(10, 0, 7),
      up(3),
      down(7, 0),
      down(7, 1, 6),
      up(4),
      down(6, 4, 3),
      up(7),
      down(3, 7, 0),
      up(10),
    ],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 7 pods available, don't exceed 10 pods)
Scaling foo-v1 down to 7
Scaling foo-v2 up to 3
Scaling foo-v1 down to 6
Scaling foo-v2 up to 4
Scaling foo-v1 down to 3
Scaling foo-v2 up to 7
Scaling foo-v1 down to 0
Scaling foo-v2 up to 10
`),
  },
  {
    name: '10->10 30/0 fast readiness, continuation',
    oldRc: oldRc(7, 10),
    newRc: newRc(3, 10),
    newRcExists: false,
    maxUnavail: '30%',
    maxSurge: '0%',
    expected: [down(7, 3, 4), up(6), down(4, 6, 1), up(9), down(1, 9, 0), up(10)],
    output:
      created(`Scaling up foo-v2 from 3 to 10, scaling down foo-v1 from 7 to 0 (keep 7 pods available, don't exceed 10 pods)
Scaling foo-v1 down to 4
Scaling foo-v2 up to 6
Scaling foo-v1 down to 1
Scaling foo-v2 up to 9
Scaling foo-v1 down to 0
Scaling foo-v2 up to 10
`),
  },
  {
    name: '10->10 30/0 fast readiness, continued after restart which prevented first scale-up',
    oldRc: oldRc(7, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '30%',
    maxSurge: '0%',
    expected: [down(7, 0), up(3), down(7, 3, 4), up(6), down(4, 6, 1), up(9), down(1, 9, 0), up(10)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 7 to 0 (keep 7 pods available, don't exceed 10 pods)
Scaling foo-v2 up to 3
Scaling foo-v1 down to 4
Scaling foo-v2 up to 6
Scaling foo-v1 down to 1
Scaling foo-v2 up to 9
Scaling foo-v1 down to 0
Scaling foo-v2 up to 10
`),
  },
  {
    name: '10->10 0/30 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '30%',
    expected: [up(3), down(10, 3, 7), up(6), down(7, 6, 4), up(9), down(4, 9, 1), up(10), down(1, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 10 pods available, don't exceed 13 pods)
Scaling foo-v2 up to 3
Scaling foo-v1 down to 7
Scaling foo-v2 up to 6
Scaling foo-v1 down to 4
Scaling foo-v2 up to 9
Scaling foo-v1 down to 1
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 0/30 delayed readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '30%',
    expected: [
      up(3),
      down(10, 0),
      down(10, 1, 9),
      up(4),
      down(9, 3, 7),
      up(6),
      down(7, 6, 4),
      up(9),
      down(4, 9, 1),
      up(10),
      down(1, 9),
      down(1, 10, 0),
    ],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 10 pods available, don't exceed 13 pods)
Scaling foo-v2 up to 3
Scaling foo-v1 down to 9
Scaling foo-v2 up to 4
Scaling foo-v1 down to 7
Scaling foo-v2 up to 6
Scaling foo-v1 down to 4
Scaling foo-v2 up to 9
Scaling foo-v1 down to 1
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 10/20 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '10%',
    maxSurge: '20%',
    expected: [up(2), down(10, 2, 7), up(5), down(7, 5, 4), up(8), down(4, 8, 1), up(10), down(1, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 9 pods available, don't exceed 12 pods)
Scaling foo-v2 up to 2
Scaling foo-v1 down to 7
Scaling foo-v2 up to 5
Scaling foo-v1 down to 4
Scaling foo-v2 up to 8
Scaling foo-v1 down to 1
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 10/20 delayed readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '10%',
    maxSurge: '20%',
    expected: [
      up(2),
      down(10, 2, 7),
      up(5),
      down(7, 4, 5),
      up(7),
      down(5, 4),
      down(5, 7, 2),
      up(10),
      down(2, 9, 0),
    ],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 9 pods available, don't exceed 12 pods)
Scaling foo-v2 up to 2
Scaling foo-v1 down to 7
Scaling foo-v2 up to 5
Scaling foo-v1 down to 5
Scaling foo-v2 up to 7
Scaling foo-v1 down to 2
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 10/20 fast readiness continued after restart which prevented first scale-down',
    oldRc: oldRc(10, 10),
    newRc: newRc(2, 10),
    newRcExists: false,
    maxUnavail: '10%',
    maxSurge: '20%',
    expected: [down(10, 2, 7), up(5), down(7, 5, 4), up(8), down(4, 8, 1), up(10), down(1, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 2 to 10, scaling down foo-v1 from 10 to 0 (keep 9 pods available, don't exceed 12 pods)
Scaling foo-v1 down to 7
Scaling foo-v2 up to 5
Scaling foo-v1 down to 4
Scaling foo-v2 up to 8
Scaling foo-v1 down to 1
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 0/100 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '100%',
    expected: [up(10), down(10, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 10 pods available, don't exceed 20 pods)
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 0/100 delayed readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '100%',
    expected: [up(10), down(10, 0), down(10, 2, 8), down(8, 7, 3), down(3, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 10 pods available, don't exceed 20 pods)
Scaling foo-v2 up to 10
Scaling foo-v1 down to 8
Scaling foo-v1 down to 3
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 100/0 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 10),
    newRcExists: false,
    maxUnavail: '100%',
    maxSurge: '0%',
    expected: [down(10, 0, 0), up(10)],
    output:
      created(`Scaling up foo-v2 from 0 to 10, scaling down foo-v1 from 10 to 0 (keep 0 pods available, don't exceed 10 pods)
Scaling foo-v1 down to 0
Scaling foo-v2 up to 10
`),
  },
  {
    name: '1->1 25/25 maintain minimum availability',
    oldRc: oldRc(1, 1),
    newRc: newRc(0, 1),
    newRcExists: false,
    maxUnavail: '25%',
    maxSurge: '25%',
    expected: [up(1), down(1, 0), down(1, 1, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 1, scaling down foo-v1 from 1 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
`),
  },
  {
    name: '1->1 0/10 delayed readiness',
    oldRc: oldRc(1, 1),
    newRc: newRc(0, 1),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '10%',
    expected: [up(1), down(1, 0), down(1, 1, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 1, scaling down foo-v1 from 1 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
`),
  },
  {
    name: '1->1 10/10 delayed readiness',
    oldRc: oldRc(1, 1),
    newRc: newRc(0, 1),
    newRcExists: false,
    maxUnavail: '10%',
    maxSurge: '10%',
    expected: [up(1), down(1, 0), down(1, 1, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 1, scaling down foo-v1 from 1 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
`),
  },
  {
    name: '3->3 1/1 fast readiness (absolute values)',
    oldRc: oldRc(3, 3),
    newRc: newRc(0, 3),
    newRcExists: false,
    maxUnavail: 0,
    maxSurge: 1,
    expected: [up(1), down(3, 1, 2), up(2), down(2, 2, 1), up(3), down(1, 3, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 3, scaling down foo-v1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)
Scaling foo-v2 up to 1
Scaling foo-v1 down to 2
Scaling foo-v2 up to 2
Scaling foo-v1 down to 1
Scaling foo-v2 up to 3
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->10 0/20 fast readiness, continued after restart which resulted in partial first scale-up',
    oldRc: oldRc(6, 10),
    newRc: newRc(5, 10),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '20%',
    expected: [up(6), down(6, 6, 4), up(8), down(4, 8, 2), up(10), down(1, 10, 0)],
    output:
      created(`Scaling up foo-v2 from 5 to 10, scaling down foo-v1 from 6 to 0 (keep 10 pods available, don't exceed 12 pods)
Scaling foo-v2 up to 6
Scaling foo-v1 down to 4
Scaling foo-v2 up to 8
Scaling foo-v1 down to 2
Scaling foo-v2 up to 10
Scaling foo-v1 down to 0
`),
  },
  {
    name: '10->20 0/300 fast readiness',
    oldRc: oldRc(10, 10),
    newRc: newRc(0, 20),
    newRcExists: false,
    maxUnavail: '0%',
    maxSurge: '300%',
    expected: [up(20), down(10, 20, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 20, scaling down foo-v1 from 10 to 0 (keep 20 pods available, don't exceed 80 pods)
Scaling foo-v2 up to 20
Scaling foo-v1 down to 0
`),
  },
  {
    name: '1->1 0/1 scale down unavailable rc to a ready rc (rollback)',
    oldRc: oldRc(1, 1),
    newRc: newRc(1, 1),
    newRcExists: true,
    maxUnavail: 0,
    maxSurge: 1,
    expected: [up(1), down(0, 1, 0)],
    output:
      continuing(`Scaling up foo-v2 from 1 to 1, scaling down foo-v1 from 1 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v1 down to 0
`),
  },
  {
    name: '3->0 1/1 desired 0 (absolute values)',
    oldRc: oldRc(3, 3),
    newRc: newRc(0, 0),
    newRcExists: true,
    maxUnavail: 1,
    maxSurge: 1,
    expected: [down(3, 0, 0)],
    output:
      continuing(`Scaling up foo-v2 from 0 to 0, scaling down foo-v1 from 3 to 0 (keep 0 pods available, don't exceed 1 pods)
Scaling foo-v1 down to 0
`),
  },
  {
    name: '3->0 10/10 desired 0 (percentages)',
    oldRc: oldRc(3, 3),
    newRc: newRc(0, 0),
    newRcExists: true,
    maxUnavail: '10%',
    maxSurge: '10%',
    expected: [down(3, 0, 0)],
    output:
      continuing(`Scaling up foo-v2 from 0 to 0, scaling down foo-v1 from 3 to 0 (keep 0 pods available, don't exceed 0 pods)
Scaling foo-v1 down to 0
`),
  },
  {
    name: '3->0 10/10 desired 0 (create new RC)',
    oldRc: oldRc(3, 3),
    newRc: newRc(0, 0),
    newRcExists: false,
    maxUnavail: '10%',
    maxSurge: '10%',
    expected: [down(3, 0, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 0, scaling down foo-v1 from 3 to 0 (keep 0 pods available, don't exceed 0 pods)
Scaling foo-v1 down to 0
`),
  },
  {
    name: '0->0 1/1 desired 0 (absolute values)',
    oldRc: oldRc(0, 0),
    newRc: newRc(0, 0),
    newRcExists: true,
    maxUnavail: 1,
    maxSurge: 1,
    expected: [down(0, 0, 0)],
    output: continuing(
      "Scaling up foo-v2 from 0 to 0, scaling down foo-v1 from 0 to 0 (keep 0 pods available, don't exceed 1 pods)\n",
    ),
  },
  {
    name: '30->2 50%/0',
    oldRc: oldRc(30, 30),
    newRc: newRc(0, 2),
    newRcExists: false,
    maxUnavail: '50%',
    maxSurge: 0,
    expected: [down(30, 0, 1), up(1), down(1, 2, 0), up(2)],
    output:
      created(`Scaling up foo-v2 from 0 to 2, scaling down foo-v1 from 30 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v1 down to 1
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
Scaling foo-v2 up to 2
`),
  },
  {
    name: '2->2 1/0 blocked oldRc',
    oldRc: oldRc(2, 2),
    newRc: newRc(0, 2),
    newRcExists: false,
    maxUnavail: 1,
    maxSurge: 0,
    expected: [down(1, 0, 1), up(1), down(1, 1, 0), up(2)],
    output:
      created(`Scaling up foo-v2 from 0 to 2, scaling down foo-v1 from 2 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v1 down to 1
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
Scaling foo-v2 up to 2
`),
  },
  {
    name: '1->1 1/0 allow maxUnavailability',
    oldRc: oldRc(1, 1),
    newRc: newRc(0, 1),
    newRcExists: false,
    maxUnavail: '1%',
    maxSurge: 0,
    expected: [down(1, 0, 0), up(1)],
    output:
      created(`Scaling up foo-v2 from 0 to 1, scaling down foo-v1 from 1 to 0 (keep 0 pods available, don't exceed 1 pods)
Scaling foo-v1 down to 0
Scaling foo-v2 up to 1
`),
  },
  {
    name: '1->2 25/25 complex asymmetric deployment',
    oldRc: oldRc(1, 1),
    newRc: newRc(0, 2),
    newRcExists: false,
    maxUnavail: '25%',
    maxSurge: '25%',
    expected: [up(2), down(1, 2, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 2, scaling down foo-v1 from 1 to 0 (keep 2 pods available, don't exceed 3 pods)
Scaling foo-v2 up to 2
Scaling foo-v1 down to 0
`),
  },
  {
    name: '2->2 25/1 maxSurge trumps maxUnavailable',
    oldRc: oldRc(2, 2),
    newRc: newRc(0, 2),
    newRcExists: false,
    maxUnavail: '25%',
    maxSurge: '1%',
    expected: [up(1), down(2, 1, 1), up(2), down(1, 2, 0)],
    output:
      created(`Scaling up foo-v2 from 0 to 2, scaling down foo-v1 from 2 to 0 (keep 2 pods available, don't exceed 3 pods)
Scaling foo-v2 up to 1
Scaling foo-v1 down to 1
Scaling foo-v2 up to 2
Scaling foo-v1 down to 0
`),
  },
  {
    name: '2->2 25/0 maxUnavailable resolves to zero, then one',
    oldRc: oldRc(2, 2),
    newRc: newRc(0, 2),
    newRcExists: false,
    maxUnavail: '25%',
    maxSurge: '0%',
    expected: [down(2, 0, 1), up(1), down(1, 1, 0), up(2)],
    output:
      created(`Scaling up foo-v2 from 0 to 2, scaling down foo-v1 from 2 to 0 (keep 1 pods available, don't exceed 2 pods)
Scaling foo-v1 down to 1
Scaling foo-v2 up to 1
Scaling foo-v1 down to 0
Scaling foo-v2 up to 2
`),
  },
];

const noCluster = createCluster({ addons: false, workers: 0 });

/** An updater whose client calls are the test's: scales and readiness come from FIFOs as upstream's mocks do. */
function mockUpdater(clock: FakeClock, tt: UpdateCase): RollingUpdater {
  const oldReady: number[] = [];
  const newReady: number[] = [];
  const upTo: number[] = [];
  const downTo: number[] = [];
  for (const e of tt.expected) {
    if ('up' in e) upTo.push(e.up);
    else {
      oldReady.push(e.down.oldReady);
      newReady.push(e.down.newReady);
      if (e.down.to !== undefined) downTo.push(e.down.to);
    }
  }
  const u = new RollingUpdater('default', noCluster.api, clock);
  // eslint-disable-next-line require-yield
  u.scaleAndWait = function* (rc) {
    const fifo = rc === tt.newRc ? upTo : rc === tt.oldRc ? downTo : undefined;
    const expected = fifo?.shift();
    if (expected === undefined)
      throw new Error(`unexpected scale of ${rc.metadata?.name} to ${rc.spec?.replicas}`);
    expect(rc.spec?.replicas, `scale of ${rc.metadata?.name}`).toBe(expected);
    rc.status = { replicas: rc.spec!.replicas! };
    return rc;
  };
  u.getOrCreateTargetController = () => [tt.newRc, tt.newRcExists];
  // eslint-disable-next-line require-yield
  u.cleanup = function* () {
    return undefined;
  };
  u.getReadyPods = (o, n) => {
    const a = oldReady.shift();
    const b = newReady.shift();
    if (a === undefined || b === undefined) {
      throw new Error(`unexpected getReadyPods call for ${o.metadata?.name} ${n.metadata?.name}`);
    }
    return [a, b];
  };
  return u;
}

function config(tt: { oldRc: RC; newRc: RC }, extra: Partial<RollingUpdaterConfig> = {}) {
  let output = '';
  const c: RollingUpdaterConfig = {
    out: (s) => (output += s),
    oldRc: tt.oldRc,
    newRc: tt.newRc,
    updatePeriodMs: 0,
    intervalMs: 1,
    timeoutMs: 1,
    minReadySeconds: 0,
    cleanupPolicy: 'Delete',
    ...extra,
  };
  return { c, output: () => output };
}

describe('RollingUpdater.update', () => {
  it.each(updateCases)('TestUpdate $name', (tt) => {
    const clock = new FakeClock();
    const updater = mockUpdater(clock, tt);
    const { c, output } = config(tt, { maxUnavailable: tt.maxUnavail, maxSurge: tt.maxSurge });
    const err = runRoutine(clock, updater.update(c));
    expect(err).toBeUndefined();
    expect(output()).toBe(tt.output);
  });

  it('TestUpdate_progressTimeout: an update that makes no progress times out', () => {
    const clock = new FakeClock();
    const u = new RollingUpdater('default', noCluster.api, clock);
    const nrc = newRc(0, 2);
    // eslint-disable-next-line require-yield
    u.scaleAndWait = function* (rc) {
      return rc;
    };
    u.getOrCreateTargetController = () => [nrc, false];
    // eslint-disable-next-line require-yield
    u.cleanup = function* () {
      return undefined;
    };
    u.getReadyPods = () => [0, 0];
    const { c } = config({ oldRc: oldRc(2, 2), newRc: nrc }, { maxUnavailable: 0, maxSurge: 1 });
    const err = runRoutine(clock, u.update(c));
    expect(err).toEqual(new GoError('timed out waiting for any update progress to be made'));
  });

  it('TestUpdate_assignOriginalAnnotation: the old controller gets its original replica count', () => {
    const cluster = createCluster({ addons: false, workers: 0 });
    const old = oldRc(1, 1);
    delete old.metadata!.annotations;
    delete old.metadata!.uid;
    old.spec!.template!.spec = { containers: [{ name: 'c', image: 'nginx:1.17' }] };
    const [stored] = cluster.api.create(old);
    const clock = new FakeClock();
    const u = new RollingUpdater('default', cluster.api, clock);
    const nrc = newRc(1, 1);
    // eslint-disable-next-line require-yield
    u.scaleAndWait = function* (rc) {
      return rc;
    };
    u.getOrCreateTargetController = () => [nrc, false];
    // eslint-disable-next-line require-yield
    u.cleanup = function* () {
      return undefined;
    };
    u.getReadyPods = () => [1, 1];
    const { c } = config({ oldRc: structuredClone(stored!), newRc: nrc }, { maxUnavailable: '100%' });
    expect(runRoutine(clock, u.update(c))).toBeUndefined();
    const live = cluster.api.get<RC>('ReplicationController', 'default', 'foo-v1');
    expect(live?.metadata.annotations?.[originalReplicasAnnotation]).toBe('1');
  });

  it('refuses a desired-replicas annotation that is not a number', () => {
    const clock = new FakeClock();
    const nrc = newRc(0, 2);
    nrc.metadata!.annotations![desiredReplicasAnnotation] = 'two';
    const u = new RollingUpdater('default', noCluster.api, clock);
    u.getOrCreateTargetController = () => [nrc, true];
    const { c } = config({ oldRc: oldRc(2, 2), newRc: nrc });
    expect(runRoutine(clock, u.update(c))).toEqual(
      new GoError('Unable to parse annotation for foo-v2: kubectl.kubernetes.io/desired-replicas=two'),
    );
  });
});

/** A cluster with a stored controller `name` of `replicas` pods (one container per image). */
function clusterWith(name: string, selector: Record<string, string>, images: string[], replicas = 0) {
  const cluster = createCluster({ addons: false, workers: 1, readyAfterSeconds: 1 });
  cluster.api.create<RC>({
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector,
      template: {
        metadata: { labels: selector },
        spec: { containers: images.map((image, i) => ({ name: `container${i + 1}`, image })) },
      },
    },
  });
  cluster.settle();
  return cluster;
}

describe('CreateNewControllerFromCurrentController', () => {
  it.each([
    ['test1', 'foo', ['image1', 'image2']],
    ['test2', 'bar', ['image1']],
  ])('TestRollingUpdater_multipleContainersInPod %s', (_name, rcName, images) => {
    const cluster = clusterWith(rcName, { dk: 'old' }, images);
    const live = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', rcName)!);
    live.spec!.template!.spec!.containers[0]!.image = 'newimage';
    const hash = hashObject(live);
    const got = createNewControllerFromCurrentController(cluster.api, {
      namespace: 'default',
      oldName: rcName,
      newName: `${rcName}-${hash}`,
      image: 'newimage',
      container: 'container1',
      deploymentKey: 'dk',
      pullPolicy: '',
    });
    if (isError(got)) throw new Error(String(got.constructor.name));
    expect(got.metadata?.name).toBe(`${rcName}-${hash}`);
    expect(got.metadata?.resourceVersion).toBeUndefined();
    expect(got.spec?.selector).toEqual({ dk: hash });
    expect(got.spec?.template?.metadata?.labels).toEqual({ dk: hash });
    expect(got.spec?.template?.spec?.containers.map((c) => c.image)).toEqual([
      'newimage',
      ...images.slice(1),
    ]);
  });

  it('names the new controller <old>-<hash> when no name is given', () => {
    const cluster = clusterWith('api-rc', { name: 'api-pods' }, ['image1']);
    const got = createNewControllerFromCurrentController(cluster.api, {
      namespace: 'default',
      oldName: 'api-rc',
      newName: '',
      image: 'image2',
      container: '',
      deploymentKey: 'deployment',
      pullPolicy: 'Always',
    });
    if (isError(got)) throw new Error('unexpected error');
    expect(got.metadata?.name).toMatch(/^api-rc-[0-9a-f]{32}$/);
    expect(got.spec?.selector?.deployment).toBe(got.metadata!.name!.slice('api-rc-'.length));
    expect(got.spec?.template?.spec?.containers[0]?.imagePullPolicy).toBe('Always');
  });

  it.each([
    ['', 'must specify container to update when updating a multi-container pod'],
    ['nope', 'container nope not found in pod'],
  ])('container %j of a multi-container pod: %s', (container, message) => {
    const cluster = clusterWith('foo', { dk: 'old' }, ['image1', 'image2']);
    const got = createNewControllerFromCurrentController(cluster.api, {
      namespace: 'default',
      oldName: 'foo',
      newName: '',
      image: 'newimage',
      container,
      deploymentKey: 'dk',
      pullPolicy: '',
    });
    expect(got).toEqual(new GoError(message));
  });
});

describe('cleanupWithClients', () => {
  it.each<[RollingUpdaterCleanupPolicy, string, string[]]>([
    ['Preserve', '', ['foo-v1', 'foo-v2']],
    ['Delete', 'Update succeeded. Deleting foo-v1\n', ['foo-v2']],
    ['Rename', 'Update succeeded. Deleting old controller: foo-v1\nRenaming foo-v2 to foo-v1\n', ['foo-v1']],
  ])('TestRollingUpdater_cleanupWithClients %s', (policy, output, remaining) => {
    const cluster = clusterWith('foo-v1', { version: 'v1' }, ['nginx:1.17']);
    cluster.api.create<RC>({
      kind: 'ReplicationController',
      apiVersion: 'v1',
      metadata: {
        name: 'foo-v2',
        namespace: 'default',
        annotations: { [desiredReplicasAnnotation]: '1', [sourceIDAnnotation]: 'foo-v1:x', keep: 'me' },
      },
      spec: {
        replicas: 1,
        selector: { version: 'v2' },
        template: {
          metadata: { labels: { version: 'v2' } },
          spec: { containers: [{ name: 'c', image: 'nginx:1.18' }] },
        },
      },
    });
    cluster.settle();
    const oldRcLive = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'foo-v1')!);
    const newRcLive = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'foo-v2')!);
    const u = new RollingUpdater('default', cluster.api, cluster.clock);
    const { c, output: out } = config({ oldRc: oldRcLive, newRc: newRcLive }, { cleanupPolicy: policy });
    c.intervalMs = 3000;
    c.timeoutMs = 60_000;
    let err: unknown = 'running';
    const routine = u.cleanupWithClients(oldRcLive, newRcLive, c);
    const step = (): void => {
      const s = routine.next();
      if (s.done) err = s.value;
      else if ('sleepMs' in s.value) cluster.clock.setTimeout(step, s.value.sleepMs);
    };
    step();
    cluster.advanceBy(70_000);
    expect(err).toBeUndefined();
    expect(out()).toBe(output);
    const names = cluster.api.list<RC>('ReplicationController', 'default').map((r) => r.metadata.name);
    expect(names).toEqual(remaining);
    const survivor = cluster.api.get<RC>('ReplicationController', 'default', remaining.at(-1)!)!;
    if (survivor.spec?.selector?.version === 'v2') {
      expect(survivor.metadata.annotations).toEqual({ keep: 'me' });
    }
  });

  it('TestRollingUpdater_cleanupWithClients_Rename: delete (orphaning the pods), wait until gone, create', () => {
    const cluster = clusterWith('foo-v2', { version: 'v2' }, ['nginx:1.17'], 2);
    cluster.advanceBy(5_000);
    const rc = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'foo-v2')!);
    const oldUid = rc.metadata?.uid;
    let err: unknown = 'running';
    const routine = rename(cluster.api, cluster.clock, rc, 'foo-v1');
    const step = (): void => {
      const s = routine.next();
      if (s.done) err = s.value;
      else if ('sleepMs' in s.value) cluster.clock.setTimeout(step, s.value.sleepMs);
    };
    step();
    expect(cluster.api.get('ReplicationController', 'default', 'foo-v2')).toBeUndefined();
    const pods = cluster.api.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);
    expect(err).toBe('running');
    cluster.advanceBy(5_000);
    expect(err).toBeUndefined();
    const renamed = cluster.api.get<RC>('ReplicationController', 'default', 'foo-v1')!;
    expect(renamed.metadata.uid).not.toBe(oldUid);
    const adopted = cluster.api.list<Pod>('Pod', 'default');
    expect(adopted.map((p) => p.metadata.ownerReferences?.[0]?.uid)).toEqual([
      renamed.metadata.uid,
      renamed.metadata.uid,
    ]);
  });
});

describe('FindSourceController', () => {
  const ctrl = (name: string, source: string): RC => ({
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: { name, namespace: 'default', annotations: { [sourceIDAnnotation]: source } },
    spec: {
      replicas: 0,
      selector: { app: name },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    },
  });
  it.each<[RC[], string, string | undefined]>([
    [[], '', undefined],
    [[ctrl('foo', 'bar:1234')], 'foo', undefined],
    [[ctrl('foo', 'bar:1234')], 'bar', 'foo'],
    [[ctrl('foo', 'bar:1234'), ctrl('bar', 'foo:12345')], 'bar', 'foo'],
    [[ctrl('foo', 'bar:1234'), ctrl('bar', 'foo:12345')], 'foo', 'bar'],
    [[ctrl('foo', 'bar:1234'), ctrl('bar', 'foo:12345'), ctrl('baz', 'baz:45667')], 'baz', 'baz'],
  ])('TestFindSourceController %#', (list, name, expected) => {
    const cluster = createCluster({ addons: false, workers: 0 });
    for (const rc of list) cluster.api.create(rc);
    const got = findSourceController(cluster.api, 'default', name);
    if (expected === undefined) {
      expect(got).toEqual(
        new GoError(`couldn't find a replication controller with source id == default/${name}`),
      );
    } else expect(isError(got) ? got : got.metadata?.name).toBe(expected);
  });
});

describe('UpdateExistingReplicationController / AddDeploymentKeyToReplicationController', () => {
  it('TestUpdateExistingReplicationController: adds the key to the template, the pods and the selector', () => {
    const cluster = clusterWith('foo', { app: 'foo' }, ['nginx:1.17'], 2);
    cluster.advanceBy(5_000);
    const rc = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'foo')!);
    const got = updateExistingReplicationController(cluster.api, rc, 'default', 'foo', 'dk', 'some-hash');
    if (isError(got)) throw new Error('unexpected error');
    expect(got.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/next-controller-id': 'foo' });
    expect(got.spec?.selector).toEqual({ app: 'foo', dk: 'some-hash' });
    expect(got.spec?.template?.metadata?.labels).toEqual({ app: 'foo', dk: 'some-hash' });
    const pods = cluster.api.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.metadata.labels)).toEqual([
      { app: 'foo', dk: 'some-hash' },
      { app: 'foo', dk: 'some-hash' },
    ]);
  });

  it('TestUpdateExistingReplicationController: a selector that has the key already only gets the annotation', () => {
    const cluster = clusterWith('foo', { dk: 'some-other-hash' }, ['nginx:1.17']);
    const rc = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'foo')!);
    const got = updateExistingReplicationController(cluster.api, rc, 'default', 'foo', 'dk', 'some-hash');
    if (isError(got)) throw new Error('unexpected error');
    expect(got.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/next-controller-id': 'foo' });
    expect(got.spec?.selector).toEqual({ dk: 'some-other-hash' });
    expect(got.spec?.template?.metadata?.labels).toEqual({ dk: 'some-other-hash' });
  });

  it('TestAddDeploymentHash: every pod of the controller is relabelled before the selector changes', () => {
    const cluster = clusterWith('rc', { foo: 'bar' }, ['nginx:1.17'], 3);
    const rc = structuredClone(cluster.api.get<RC>('ReplicationController', 'default', 'rc')!);
    const got = addDeploymentKeyToReplicationController(rc, cluster.api, 'dk', 'hash', 'default');
    if (isError(got)) throw new Error('unexpected error');
    expect(got.spec?.selector).toEqual({ foo: 'bar', dk: 'hash' });
    expect(cluster.api.list<Pod>('Pod', 'default').map((p) => p.metadata.labels?.dk)).toEqual([
      'hash',
      'hash',
      'hash',
    ]);
  });
});

describe('readyPods', () => {
  const readyAt = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  it.each([
    ['test1', [true, true, true, true], [true, false, true, false], 0, 0, 0, 4, 2],
    ['test2', [false], [true], 0, 0, 0, 0, 1],
    ['test3', [true], [false], 0, 0, 0, 1, 0],
    ['test4', [true], [true], 5, 0, 0, 0, 0],
    ['test5', [true], [true], 5, 6, 0, 1, 1],
    ['test6', [true, true, true, true], [], 0, 0, 2, 2, 0],
  ])(
    'TestRollingUpdater_readyPods %s',
    (_name, oldPods, newPods, minReadySeconds, nowAfterSeconds, oldDeletions, oldReady, newReady) => {
      const cluster = createCluster({ addons: false, workers: 0 });
      const now = Date.UTC(2016, 3, 1, 1, 0, 0);
      let count = 0;
      let deletions = oldDeletions;
      const mk = (version: string, ready: boolean) => {
        count++;
        const [pod] = cluster.api.create<Pod>({
          kind: 'Pod',
          apiVersion: 'v1',
          metadata: { name: `pod-${count}`, namespace: 'default', labels: { version } },
          spec: { containers: [{ name: 'c', image: 'x' }] },
        });
        const p = structuredClone(pod!);
        p.status = {
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: readyAt(now) }],
        };
        if (version === 'v1' && deletions > 0) {
          p.metadata.deletionTimestamp = readyAt(now);
          deletions--;
        }
        cluster.api.update(p, { status: true });
        if (p.metadata.deletionTimestamp) {
          const live = cluster.api.get<Pod>('Pod', 'default', p.metadata.name)!;
          cluster.api.update({ ...live, metadata: { ...live.metadata, deletionTimestamp: readyAt(now) } });
        }
      };
      for (const r of oldPods) mk('v1', r);
      for (const r of newPods) mk('v2', r);
      const u = new RollingUpdater('default', cluster.api, new FakeClock());
      u.nowFn = () => now + nowAfterSeconds * 1000;
      expect(u.readyPods(oldRc(4, 4), newRc(4, 4), minReadySeconds)).toEqual([oldReady, newReady]);
    },
  );
});
