import { describe, expect, it, test } from 'vitest';
import type {
  Event,
  KubeObject,
  OwnerReference,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Stored,
} from '../../api/types.ts';
import { resourceForKind } from '../../api/registry.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import { ApiServer } from '../../apiserver/apiserver.ts';
import { registerStrategies } from '../../apis/install.ts';
import { VirtualClock } from '../../clock/clock.ts';
import { EventRecorder } from '../../events/recorder.ts';
import { Rand } from '../../rand/rand.ts';
import { TraceLog } from '../../trace/trace.ts';
import { WorkQueue } from '../controller.ts';
import {
  DisruptionController,
  countHealthyPods,
  deletionTimeoutMs,
  labelSelectorGoString,
} from './disruption.ts';

/** A DisruptionController alone on an ApiServer (strategies registered, no other controllers). */
function newFixture() {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new Rand(1));
  registerStrategies(api);
  const queue = new WorkQueue(clock);
  const recorder = new EventRecorder(api, clock);
  new DisruptionController({ api, clock, rand: new Rand(2), queue, recorder, trace: new TraceLog() });
  const settle = () => queue.drain();
  const pdb = (name = 'foo') => api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', name)!;
  const events = () =>
    api
      .list<Event>('Event')
      .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.type} ${e.reason} ${e.message}`);
  const advance = (ms: number) => {
    const end = clock.now() + ms;
    while (clock.fireNext(end)) settle();
    clock.setNow(end);
    settle();
  };
  return { api, clock, queue, settle, pdb, events, advance };
}

type Fixture = ReturnType<typeof newFixture>;

function newPdb(spec: { minAvailable?: IntOrString; maxUnavailable?: IntOrString; selector?: object }) {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'foo', namespace: 'default' },
    spec: { selector: { matchLabels: { foo: 'bar' } }, ...spec },
  } as PodDisruptionBudget;
}

function addPod(f: Fixture, name: string, ready: boolean, owner?: Stored<KubeObject>): Stored<Pod> {
  const ref: OwnerReference[] = owner
    ? [
        {
          apiVersion: owner.apiVersion,
          kind: owner.kind,
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
        },
      ]
    : [];
  const [pod, err] = f.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { foo: 'bar' }, ownerReferences: ref },
    spec: { nodeName: 'node1', containers: [{ name: 'c', image: 'nginx' }] },
  });
  expect(err).toBeNull();
  setReady(f, pod!, ready);
  return f.api.get<Pod>('Pod', 'default', name)!;
}

function setReady(f: Fixture, pod: Stored<Pod>, ready: boolean) {
  f.api.update(
    {
      ...pod,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      },
    },
    { status: true },
  );
}

function addController(f: Fixture, kind: string, replicas: number): Stored<KubeObject> {
  const apiVersion = 'apps/v1';
  const [obj, err] = f.api.create({
    apiVersion,
    kind,
    metadata: { name: kind.toLowerCase(), namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  } as KubeObject);
  expect(err).toBeNull();
  return obj!;
}

function status(f: Fixture) {
  const s = f.pdb().status!;
  return [s.expectedPods, s.desiredHealthy, s.currentHealthy, s.disruptionsAllowed];
}

// The worked numbers of the spec (§6.1), each from an upstream test of disruption_test.go.
describe('DisruptionController (pkg/controller/disruption/disruption_test.go)', () => {
  interface Row {
    name: string;
    pdb: Parameters<typeof newPdb>[0];
    controller?: [kind: string, replicas: number];
    pods: boolean[]; // readiness of each pod
    want: [expected: number, desired: number, healthy: number, allowed: number];
  }
  const rows: Row[] = [
    { name: 'TestNoSelector', pdb: { minAvailable: 3, selector: {} }, pods: [], want: [0, 3, 0, 0] },
    { name: 'TestUnavailable (1 pod)', pdb: { minAvailable: 3 }, pods: [true], want: [1, 3, 1, 0] },
    { name: 'TestUnavailable', pdb: { minAvailable: 3 }, pods: [true, true, true, true], want: [4, 3, 4, 1] },
    {
      name: 'TestUnavailable (one unready)',
      pdb: { minAvailable: 3 },
      pods: [true, true, true, false],
      want: [4, 3, 3, 0],
    },
    {
      name: 'TestIntegerMaxUnavailableWithScaling (7)',
      pdb: { maxUnavailable: 2 },
      controller: ['ReplicaSet', 7],
      pods: [true],
      want: [7, 5, 1, 0],
    },
    {
      name: 'TestIntegerMaxUnavailableWithScaling (5)',
      pdb: { maxUnavailable: 2 },
      controller: ['ReplicaSet', 5],
      pods: [true],
      want: [5, 3, 1, 0],
    },
    {
      name: 'TestPercentageMaxUnavailableWithScaling (7)',
      pdb: { maxUnavailable: '30%' },
      controller: ['ReplicaSet', 7],
      pods: [true],
      want: [7, 4, 1, 0],
    },
    {
      name: 'TestPercentageMaxUnavailableWithScaling (3)',
      pdb: { maxUnavailable: '30%' },
      controller: ['ReplicaSet', 3],
      pods: [true],
      want: [3, 2, 1, 0],
    },
    {
      name: 'TestReplicaSet',
      pdb: { minAvailable: '20%' },
      controller: ['ReplicaSet', 10],
      pods: [true],
      want: [10, 2, 1, 0],
    },
    {
      name: 'TestStatefulSetController',
      pdb: { minAvailable: '34%' },
      controller: ['StatefulSet', 3],
      pods: [true, true, true],
      want: [3, 2, 3, 1],
    },
  ];
  for (const r of rows) {
    const kind = r.controller?.[0];
    test.skipIf(kind !== undefined && !resourceForKind(kind))(r.name, () => {
      const f = newFixture();
      f.api.create(newPdb(r.pdb));
      const owner = r.controller ? addController(f, r.controller[0], r.controller[1]) : undefined;
      r.pods.forEach((ready, i) => addPod(f, `pod-${i}`, ready, owner));
      f.settle();
      expect(status(f)).toEqual(r.want);
    });
  }

  it('TestIntegerMaxUnavailable: an unmanaged pod counts for nothing and is reported', () => {
    const f = newFixture();
    f.api.create(newPdb({ maxUnavailable: 1 }));
    addPod(f, 'pod-0', true);
    f.settle();
    expect(f.pdb().status!.disruptionsAllowed).toBe(0);
    expect(f.pdb().status!.expectedPods).toBe(0);
    expect(f.events()).toContain(
      'PodDisruptionBudget/foo Warning UnmanagedPods Pods selected by this PodDisruptionBudget ' +
        '(selector: &LabelSelector{MatchLabels:map[string]string{foo: bar,},MatchExpressions:[]LabelSelectorRequirement{},}) ' +
        'were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result ' +
        'in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    );
  });

  it('Deployment pods count the Deployment’s replicas (getPodDeployment)', () => {
    const f = newFixture();
    f.api.create(newPdb({ maxUnavailable: 1 }));
    const d = addController(f, 'Deployment', 3);
    const [rs] = f.api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-abc',
        namespace: 'default',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 5, // not what counts
        selector: { matchLabels: { foo: 'bar' } },
        template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      },
    });
    for (let i = 0; i < 3; i++) addPod(f, `web-${i}`, true, rs!);
    f.settle();
    expect(status(f)).toEqual([3, 2, 3, 1]);
  });

  it('NoPods event, DisruptionAllowed condition and observedGeneration', () => {
    const f = newFixture();
    f.api.create(newPdb({ minAvailable: 1 }));
    f.settle();
    expect(f.events()).toEqual(['PodDisruptionBudget/foo Normal NoPods No matching pods found']);
    const s = f.pdb().status!;
    expect(s.observedGeneration).toBe(1);
    expect(s.conditions).toEqual([
      {
        type: 'DisruptionAllowed',
        status: 'False',
        observedGeneration: 1,
        lastTransitionTime: formatRFC3339(f.clock.now()),
        reason: 'InsufficientPods',
        message: '',
      },
    ]);
    addPod(f, 'a', true);
    addPod(f, 'b', true);
    f.settle();
    expect(f.pdb().status!.conditions![0]!.status).toBe('True');
    expect(f.pdb().status!.conditions![0]!.reason).toBe('SufficientPods');
  });

  it('failSafe: a DaemonSet-owned pod under maxUnavailable fails the sync (no scale subresource)', () => {
    const f = newFixture();
    f.api.create(newPdb({ maxUnavailable: 1 }));
    const ds = addController(f, 'DaemonSet', 1);
    addPod(f, 'ds-0', true, ds);
    f.settle();
    const s = f.pdb().status!;
    expect(s.disruptionsAllowed).toBe(0);
    expect(s.conditions![0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'False',
      reason: 'SyncFailed',
      message: 'daemonsets.apps does not implement the scale subresource',
    });
    expect(f.events()).toContain(
      'PodDisruptionBudget/foo Warning CalculateExpectedPodCountFailed Failed to calculate the number of expected pods: daemonsets.apps does not implement the scale subresource',
    );
  });

  it('disruptedPods: dropped once the pod is deleting; after 2 min a NotDeleted event, then it counts again', () => {
    const f = newFixture();
    f.api.create(newPdb({ minAvailable: 1 }));
    const a = addPod(f, 'a', true);
    addPod(f, 'b', true);
    f.settle();
    expect(f.pdb().status!.disruptionsAllowed).toBe(1);
    // What the eviction subresource writes.
    const stamp = formatRFC3339(f.clock.now());
    const pdb = f.pdb();
    f.api.update(
      { ...pdb, status: { ...pdb.status!, disruptionsAllowed: 0, disruptedPods: { a: stamp, b: stamp } } },
      { status: true },
    );
    f.settle();
    expect(f.pdb().status!.currentHealthy).toBe(0);
    expect(f.pdb().status!.disruptedPods).toEqual({ a: stamp, b: stamp });
    // a is deleted (graceful: it stays with a deletionTimestamp); b never is.
    f.api.delete('Pod', 'default', 'a', { gracePeriodSeconds: 30 });
    f.settle();
    expect(f.pdb().status!.disruptedPods).toEqual({ b: stamp });
    f.advance(deletionTimeoutMs - 1000);
    expect(f.pdb().status!.currentHealthy).toBe(0);
    f.advance(1000);
    expect(f.pdb().status!.currentHealthy).toBe(0);
    f.advance(1);
    expect(f.pdb().status!.disruptedPods).toBeUndefined();
    expect(f.pdb().status!.currentHealthy).toBe(1);
    expect(f.events()).toContain(
      "Pod/b Warning NotDeleted Pod was expected by PDB default/default to be deleted but it wasn't",
    );
    expect(a.metadata.name).toBe('a');
    expect(f.clock.pending()).toBe(0); // no perpetual timer
  });

  it('countHealthyPods ignores deleting pods and fresh disruptedPods entries', () => {
    const now = 1767571200000;
    const ready = (name: string, extra: Partial<Pod['metadata']> = {}): Pod => ({
      metadata: { name, ...extra },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    const pods = [ready('a'), ready('b', { deletionTimestamp: formatRFC3339(now) }), ready('c'), ready('d')];
    const disrupted = { c: formatRFC3339(now - 10_000), d: formatRFC3339(now - deletionTimeoutMs) };
    expect(countHealthyPods(pods, disrupted, now)).toBe(2); // a, and d whose entry has expired
  });

  it('labelSelectorGoString renders match expressions as the generated String() does', () => {
    expect(
      labelSelectorGoString({ matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] }),
    ).toBe(
      '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:app,Operator:In,Values:[a b],},},}',
    );
  });
});

describe('ZooKeeper budget (maxUnavailable 1, 3 replicas)', () => {
  it('allows 1 disruption when all three are Ready, 0 as soon as one is not', () => {
    const f = newFixture();
    f.api.create(newPdb({ maxUnavailable: 1 }));
    const rs = addController(f, 'ReplicaSet', 3);
    const pods = [0, 1, 2].map((i) => addPod(f, `zk-${i}`, true, rs));
    f.settle();
    expect(status(f)).toEqual([3, 2, 3, 1]);
    setReady(f, f.api.get<Pod>('Pod', 'default', pods[1]!.metadata.name)!, false);
    f.settle();
    expect(status(f)).toEqual([3, 2, 2, 0]);
  });
});
