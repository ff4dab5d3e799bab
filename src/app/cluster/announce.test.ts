import { describe, expect, it } from 'vitest';
import type {
  DeploymentFrame,
  Frame,
  NodeFrame,
  ReplicaSetFrame,
  PodFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from '../../view/cluster/frame.ts';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import { diffFrames, type Announcement } from './announce.ts';

const rs = (ready: number, desired = 4): ReplicaSetFrame => ({
  uid: 'rs1',
  name: 'web-deploy-abc',
  namespace: 'default',
  deployment: 'web-deploy',
  revision: 2,
  colorIndex: 1,
  desired,
  current: desired,
  ready,
  available: ready,
  image: 'nginx:1.18',
  createdMs: 0,
});
const dep = (updated: number, available: number, total = 4): DeploymentFrame => ({
  uid: 'd1',
  name: 'web-deploy',
  namespace: 'default',
  replicas: 4,
  updated,
  ready: available,
  available,
  total,
  strategy: 'RollingUpdate',
  maxSurge: '25%',
  maxUnavailable: '25%',
  maxSurgeCount: 1,
  maxUnavailableCount: 1,
  revision: 2,
  image: 'nginx:1.18',
});
const node = (status: string): NodeFrame => ({
  uid: 'n1',
  name: 'node1',
  status,
  ready: status === 'Ready',
  unschedulable: false,
  controlPlane: false,
  taints: [],
  otherPods: 0,
});
const frame = (o: Partial<Frame>): Frame => ({ nodes: [], pods: [], replicaSets: [], deployments: [], ...o });

describe('diffFrames', () => {
  it('says how many Pods of a ReplicaSet are Ready when that changes', () => {
    expect(diffFrames(frame({ replicaSets: [rs(1)] }), frame({ replicaSets: [rs(2)] }))).toEqual([
      { key: 'announce.rs', params: { name: 'web-deploy-abc', revision: 2, ready: 2, desired: 4 } },
    ]);
  });
  it('stays quiet when nothing a learner would notice changed', () => {
    expect(diffFrames(frame({ replicaSets: [rs(2)] }), frame({ replicaSets: [rs(2)] }))).toEqual([]);
    expect(diffFrames(frame({ replicaSets: [rs(0, 0)] }), frame({ replicaSets: [rs(0, 0)] }))).toEqual([]);
  });
  it('announces a finished rollout once', () => {
    const done = diffFrames(frame({ deployments: [dep(4, 3, 5)] }), frame({ deployments: [dep(4, 4)] }));
    expect(done).toEqual([{ key: 'announce.rolloutDone', params: { name: 'web-deploy', replicas: 4 } }]);
    expect(diffFrames(frame({ deployments: [dep(4, 4)] }), frame({ deployments: [dep(4, 4)] }))).toEqual([]);
  });
  it('announces a node status change', () => {
    expect(diffFrames(frame({ nodes: [node('Ready')] }), frame({ nodes: [node('NotReady')] }))).toEqual([
      { key: 'announce.node', params: { name: 'node1', status: 'NotReady' } },
    ]);
  });
});

describe('diffFrames: ReplicationControllers', () => {
  const rc = (name: string, ordinal: number, desired: number, ready: number): ReplicationControllerFrame => ({
    uid: `rc-${name}`,
    name,
    namespace: 'default',
    ordinal,
    colorIndex: ordinal - 1,
    desired,
    current: desired,
    ready,
    available: ready,
    image: 'asia.gcr.io/rollout-lab/node-api:1.0.0',
    selector: 'name=api-pods',
    createdMs: ordinal,
  });
  const at = (...replicationControllers: ReplicationControllerFrame[]) => frame({ replicationControllers });

  it('follows a rolling-update: the new controller appears, counts move, the old one goes', () => {
    expect(
      diffFrames(at(rc('api-rc', 1, 3, 3)), at(rc('api-rc', 1, 3, 3), rc('api-rc-next', 2, 0, 0))),
    ).toEqual([{ key: 'announce.rcCreated', params: { name: 'api-rc-next', badge: 'rc2' } }]);
    expect(
      diffFrames(
        at(rc('api-rc', 1, 3, 3), rc('api-rc-next', 2, 0, 0)),
        at(rc('api-rc', 1, 2, 2), rc('api-rc-next', 2, 1, 1)),
      ),
    ).toEqual([
      { key: 'announce.rc', params: { name: 'api-rc', badge: 'rc1', ready: 2, desired: 2 } },
      { key: 'announce.rc', params: { name: 'api-rc-next', badge: 'rc2', ready: 1, desired: 1 } },
    ]);
    expect(
      diffFrames(at(rc('api-rc', 1, 0, 0), rc('api-rc-next', 2, 3, 3)), at(rc('api-rc-next', 1, 3, 3))),
    ).toEqual([
      { key: 'announce.rcDeleted', params: { name: 'api-rc' } },
      { key: 'announce.rcBadge', params: { name: 'api-rc-next', badge: 'rc1' } },
    ]);
  });

  it('says a rename as the temporary controller deleted, then the old name created', () => {
    expect(diffFrames(at(rc('api-rc-next', 1, 3, 3)), at(rc('api-rc', 1, 3, 0)))).toEqual([
      { key: 'announce.rcDeleted', params: { name: 'api-rc-next' } },
      { key: 'announce.rcCreated', params: { name: 'api-rc', badge: 'rc1' } },
    ]);
  });

  it('stays quiet for a controller at zero and for frames without controllers', () => {
    expect(diffFrames(at(rc('api-rc', 1, 0, 0)), at(rc('api-rc', 1, 0, 0)))).toEqual([]);
    expect(diffFrames(frame({}), frame({}))).toEqual([]);
  });

  it.each([
    [
      'en',
      en,
      [
        'ReplicationController api-rc-next (rc2) created.',
        'ReplicationController api-rc (rc1): 2 of 3 Ready.',
        'ReplicationController api-rc deleted.',
        'ReplicationController api-rc-next and its Pods are now labelled rc1.',
      ],
    ],
    [
      'ja',
      ja,
      [
        'ReplicationController api-rc-next（rc2）が作成されました。',
        'ReplicationController api-rc（rc1）：3 個中 2 個が Ready。',
        'ReplicationController api-rc が削除されました。',
        'ReplicationController api-rc-next とその Pod のラベルは rc1 になりました。',
      ],
    ],
  ])('reads in %s', (_, res, want) => {
    const said = (
      [
        { key: 'announce.rcCreated', params: { name: 'api-rc-next', badge: 'rc2' } },
        { key: 'announce.rc', params: { name: 'api-rc', badge: 'rc1', ready: 2, desired: 3 } },
        { key: 'announce.rcDeleted', params: { name: 'api-rc' } },
        { key: 'announce.rcBadge', params: { name: 'api-rc-next', badge: 'rc1' } },
      ] as Announcement[]
    ).map((a) => translate(res, a.key, a.params));
    expect(said).toEqual(want);
  });
});

function translate(res: object, key: string, params: Record<string, string | number>): string {
  const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
  if (typeof s !== 'string') throw new Error(`missing ${key}`);
  return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
}

describe('diffFrames: StatefulSets and claims', () => {
  const set = (over: Partial<StatefulSetFrame> = {}): StatefulSetFrame => ({
    uid: 'sts-web',
    name: 'web',
    namespace: 'default',
    colorIndex: 0,
    desired: 3,
    current: 2,
    ready: 2,
    updated: 2,
    currentRevision: 1,
    updateRevision: 1,
    strategy: 'RollingUpdate',
    partition: 0,
    image: 'registry.k8s.io/nginx-slim:0.8',
    claims: [],
    createdMs: 0,
    ...over,
  });
  const webPod = (ordinal: number, ready: boolean): PodFrame => ({
    uid: `p${ordinal}`,
    name: `web-${ordinal}`,
    namespace: 'default',
    node: 'node1',
    status: ready ? 'Running' : 'ContainerCreating',
    readyText: ready ? '1/1' : '0/1',
    ready,
    restarts: 0,
    phase: ready ? 'Running' : 'Pending',
    terminating: false,
    replicaSet: null,
    revision: null,
    colorIndex: 0,
    createdMs: ordinal,
    statefulSet: 'web',
    stsOrdinal: ordinal,
  });
  const steps: [Frame, Frame][] = [
    [frame({}), frame({ statefulSets: [set({ current: 0, ready: 0, updated: 0 })] })],
    [
      frame({
        statefulSets: [set()],
        pods: [webPod(2, false)],
        claims: [{ name: 'www-web-2', phase: 'Pending', volume: '', pod: 'web-2' }],
      }),
      frame({
        statefulSets: [set({ current: 3, ready: 3, updated: 3 })],
        pods: [webPod(2, true)],
        claims: [{ name: 'www-web-2', phase: 'Bound', volume: 'pvc-7f', pod: 'web-2' }],
      }),
    ],
    [
      frame({ statefulSets: [set({ desired: 5, current: 5, ready: 5, updated: 5 })] }),
      frame({ statefulSets: [set({ desired: 3, current: 3, ready: 3, updated: 3 })] }),
    ],
    [
      frame({ statefulSets: [set({ ready: 3, current: 3, updateRevision: 2, updated: 0 })] }),
      frame({ statefulSets: [set({ ready: 3, current: 3, updateRevision: 2, updated: 1 })] }),
    ],
    [frame({ statefulSets: [set()] }), frame({})],
  ];
  it.each([
    [
      en,
      [
        ['StatefulSet web created.'],
        [
          'StatefulSet web: 3 of 3 Ready.',
          'Pod web-2 (ordinal 2) is Ready.',
          'PersistentVolumeClaim www-web-2 is Bound to pvc-7f.',
        ],
        ['StatefulSet web: 3 of 3 Ready.'],
        ['StatefulSet web: 1 of 3 Pods at revision r2.'],
        ['StatefulSet web deleted.'],
      ],
    ],
    [
      ja,
      [
        ['StatefulSet web が作成されました。'],
        [
          'StatefulSet web：3 個中 3 個が Ready。',
          'Pod web-2（順序インデックス 2）が Ready になりました。',
          'PersistentVolumeClaim www-web-2 が pvc-7f に Bound されました。',
        ],
        ['StatefulSet web：3 個中 3 個が Ready。'],
        ['StatefulSet web：3 個中 1 個の Pod がリビジョン r2 です。'],
        ['StatefulSet web が削除されました。'],
      ],
    ],
  ])('says creation, ready Pods, a Bound claim, scale-down, update progress and deletion', (res, want) => {
    expect(steps.map(([a, b]) => diffFrames(a, b).map((x) => translate(res, x.key, x.params)))).toEqual(want);
  });
  it('a new claim still Pending is announced as created', () => {
    expect(
      diffFrames(
        frame({}),
        frame({ claims: [{ name: 'www-web-0', phase: 'Pending', volume: '', pod: null }] }),
      ),
    ).toEqual([{ key: 'announce.claimCreated', params: { name: 'www-web-0', phase: 'Pending' } }]);
  });
});
