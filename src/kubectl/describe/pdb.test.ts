import { describe, expect, it } from 'vitest';
import { isPodReady, type Pod } from '../../engine/index.ts';
import { Harness } from '../cmd/testing/harness.ts';

const zkYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: zk
spec:
  replicas: 3
  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
    spec:
      containers:
      - name: c
        image: nginx:1.17
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
  selector:
    matchLabels:
      app: zk
  maxUnavailable: 1
`;

const v1beta1Yaml = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
  selector:
    matchLabels:
      app: zk
  maxUnavailable: 1
`;

describe('kubectl get / describe pdb (printPodDisruptionBudget, describePodDisruptionBudgetV1)', () => {
  it('the ZooKeeper budget: allowed 0 while the pods start, 1 when all three are Ready, 0 after an eviction', () => {
    const h = new Harness();
    h.files.set('zk.yaml', zkYaml);
    expect(h.run('apply -f zk.yaml').stdout).toBe(
      'deployment.apps/zk created\npoddisruptionbudget.policy/zk-pdb created\n',
    );
    expect(h.run('get pdb').stdout).toBe(
      'NAME     MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' +
        'zk-pdb   N/A             1                 0                     0s\n',
    );
    h.advance(120_000);
    expect(h.run('get poddisruptionbudgets').stdout).toBe(
      'NAME     MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' +
        'zk-pdb   N/A             1                 1                     2m\n',
    );
    expect(h.run('get pdb -o wide').stdout).toBe(h.run('get pdb').stdout);
    expect(h.run('describe pdb zk-pdb').stdout).toBe(
      [
        'Name:             zk-pdb',
        'Namespace:        default',
        'Max unavailable:  1',
        'Selector:         app=zk',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        // The Deployment's pods do not exist yet when the budget is created (the same apply).
        'Events:',
        '  Type    Reason  Age   From               Message',
        '  ----    ------  ----  ----               -------',
        '  Normal  NoPods  2m    controllermanager  No matching pods found',
        '',
      ].join('\n'),
    );
    const pod = h.cluster.api.list('Pod', 'default')[0]!.metadata.name;
    const [, err] = h.cluster.evict('default', pod);
    expect(err).toBeNull();
    h.cluster.settle();
    expect(h.run('get pdb').stdout).toContain(
      'zk-pdb   N/A             1                 0                     2m\n',
    );
    const running = h.cluster.api
      .list<Pod>('Pod', 'default')
      .filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
    expect(running.length).toBe(2); // the replacement is still starting
    const [, refused] = h.cluster.evict('default', running[0]!.metadata.name);
    expect(refused!.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
  });

  it('minAvailable prints in its own column; an empty budget shows NoPods', () => {
    const h = new Harness();
    h.stdin = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 50%
  selector:
    matchLabels:
      app: web
`;
    expect(h.run('create -f -').stdout).toBe('poddisruptionbudget.policy/web created\n');
    h.advance(5000);
    expect(h.run('get pdb web --no-headers').stdout).toBe('web   50%   N/A   0     5s\n');
    const out = h.run('describe pdb web').stdout;
    expect(out).toContain('Min available:  50%\n');
    expect(out).toContain('  Normal  NoPods  5s (x2 over 5s)  controllermanager  No matching pods found\n');
  });

  it('policy/v1beta1 is gone (removed in 1.25): resource mapping not found', () => {
    const h = new Harness();
    h.files.set('zookeeper.yaml', v1beta1Yaml);
    const r = h.run('apply -f zookeeper.yaml');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "zk-pdb" namespace: "" from "zookeeper.yaml": ' +
        'no matches for kind "PodDisruptionBudget" in version "policy/v1beta1"\nensure CRDs are installed first\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('validation: both fields set, a negative value, a percent over 100', () => {
    const h = new Harness();
    const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: bad
spec:
${spec}
`;
    h.stdin = pdb('  minAvailable: 1\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: zk');
    expect(h.run('create -f -').stderr).toBe(
      'The PodDisruptionBudget "bad" is invalid: spec: Invalid value: ' +
        '{"MinAvailable":1,"Selector":{"matchLabels":{"app":"zk"}},"MaxUnavailable":1,"UnhealthyPodEvictionPolicy":null}: ' +
        'minAvailable and maxUnavailable cannot be both set\n',
    );
    h.stdin = pdb('  maxUnavailable: -1');
    expect(h.run('create -f -').stderr).toBe(
      'The PodDisruptionBudget "bad" is invalid: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0\n',
    );
    h.stdin = pdb('  minAvailable: 150%');
    expect(h.run('create -f -').stderr).toBe(
      'The PodDisruptionBudget "bad" is invalid: spec.minAvailable: Invalid value: 150%: must not be greater than 100%\n',
    );
    h.stdin = pdb('  minAvailable: 1\n  unhealthyPodEvictionPolicy: Sometimes');
    expect(h.run('create -f -').stderr).toBe(
      'The PodDisruptionBudget "bad" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": ' +
        'supported values: "AlwaysAllow", "IfHealthyBudget"\n',
    );
  });

  it('api-resources lists poddisruptionbudgets (pdb, policy/v1)', () => {
    const h = new Harness();
    expect(h.run('api-resources --api-group=policy').stdout).toBe(
      'NAME                   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n' +
        'poddisruptionbudgets   pdb          policy/v1    true         PodDisruptionBudget\n',
    );
  });
});

describe('strict field validation of a PodDisruptionBudget manifest', () => {
  it('an unknown spec field is refused', () => {
    const h = new Harness();
    h.stdin = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
  maxUnavaliable: 1
`;
    expect(h.run('create -f -').stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": PodDisruptionBudget in version "v1" cannot be handled as a PodDisruptionBudget: strict decoding error: unknown field "spec.maxUnavaliable"\n',
    );
  });
});
