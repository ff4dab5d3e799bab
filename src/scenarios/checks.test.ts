// The declarative step checks against a real (small) cluster: each one holds exactly when the state says so.
import { describe, expect, it } from 'vitest';
import { Session, Shell } from '../shell/index.ts';
import { evaluateCheck } from './checks.ts';
import { runCommand, settleUntil, type RunnerEnv } from './runner.ts';
import type { Check } from './schema.ts';

function cluster() {
  const session = new Session({ seed: 11, workers: 2 });
  const shell = new Shell(session);
  const env: RunnerEnv = { cluster: () => session.cluster, run: (l) => shell.run(l), commands: [] };
  runCommand(env, 'kubectl create deployment web --image=nginx:1.17 --replicas=2');
  expect(settleUntil(env, { type: 'deploymentComplete', name: 'web', replicas: 2, settled: true })).toBe(
    true,
  );
  const holds = (check: Check) => evaluateCheck(check, { cluster: env.cluster(), commands: env.commands });
  return { env, holds };
}

describe('evaluateCheck', () => {
  it('nodeReady follows the Ready condition, and an unknown node is never matched', () => {
    const { env, holds } = cluster();
    expect(holds({ type: 'nodeReady', name: 'node2', ready: true })).toBe(true);
    expect(holds({ type: 'nodeReady', name: 'node2', ready: false })).toBe(false);
    expect(holds({ type: 'nodeReady', name: 'node9', ready: false })).toBe(false);
    runCommand(env, 'sim node stop node2');
    expect(settleUntil(env, { type: 'nodeReady', name: 'node2', ready: false }, 70_000)).toBe(true);
    expect(holds({ type: 'nodeReady', name: 'node1', ready: true })).toBe(true);
  });

  it('pods counts exactly, with selector, node, terminating, ready and waiting filters', () => {
    const { env, holds } = cluster();
    expect(holds({ type: 'pods', selector: 'app=web', count: 2 })).toBe(true);
    expect(holds({ type: 'pods', selector: 'app=web', count: 1 })).toBe(false);
    expect(holds({ type: 'pods', selector: 'app=other', count: 0 })).toBe(true);
    expect(holds({ type: 'pods', selector: 'app=web', ready: true, terminating: false, count: 2 })).toBe(
      true,
    );
    expect(holds({ type: 'pods', selector: 'app=web', waiting: ['ErrImagePull'], count: 0 })).toBe(true);
    expect(holds({ type: 'pods', selector: 'app in (', count: 0 })).toBe(false);
    const n1 = holds({ type: 'pods', selector: 'app=web', node: 'node1', count: 1 });
    expect(n1).toBe(holds({ type: 'pods', selector: 'app=web', node: 'node2', count: 1 }));
    // 2 replicas: maxSurge 1, maxUnavailable 0 — one new Pod that cannot pull, both old ones stay Ready.
    runCommand(env, 'kubectl set image deployment/web nginx=nginx:no-such-tag');
    const failing: Check = {
      type: 'pods',
      selector: 'app=web',
      waiting: ['ErrImagePull', 'ImagePullBackOff'],
      count: 1,
    };
    expect(settleUntil(env, failing)).toBe(true);
    expect(holds({ type: 'pods', selector: 'app=web', ready: true, count: 2 })).toBe(true);
    expect(holds({ type: 'pods', selector: 'app=web', ready: false, terminating: false, count: 1 })).toBe(
      true,
    );
  });

  it('replicaSet finds the Deployment’s ReplicaSet by image; deploymentStatus compares the status counts', () => {
    const { env, holds } = cluster();
    expect(
      holds({ type: 'replicaSet', deployment: 'web', image: 'nginx:1.17', replicas: 2, readyReplicas: 2 }),
    ).toBe(true);
    expect(holds({ type: 'replicaSet', deployment: 'web', image: 'nginx:1.17', replicas: 3 })).toBe(false);
    expect(holds({ type: 'replicaSet', deployment: 'web', image: 'nginx:1.18' })).toBe(false);
    expect(holds({ type: 'replicaSet', deployment: 'nope', image: 'nginx:1.17' })).toBe(false);
    expect(holds({ type: 'deploymentStatus', name: 'web', readyReplicas: 2, availableReplicas: 2 })).toBe(
      true,
    );
    expect(holds({ type: 'deploymentStatus', name: 'web', readyReplicas: 1 })).toBe(false);
    expect(holds({ type: 'deploymentStatus', name: 'nope' })).toBe(false);
    runCommand(env, 'kubectl set image deployment/web nginx=nginx:1.18');
    // maxSurge 1 (25% of 2, rounded up), maxUnavailable 0 (rounded down): one new Pod next to the two old ones.
    expect(
      holds({ type: 'replicaSet', deployment: 'web', image: 'nginx:1.18', replicas: 1, readyReplicas: 0 }),
    ).toBe(true);
    expect(
      holds({ type: 'deploymentStatus', name: 'web', replicas: 3, updatedReplicas: 1, readyReplicas: 2 }),
    ).toBe(true);
  });

  it('replicationController matches names in full and counts RCs passing every filter', () => {
    const { env, holds } = cluster();
    runCommand(
      env,
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: ReplicationController
metadata:
  name: api-rc-100
spec:
  replicas: 2
  selector: {app: api}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: a, image: nginx:1.17}, {name: b, image: nginx:1.18}]
EOF`,
    );
    const rc = (c: Partial<Extract<Check, { type: 'replicationController' }>>): Check => ({
      type: 'replicationController',
      name: 'api-rc-\\d+',
      ...c,
    });
    expect(holds(rc({ image: 'nginx:1.18', containers: 2, replicas: 2 }))).toBe(true);
    expect(holds(rc({ image: 'nginx:1.19' }))).toBe(false);
    expect(holds(rc({ name: 'api-rc' }))).toBe(false);
    expect(holds(rc({ name: 'api-rc', count: 0 }))).toBe(true);
    expect(holds(rc({ readyReplicas: 2 }))).toBe(false);
    expect(settleUntil(env, rc({ readyReplicas: 2 }))).toBe(true);
    expect(holds(rc({ containers: 1 }))).toBe(false);
  });

  it('statefulSet, claims and podImage follow a StatefulSet with a claim template', () => {
    const { env, holds } = cluster();
    runCommand(
      env,
      `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: nginx:1.17}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
EOF`,
    );
    expect(holds({ type: 'statefulSet', name: 'db', readyReplicas: 2 })).toBe(false);
    expect(holds({ type: 'claims', selector: 'app=db', count: 1, phase: 'Pending' })).toBe(true);
    expect(settleUntil(env, { type: 'statefulSet', name: 'db', replicas: 2, readyReplicas: 2 })).toBe(true);
    expect(holds({ type: 'statefulSet', name: 'db', image: 'nginx:1.17', revisionsMatch: true })).toBe(true);
    expect(holds({ type: 'statefulSet', name: 'db', image: 'nginx:1.18' })).toBe(false);
    expect(holds({ type: 'claims', selector: 'app=db', count: 2, phase: 'Bound' })).toBe(true);
    expect(holds({ type: 'claims', selector: 'app=db', count: 2 })).toBe(true);
    expect(holds({ type: 'podImage', name: 'db-1', image: 'nginx:1.17', ready: true })).toBe(true);
    expect(holds({ type: 'podImage', name: 'db-1', image: 'nginx:1.18' })).toBe(false);
    expect(holds({ type: 'podImage', name: 'db-7', image: 'nginx:1.17' })).toBe(false);
  });

  it('nodeSchedulable follows cordon and uncordon, and an unknown node is never matched', () => {
    const { env, holds } = cluster();
    expect(holds({ type: 'nodeSchedulable', name: 'node1', schedulable: true })).toBe(true);
    expect(holds({ type: 'nodeSchedulable', name: 'node1', schedulable: false })).toBe(false);
    expect(holds({ type: 'nodeSchedulable', name: 'node9', schedulable: true })).toBe(false);
    expect(holds({ type: 'nodeSchedulable', name: 'node9', schedulable: false })).toBe(false);
    runCommand(env, 'kubectl cordon node1');
    expect(holds({ type: 'nodeSchedulable', name: 'node1', schedulable: false })).toBe(true);
    expect(holds({ type: 'nodeSchedulable', name: 'node2', schedulable: true })).toBe(true);
    runCommand(env, 'kubectl uncordon node1');
    expect(holds({ type: 'nodeSchedulable', name: 'node1', schedulable: true })).toBe(true);
  });

  it('pdb compares the budget status once the disruption controller has observed it', () => {
    const { env, holds } = cluster();
    expect(holds({ type: 'pdb', name: 'web-pdb' })).toBe(false);
    const apply = runCommand(
      env,
      'kubectl apply -f - <<EOF\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-pdb\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\nEOF',
    );
    expect(apply.stdout).toBe('poddisruptionbudget.policy/web-pdb created\n');
    // 2 Ready Pods, 1 must stay: TestUnavailable's arithmetic, healthy − desired.
    const allowed1: Check = {
      type: 'pdb',
      name: 'web-pdb',
      disruptionsAllowed: 1,
      currentHealthy: 2,
      desiredHealthy: 1,
      expectedPods: 2,
    };
    expect(settleUntil(env, allowed1, 5_000)).toBe(true);
    expect(holds({ type: 'pdb', name: 'web-pdb', disruptionsAllowed: 0 })).toBe(false);
    expect(holds({ type: 'pdb', name: 'web-pdb', namespace: 'kube-system' })).toBe(false);
    runCommand(env, 'kubectl scale deployment web --replicas=1');
    expect(settleUntil(env, { type: 'pdb', name: 'web-pdb', disruptionsAllowed: 0, expectedPods: 1 })).toBe(
      true,
    );
    expect(holds(allowed1)).toBe(false);
  });
});
