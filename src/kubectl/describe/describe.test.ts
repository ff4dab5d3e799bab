import { describe as suite, expect, it } from 'vitest';
import type { Cluster, Event, KubeObject, ReplicaSet, Deployment } from '../../engine/index.ts';
import { describeDeployment } from './apps.ts';
import { describeEvents, printPodTolerationsMultiline, tabbedString } from './describe.ts';

const NOW = Date.UTC(2021, 1, 12, 6, 52, 0);
const ts = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');

/** A read-only stand-in for the cluster: describers only list and get. */
function fakeCluster(objects: KubeObject[]): Cluster {
  const api = {
    list: (kind: string, ns?: string) =>
      objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata?.namespace === ns)),
    get: (kind: string, ns: string | undefined, name: string) =>
      objects.find(
        (o) =>
          o.kind === kind && o.metadata?.name === name && (ns === undefined || o.metadata.namespace === ns),
      ),
  };
  return { api } as unknown as Cluster;
}

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image, imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always' },
});

const deploy: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web-deploy',
    namespace: 'default',
    uid: 'd1',
    creationTimestamp: '2021-02-12T05:01:48Z',
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    template: template('nginx:1.17'),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    minReadySeconds: 0,
  },
  status: {
    replicas: 5,
    updatedReplicas: 2,
    availableReplicas: 3,
    unavailableReplicas: 2,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
    ],
  },
};

const rs = (name: string, hash: string, image: string, created: string, replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name,
    namespace: 'default',
    uid: name,
    creationTimestamp: created,
    labels: { app: 'web', 'pod-template-hash': hash },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-deploy', uid: 'd1', controller: true },
    ],
  },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
    template: template(image, hash),
  },
  status: { replicas },
});

const scaling = (name: string, message: string, last: number, first = last, count = 1): Event => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web-deploy', uid: 'd1' },
  reason: 'ScalingReplicaSet',
  message,
  source: { component: 'deployment-controller' },
  firstTimestamp: ts(first),
  lastTimestamp: ts(last),
  count,
  type: 'Normal',
});

suite('describe deployment (seed 000 mid-rollout, with v1.36 texts)', () => {
  it('matches the layout of the seed transcript', () => {
    const cluster = fakeCluster([
      deploy,
      rs('web-deploy-6b5f67b747', '6b5f67b747', 'nginx:latest', '2021-02-12T05:01:48Z', 3),
      rs('web-deploy-69987c56dc', '69987c56dc', 'nginx:1.17', '2021-02-12T06:51:31Z', 2),
      scaling('web-deploy.1', 'Scaled down replica set web-deploy-6b5f67b747 from 4 to 2', 47 * 60),
      scaling('web-deploy.2', 'Scaled up replica set web-deploy-6b5f67b747 from 2 to 4', 30),
      scaling('web-deploy.3', 'Scaled up replica set web-deploy-69987c56dc from 0 to 1', 29),
      scaling('web-deploy.4', 'Scaled down replica set web-deploy-6b5f67b747 from 4 to 3', 29),
      scaling('web-deploy.5', 'Scaled up replica set web-deploy-69987c56dc from 1 to 2', 29, 48 * 60, 2),
    ]);
    expect(describeDeployment(deploy, { cluster, now: NOW, showEvents: true })).toBe(
      [
        'Name:                   web-deploy',
        'Namespace:              default',
        'CreationTimestamp:      Fri, 12 Feb 2021 05:01:48 +0000',
        'Labels:                 <none>',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               4 desired | 2 updated | 5 total | 3 available | 2 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.17',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    ReplicaSetUpdated',
        'OldReplicaSets:  web-deploy-6b5f67b747 (3/3 replicas created)',
        'NewReplicaSet:   web-deploy-69987c56dc (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age                From                   Message',
        '  ----    ------             ----               ----                   -------',
        '  Normal  ScalingReplicaSet  47m                deployment-controller  Scaled down replica set web-deploy-6b5f67b747 from 4 to 2',
        '  Normal  ScalingReplicaSet  30s                deployment-controller  Scaled up replica set web-deploy-6b5f67b747 from 2 to 4',
        '  Normal  ScalingReplicaSet  29s                deployment-controller  Scaled up replica set web-deploy-69987c56dc from 0 to 1',
        '  Normal  ScalingReplicaSet  29s                deployment-controller  Scaled down replica set web-deploy-6b5f67b747 from 4 to 3',
        '  Normal  ScalingReplicaSet  29s (x2 over 48m)  deployment-controller  Scaled up replica set web-deploy-69987c56dc from 1 to 2',
        '',
      ].join('\n'),
    );
  });

  it('lists every old ReplicaSet, 0/0 ones included, oldest first; Events: <none> aligns with the block', () => {
    const d: Deployment = { ...deploy, spec: { ...deploy.spec!, template: template('nginx:1.18') } };
    const cluster = fakeCluster([
      d,
      rs('web-deploy-69987c56dc', '69987c56dc', 'nginx:1.17', '2021-02-12T06:51:31Z', 0),
      rs('web-deploy-6b5f67b747', '6b5f67b747', 'nginx:latest', '2021-02-12T05:01:48Z', 0),
      rs('web-deploy-5c87b8bff6', '5c87b8bff6', 'nginx:1.18', '2021-02-12T06:52:00Z', 4),
    ]);
    const tail = describeDeployment(d, { cluster, now: NOW, showEvents: true }).split('\n').slice(-4);
    expect(tail).toEqual([
      'OldReplicaSets:  web-deploy-6b5f67b747 (0/0 replicas created), web-deploy-69987c56dc (0/0 replicas created)',
      'NewReplicaSet:   web-deploy-5c87b8bff6 (4/4 replicas created)',
      'Events:          <none>',
      '',
    ]);
  });
});

suite('describe helpers', () => {
  it('container events carry their field path (kubectl ≥ 1.35)', () => {
    const ev: Event = {
      metadata: { name: 'p.1' },
      involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{nginx}' },
      reason: 'Failed',
      message: 'Error: ImagePullBackOff',
      source: { component: 'kubelet', host: 'node1' },
      firstTimestamp: ts(70),
      lastTimestamp: ts(5),
      count: 4,
      type: 'Warning',
    };
    expect(tabbedString((w) => describeEvents([ev], w, NOW))).toBe(
      [
        'Events:',
        '  Type     Reason  Age               From     Message',
        '  ----     ------  ----              ----     -------',
        '  Warning  Failed  5s (x4 over 70s)  kubelet  spec.containers{nginx}: Error: ImagePullBackOff',
        '',
      ].join('\n'),
    );
  });

  it('tolerations: sorted by key, op=Exists, for Ns', () => {
    const text = tabbedString((w) =>
      printPodTolerationsMultiline(w, 'Tolerations', [
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        { operator: 'Exists' },
        { key: 'dedicated', operator: 'Equal', value: 'zk', effect: 'NoSchedule' },
      ]),
    );
    expect(text).toBe(
      [
        'Tolerations:  op=Exists',
        '              dedicated=zk:NoSchedule',
        '              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        '',
      ].join('\n'),
    );
  });
});
