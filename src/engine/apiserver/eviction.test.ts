import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, PodDisruptionBudget } from '../api/types.ts';
import type { IntOrString } from '../apimachinery/intstr.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { registerStrategies } from '../apis/install.ts';
import { VirtualClock } from '../clock/clock.ts';
import { WorkQueue } from '../controller/controller.ts';
import { DisruptionController } from '../controller/disruption/disruption.ts';
import { EventRecorder } from '../events/recorder.ts';
import { Rand } from '../rand/rand.ts';
import { TraceLog } from '../trace/trace.ts';
import { ApiServer } from './apiserver.ts';
import { evictPod, updatePodCondition } from './eviction.ts';

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** An apiserver with the disruption controller, a ReplicaSet `zk` (3 replicas) and pods zk-0..2. */
function newFixture(pdbSpec: { minAvailable?: IntOrString; maxUnavailable?: IntOrString; policy?: string }) {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new Rand(1));
  registerStrategies(api);
  const queue = new WorkQueue(clock);
  const recorder = new EventRecorder(api, clock);
  new DisruptionController({ api, clock, rand: new Rand(2), queue, recorder, trace: new TraceLog() });
  const [rs] = api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'zk', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'zk' } },
      template: { metadata: { labels: { app: 'zk' } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    },
  } as KubeObject);
  const setPod = (name: string, phase: Phase, ready: boolean) => {
    let pod = api.get<Pod>('Pod', 'default', name);
    if (!pod) {
      pod = api.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: 'default',
          labels: { app: 'zk' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: 'zk',
              uid: rs!.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: {
          ...(phase === 'Pending' ? {} : { nodeName: 'node1' }),
          containers: [{ name: 'c', image: 'x' }],
        },
      })[0]!;
    }
    api.update(
      { ...pod, status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } },
      { status: true },
    );
    queue.drain();
  };
  api.create({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'zk-pdb', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'zk' } },
      ...(pdbSpec.minAvailable !== undefined ? { minAvailable: pdbSpec.minAvailable } : {}),
      ...(pdbSpec.maxUnavailable !== undefined ? { maxUnavailable: pdbSpec.maxUnavailable } : {}),
      ...(pdbSpec.policy ? { unhealthyPodEvictionPolicy: pdbSpec.policy } : {}),
    },
  });
  for (const n of ['zk-0', 'zk-1', 'zk-2']) setPod(n, 'Running', true);
  queue.drain();
  const ctx = { api, clock };
  const pdb = () => api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', 'zk-pdb')!;
  const pod = (n: string) => api.get<Pod>('Pod', 'default', n);
  return { api, clock, queue, ctx, setPod, pdb, pod };
}

describe('evictPod (pkg/registry/core/pod/storage/eviction.go EvictionREST.Create)', () => {
  it('decrements disruptionsAllowed, records the pod in disruptedPods, deletes the pod gracefully', () => {
    const f = newFixture({ maxUnavailable: 1 });
    expect(f.pdb().status!.disruptionsAllowed).toBe(1);
    const [pod, err] = evictPod(f.ctx, 'default', 'zk-0');
    expect(err).toBeNull();
    expect(pod!.metadata.deletionTimestamp).toBe(formatRFC3339(f.clock.now() + 30_000));
    const s = f.pdb().status!;
    expect(s.disruptionsAllowed).toBe(0);
    expect(s.disruptedPods).toEqual({ 'zk-0': formatRFC3339(f.clock.now()) });
    expect(s.conditions!.find((c) => c.type === 'DisruptionAllowed')).toMatchObject({
      status: 'False',
      reason: 'InsufficientPods',
    });
    // The controller sees the deletion: the entry goes, the pod no longer counts.
    f.queue.drain();
    expect(f.pdb().status!.disruptedPods).toBeUndefined();
    expect(f.pdb().status!.currentHealthy).toBe(2);
    expect(f.pdb().status!.disruptionsAllowed).toBe(0);
  });

  it("refuses with 429 TooManyRequests and the budget's numbers when no disruption is allowed", () => {
    const f = newFixture({ maxUnavailable: 1 });
    f.setPod('zk-1', 'Running', false);
    const [pod, err] = evictPod(f.ctx, 'default', 'zk-2');
    expect(pod).toBeNull();
    expect(err!.reason).toBe('TooManyRequests');
    expect(err!.code).toBe(429);
    expect(err!.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(err!.details!.statusCauses).toEqual([
      {
        type: 'DisruptionBudget',
        message: 'The disruption budget zk-pdb needs 2 healthy pods and has 2 currently',
      },
    ]);
    expect(f.pod('zk-2')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a Pending pod is deleted without looking at the budget', () => {
    const f = newFixture({ minAvailable: 3 });
    f.setPod('zk-3', 'Pending', false);
    expect(f.pdb().status!.disruptionsAllowed).toBe(0);
    const [, err] = evictPod(f.ctx, 'default', 'zk-3');
    expect(err).toBeNull();
    expect(f.pod('zk-3')).toBeUndefined(); // never bound: deleted at once
  });

  it('a terminating pod is deleted again without looking at the budget', () => {
    const f = newFixture({ minAvailable: 3 });
    f.api.delete('Pod', 'default', 'zk-0');
    f.queue.drain();
    const [, err] = evictPod(f.ctx, 'default', 'zk-0', { gracePeriodSeconds: 0 });
    expect(err).toBeNull();
    expect(f.pod('zk-0')).toBeUndefined();
  });

  it('IfHealthyBudget (default): an unready pod goes when the budget is met, without a decrement', () => {
    const f = newFixture({ minAvailable: 2 });
    f.setPod('zk-0', 'Running', false); // healthy 2 ≥ desired 2
    expect(f.pdb().status!.disruptionsAllowed).toBe(0);
    const [, err] = evictPod(f.ctx, 'default', 'zk-0');
    expect(err).toBeNull();
    expect(f.pod('zk-0')!.metadata.deletionTimestamp).toBeDefined();
    expect(f.pdb().status!.disruptedPods).toBeUndefined();
  });

  it('IfHealthyBudget: an unready pod is refused when the budget is not met; AlwaysAllow lets it go', () => {
    const f = newFixture({ minAvailable: 3 });
    f.setPod('zk-0', 'Running', false); // healthy 2 < desired 3
    const [, err] = evictPod(f.ctx, 'default', 'zk-0');
    expect(err!.code).toBe(429);
    expect(err!.details!.statusCauses![0]!.message).toBe(
      'The disruption budget zk-pdb needs 3 healthy pods and has 2 currently',
    );
    const g = newFixture({ minAvailable: 3, policy: 'AlwaysAllow' });
    g.setPod('zk-0', 'Running', false);
    expect(evictPod(g.ctx, 'default', 'zk-0')[1]).toBeNull();
    expect(g.pod('zk-0')!.metadata.deletionTimestamp).toBeDefined();
  });

  it('two budgets for one pod: 500 with the upstream text', () => {
    const f = newFixture({ maxUnavailable: 1 });
    f.api.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'other', namespace: 'default' },
      spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'zk' } } },
    });
    f.queue.drain();
    const [, err] = evictPod(f.ctx, 'default', 'zk-0');
    expect(err!.code).toBe(500);
    expect(err!.reason).toBe('');
    expect(err!.message).toBe(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  });

  it('a budget not yet observed by the controller answers 429 "still being processed"', () => {
    const f = newFixture({ maxUnavailable: 1 });
    const pdb = f.pdb();
    f.api.update({ ...pdb, spec: { ...pdb.spec, maxUnavailable: 2 } }); // generation 2, not synced yet
    const [, err] = evictPod(f.ctx, 'default', 'zk-0');
    expect(err!.code).toBe(429);
    expect(err!.details!.statusCauses![0]!.message).toBe(
      'The disruption budget zk-pdb is still being processed by the server.',
    );
    expect(err!.details!.retryAfterSeconds).toBe(10);
  });

  it('an empty selector protects nothing; a missing pod is NotFound; dry run changes nothing', () => {
    const f = newFixture({ minAvailable: 3 });
    const [, nf] = evictPod(f.ctx, 'default', 'nope');
    expect(nf!.message).toBe('pods "nope" not found');
    expect(nf!.code).toBe(404);
    const g = newFixture({ maxUnavailable: 1 });
    const [, err] = evictPod(g.ctx, 'default', 'zk-1', { dryRun: true });
    expect(err).toBeNull();
    expect(g.pod('zk-1')!.metadata.deletionTimestamp).toBeUndefined();
    expect(g.pdb().status!.disruptionsAllowed).toBe(1);
    const pdb = f.pdb();
    f.api.update({ ...pdb, spec: { ...pdb.spec, selector: {} } });
    f.queue.drain();
    expect(evictPod(f.ctx, 'default', 'zk-1')[1]).toBeNull();
  });

  it('marks the pod with the DisruptionTarget condition before deleting it (not on a dry run)', () => {
    const f = newFixture({ maxUnavailable: 1 });
    f.clock.setNow(f.clock.now() + 5000);
    evictPod(f.ctx, 'default', 'zk-0');
    expect(f.pod('zk-0')!.status!.conditions).toEqual([
      { type: 'Ready', status: 'True' },
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
        lastProbeTime: null,
        lastTransitionTime: formatRFC3339(f.clock.now()),
      },
    ]);
    evictPod(f.ctx, 'default', 'zk-1', { dryRun: true });
    expect(f.pod('zk-1')!.status!.conditions).toEqual([{ type: 'Ready', status: 'True' }]);
  });
});

describe('updatePodCondition (pkg/api/v1/pod/util.go UpdatePodCondition)', () => {
  const c = (status: string, reason: string, at: string) => ({
    type: 'X',
    status,
    reason,
    lastTransitionTime: at,
  });
  it('appends a new condition, replaces in place, keeps the transition time while the status holds', () => {
    const a = { type: 'A', status: 'True' };
    expect(updatePodCondition([a], c('True', 'r', 't1'))).toEqual([a, c('True', 'r', 't1')]);
    expect(updatePodCondition([c('True', 'r', 't1'), a], c('True', 's', 't2'))).toEqual([
      c('True', 's', 't1'),
      a,
    ]);
    expect(updatePodCondition([c('True', 'r', 't1')], c('False', 'r', 't2'))).toEqual([
      c('False', 'r', 't2'),
    ]);
    expect(updatePodCondition([c('True', 'r', 't1')], c('True', 'r', 't2'))).toBeUndefined();
  });
});
