import { describe, expect, it } from 'vitest';
import type {
  Frame,
  PodFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from '../../view/cluster/frame.ts';
import type { Translate } from '../../view/cluster/theme.ts';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import { claimRow, podRevisionCell, rcRow, revisionHeaderKey, stsRow } from './table-rows.ts';

const translator =
  (res: object): Translate =>
  (key, params = {}) => {
    const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
    if (typeof s !== 'string') throw new Error(`missing ${key}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
  };

const controller: ReplicationControllerFrame = {
  uid: 'rc-1',
  name: 'api-rc',
  namespace: 'default',
  ordinal: 1,
  colorIndex: 0,
  desired: 3,
  current: 3,
  ready: 2,
  available: 2,
  image: 'asia.gcr.io/rollout-lab/node-api:1.0.0',
  selector: 'name=api-pods',
  createdMs: 0,
};

const pod = (over: Partial<PodFrame>): PodFrame => ({
  uid: 'p',
  name: 'api-rc-28vhq',
  namespace: 'default',
  node: 'node1',
  status: 'Running',
  readyText: '1/1',
  ready: true,
  restarts: 0,
  phase: 'Running',
  terminating: false,
  replicaSet: null,
  revision: null,
  colorIndex: null,
  createdMs: 0,
  ...over,
});

describe('the hidden table: ReplicationControllers', () => {
  it('heads the revision column "Revision / RC" only when the namespace has a controller', () => {
    const none: Frame = { nodes: [], pods: [], replicaSets: [], deployments: [] };
    expect(revisionHeaderKey(none)).toBe('cluster.colRevision');
    expect(revisionHeaderKey({ ...none, replicationControllers: [] })).toBe('cluster.colRevision');
    expect(revisionHeaderKey({ ...none, replicationControllers: [controller] })).toBe(
      'cluster.colRevisionRc',
    );
    expect(translator(en)('cluster.colRevisionRc')).toBe('Revision / RC');
    expect(translator(ja)('cluster.colRevisionRc')).toBe('リビジョン / RC');
  });

  it.each([
    [
      'en',
      en,
      'desired 3 · current 3 · ready 2 · asia.gcr.io/rollout-lab/node-api:1.0.0 · selector name=api-pods',
    ],
    [
      'ja',
      ja,
      '希望 3 · 現在 3 · Ready 2 · asia.gcr.io/rollout-lab/node-api:1.0.0 · セレクター name=api-pods',
    ],
  ])('a controller row in %s: kind, name, status, node, badge, ready', (_, res, status) => {
    expect(rcRow(controller, translator(res))).toEqual([
      'ReplicationController',
      'api-rc',
      status,
      '',
      'rc1',
      '2/3',
    ]);
  });

  it('gives a Pod its revision, else its controller badge, else nothing', () => {
    expect(podRevisionCell(pod({ replicaSet: 'web-abc', revision: 2, colorIndex: 1 }))).toBe('2');
    expect(podRevisionCell(pod({ replicationController: 'api-rc', rcOrdinal: 2, colorIndex: 1 }))).toBe(
      'rc2',
    );
    expect(podRevisionCell(pod({}))).toBe('');
  });
});

describe('StatefulSet and PersistentVolumeClaim rows', () => {
  const web: StatefulSetFrame = {
    uid: 'sts-1',
    name: 'web',
    namespace: 'default',
    colorIndex: 0,
    desired: 3,
    current: 3,
    ready: 2,
    updated: 1,
    currentRevision: 1,
    updateRevision: 2,
    strategy: 'RollingUpdate',
    partition: 0,
    image: 'registry.k8s.io/nginx-slim:0.7',
    claims: [
      { name: 'www-web-0', phase: 'Bound', volume: 'pvc-a', pod: 'web-0' },
      { name: 'www-web-3', phase: 'Bound', volume: 'pvc-d', pod: null },
    ],
    createdMs: 0,
  };
  it('en', () => {
    const t = translator(en);
    expect(stsRow(web, t)).toEqual([
      'StatefulSet',
      'web',
      'desired 3 · current 3 · ready 2 · updating r1 → r2 · updated 1 of 3 · claims 2 (Bound 2) · Pods 3 · registry.k8s.io/nginx-slim:0.7',
      '',
      'r2',
      '2/3',
    ]);
    expect(claimRow(web.claims[1]!, t)).toEqual([
      'PersistentVolumeClaim',
      'www-web-3',
      'Bound · volume pvc-d · no Pod',
      '',
      '',
      '',
    ]);
    expect(podRevisionCell({ revision: null, statefulSet: 'web', stsRevision: 2 } as PodFrame)).toBe('r2');
  });
  it('ja', () => {
    const t = translator(ja);
    expect(stsRow(web, t)[2]).toBe(
      '希望 3 · 現在 3 · Ready 2 · 更新中 r1 → r2 · 更新済み 3 個中 1 個 · PVC 2（Bound 2）· Pod 3 · registry.k8s.io/nginx-slim:0.7',
    );
    expect(claimRow({ name: 'www-web-1', phase: 'Pending', volume: '', pod: 'web-1' }, t)[2]).toBe(
      'Pending · ボリューム — · Pod web-1',
    );
  });
});
