import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DeploymentFrame, Frame, NodeFrame, PodFrame } from '../../view/cluster/frame.ts';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import type { TimeJump } from './jumps.ts';
import { changes, jumpText, mergeJumps, readiness, spokenClock, type Translate } from './jump-text.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const say =
  (lng: 'en' | 'ja'): Translate =>
  (key, params) =>
    i18n.getFixedT(lng)(key, params);

const pod = (name: string, status: string, ready: boolean, terminating = false): PodFrame => ({
  uid: `uid-${name}`,
  name,
  namespace: 'default',
  node: 'node1',
  status,
  readyText: ready ? '1/1' : '0/1',
  ready,
  restarts: 0,
  phase: status === 'Running' ? 'Running' : 'Pending',
  terminating,
  replicaSet: 'web-deploy-abc',
  revision: 1,
  colorIndex: 0,
  createdMs: 0,
});
const dep = (ready: number, replicas = 4): DeploymentFrame => ({
  uid: 'd1',
  name: 'web-deploy',
  namespace: 'default',
  replicas,
  updated: replicas,
  ready,
  available: ready,
  total: replicas,
  strategy: 'RollingUpdate',
  maxSurge: '25%',
  maxUnavailable: '25%',
  maxSurgeCount: 1,
  maxUnavailableCount: 1,
  revision: 1,
  image: 'nginx:1.17',
});
const node = (name: string, status: string): NodeFrame => ({
  uid: `uid-${name}`,
  name,
  status,
  ready: status === 'Ready',
  unschedulable: false,
  controlPlane: false,
  taints: [],
  otherPods: 0,
});
const frame = (o: Partial<Frame>): Frame => ({
  nodes: [node('node1', 'Ready'), node('node2', 'Ready')],
  pods: [],
  replicaSets: [],
  deployments: [],
  ...o,
});
const jump = (kind: TimeJump['kind'], from: number, to: number, before: Frame, after: Frame): TimeJump => ({
  kind,
  from,
  to,
  before,
  after,
});

describe('spokenClock', () => {
  it.each([
    [0, '0:00'],
    [42_900, '0:42'],
    [65_000, '1:05'],
    [725_000, '12:05'],
    [3_725_000, '1:02:05'],
    [-5, '0:00'],
  ])('%d ms → %s', (ms, want) => expect(spokenClock(ms)).toBe(want));
});

describe('readiness', () => {
  it('sums the Deployments’ READY column', () => {
    expect(readiness(frame({ deployments: [dep(3), dep(1, 2)] }))).toEqual({
      key: 'timeJump.ready',
      params: { ready: 4, total: 6 },
    });
  });
  it('counts Pods that are not terminating when there is no Deployment', () => {
    const pods = [pod('a', 'Running', true), pod('b', 'Pending', false), pod('c', 'Terminating', true, true)];
    expect(readiness(frame({ pods }))).toEqual({ key: 'timeJump.ready', params: { ready: 1, total: 2 } });
    expect(readiness(frame({}))).toEqual({ key: 'timeJump.noPods', params: {} });
  });
});

describe('jumpText', () => {
  const mid = frame({ deployments: [dep(3)] });
  const done = frame({ deployments: [dep(4)] });

  it('a scrub back says where it landed and how many Pods are ready', () => {
    const j = jump('seek', 65_000, 42_000, done, mid);
    expect(jumpText(j, say('en'))).toBe('Jumped back to 0:42 — 3 of 4 Pods ready.');
    expect(jumpText(j, say('ja'))).toBe('0:42 まで巻き戻しました。Pod は 4 個中 3 個が準備完了（Ready）。');
  });

  it('step back and scrub forward', () => {
    expect(jumpText(jump('back', 65_000, 61_200, done, mid), say('en'))).toBe(
      'Jumped back to 1:01 — 3 of 4 Pods ready.',
    );
    expect(jumpText(jump('seek', 42_000, 65_000, mid, done), say('en'))).toBe(
      'Jumped forward to 1:05 — 4 of 4 Pods ready.',
    );
    expect(jumpText(jump('seek', 42_000, 42_000, mid, mid), say('en'))).toBe('At 0:42 — 3 of 4 Pods ready.');
  });

  it('names a node that is not Ready where it landed', () => {
    const down = frame({ nodes: [node('node1', 'Ready'), node('node2', 'NotReady')], deployments: [dep(2)] });
    expect(jumpText(jump('seek', 400_000, 100_000, done, down), say('en'))).toBe(
      'Jumped back to 1:40 — Node node2: NotReady; 2 of 4 Pods ready.',
    );
    expect(jumpText(jump('seek', 400_000, 100_000, done, down), say('ja'))).toBe(
      '1:40 まで巻き戻しました。ノード node2：NotReady、Pod は 4 個中 2 個が準備完了（Ready）。',
    );
  });

  it('a step forward says what changed', () => {
    const before = frame({
      pods: [pod('web-a', 'ContainerCreating', false), pod('web-old', 'Running', true)],
    });
    const after = frame({ pods: [pod('web-a', 'Running', true), pod('web-old', 'Terminating', true, true)] });
    const j = jump('step', 5_000, 7_200, before, after);
    expect(jumpText(j, say('en'))).toBe('Stepped to 0:07 — Pod web-a ready; Pod web-old: Terminating.');
    expect(jumpText(j, say('ja'))).toBe(
      '次の変化（0:07）まで進めました。Pod web-a が準備完了（Ready）になった、Pod web-old が Terminating になった。',
    );
  });

  it('groups Pods that changed alike, and counts what does not fit', () => {
    const before = frame({ pods: [pod('x', 'Running', true), pod('y', 'Running', true)] });
    const after = frame({
      nodes: [node('node1', 'Ready'), node('node2', 'NotReady')],
      pods: [
        pod('a', 'Pending', false),
        pod('b', 'Pending', false),
        pod('c', 'Pending', false),
        pod('x', 'Running', false),
      ],
    });
    expect(changes(before, after).map((f) => `${f.kind}:${f.name}`)).toEqual([
      'node:node2',
      'created:a',
      'created:b',
      'created:c',
      'notReady:x',
      'gone:y',
    ]);
    expect(jumpText(jump('step', 0, 1_000, before, after), say('en'))).toBe(
      'Stepped to 0:01 — Node node2: NotReady; 3 Pods created; Pod x no longer ready; and 1 more.',
    );
    expect(jumpText(jump('step', 0, 1_000, before, after), say('ja'))).toBe(
      '次の変化（0:01）まで進めました。ノード node2：NotReady、Pod 3 個が作成された、Pod x が準備完了（Ready）ではなくなった、ほか 1 件。',
    );
  });

  it('a step that found nothing says so', () => {
    const f = frame({ deployments: [dep(4)] });
    expect(jumpText(jump('step', 65_000, 65_000, f, f), say('en'))).toBe(
      'Nothing happens in the next minute; still at 1:05.',
    );
    expect(jumpText(jump('step', 65_000, 65_000, f, f), say('ja'))).toBe(
      'この先 1 分間は何も起きません（1:05 のまま）。',
    );
    expect(jumpText(jump('step', 65_000, 125_000, f, f), say('en'))).toBe(
      'Stepped to 2:05: nothing visible changed.',
    );
  });
});

describe('mergeJumps', () => {
  const f = (n: number) => frame({ deployments: [dep(n)] });
  it('a drag is said from where it started to where it ended', () => {
    const m = mergeJumps([
      jump('seek', 65_000, 50_000, f(4), f(3)),
      jump('seek', 50_000, 20_000, f(3), f(1)),
      jump('seek', 20_000, 42_000, f(1), f(2)),
    ]);
    expect(m).toEqual(jump('seek', 65_000, 42_000, f(4), f(2)));
  });
  it('trailing steps are said together', () => {
    const a = frame({ pods: [pod('a', 'Pending', false)] });
    const b = frame({ pods: [pod('a', 'ContainerCreating', false)] });
    const c = frame({ pods: [pod('a', 'Running', true)] });
    const m = mergeJumps([
      jump('seek', 9_000, 1_000, c, a),
      jump('step', 1_000, 2_000, a, b),
      jump('step', 2_000, 6_000, b, c),
    ]);
    expect(m).toEqual(jump('step', 1_000, 6_000, a, c));
    expect(jumpText(m!, say('en'))).toBe('Stepped to 0:06 — Pod a ready.');
  });
  it('nothing to merge', () => expect(mergeJumps([])).toBeUndefined());
});
