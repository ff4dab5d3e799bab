import { describe, expect, it } from 'vitest';
import type {
  DeploymentFrame,
  Frame,
  NodeFrame,
  ReplicaSetFrame,
  ReplicationControllerFrame,
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
