import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { ja } from '../../app/i18n/ja.ts';
import type { PodFrame, StatefulSetFrame } from './frame.ts';
import {
  podStsLines,
  revLabel,
  stsPodLabel,
  stsSummary,
  stsTooltip,
  stsUpdate,
  stsUpdateShort,
} from './sts-card.ts';
import type { Translate } from './theme.ts';

/** The app's resources with i18next's `{{name}}` interpolation, so the words checked are the shipped ones. */
const translator =
  (res: object): Translate =>
  (key, params = {}) => {
    const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
    if (typeof s !== 'string') throw new Error(`missing ${key}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
  };

const web = (over: Partial<StatefulSetFrame> = {}): StatefulSetFrame => ({
  uid: 'sts-1',
  name: 'web',
  namespace: 'default',
  colorIndex: 0,
  desired: 3,
  current: 3,
  ready: 3,
  updated: 3,
  currentRevision: 1,
  updateRevision: 1,
  strategy: 'RollingUpdate',
  partition: 0,
  image: 'registry.k8s.io/nginx-slim:0.8',
  claims: [0, 1, 2, 3, 4].map((i) => ({
    name: `www-web-${i}`,
    phase: 'Bound',
    volume: `pvc-${i}`,
    pod: i < 3 ? `web-${i}` : null,
  })),
  createdMs: 0,
  ...over,
});

describe('StatefulSet card words', () => {
  it('labels: the ordinal large, the revision as r2', () => {
    expect([stsPodLabel(0), stsPodLabel(12), stsPodLabel(null)]).toEqual(['0', '12', '']);
    expect([revLabel(2), revLabel(null)]).toEqual(['r2', '']);
  });

  it('has a short update line for the card, in both languages', () => {
    expect(stsUpdateShort(web(), translator(en))).toBe('r1 · updated 3/3');
    expect(stsUpdateShort(web({ updateRevision: 2, updated: 1, partition: 2 }), translator(en))).toBe(
      'r1 → r2 · updated 1/3 · partition 2',
    );
    expect(stsUpdateShort(web({ updateRevision: 2, updated: 1 }), translator(ja))).toBe(
      'r1 → r2 · 更新済み 1/3',
    );
  });

  it('says the update progress: settled, rolling in reverse order, with a partition, OnDelete (en)', () => {
    const t = translator(en);
    expect(stsUpdate(web(), t)).toBe('revision r1 · updated 3 of 3');
    expect(stsUpdate(web({ updateRevision: 2, updated: 1 }), t)).toBe('updating r1 → r2 · updated 1 of 3');
    expect(stsUpdate(web({ updateRevision: 2, updated: 1, partition: 2 }), t)).toBe(
      'updating r1 → r2 · updated 1 of 3 · partition 2',
    );
    expect(stsUpdate(web({ strategy: 'OnDelete', partition: 0 }), t)).toBe(
      'revision r1 · updated 3 of 3 · OnDelete',
    );
  });

  it('names the claims kept after a scale-down, with their volumes (en)', () => {
    const t = translator(en);
    expect(stsSummary(web(), t)).toBe(
      'StatefulSet web: desired 3 · current 3 · ready 3; revision r1 · updated 3 of 3; ' +
        'claims 5 (Bound 5) · Pods 3; image registry.k8s.io/nginx-slim:0.8.',
    );
    const lines = stsTooltip(web(), t).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'StatefulSet web',
      'registry.k8s.io/nginx-slim:0.8',
      'desired 3 · current 3 · ready 3',
      'revision r1 · updated 3 of 3',
      'claims 5 (Bound 5) · Pods 3',
    ]);
    expect(lines.slice(5)).toEqual([
      'www-web-0: Bound → pvc-0 (Pod web-0)',
      'www-web-1: Bound → pvc-1 (Pod web-1)',
      'www-web-2: Bound → pvc-2 (Pod web-2)',
      'www-web-3: Bound → pvc-3 (no Pod)',
      'www-web-4: Bound → pvc-4 (no Pod)',
    ]);
  });

  it('says the same in Japanese', () => {
    const t = translator(ja);
    expect(stsSummary(web({ updateRevision: 2, updated: 1, partition: 2 }), t)).toBe(
      'StatefulSet web：希望 3 · 現在 3 · Ready 3。更新中 r1 → r2 · 更新済み 3 個中 1 個 · パーティション 2。' +
        'PVC 5（Bound 5）· Pod 3。イメージ registry.k8s.io/nginx-slim:0.8。',
    );
    expect(stsTooltip(web(), t).split('\n')[8]).toBe('www-web-3：Bound → pvc-3（Pod なし）');
  });

  it("a Pod's lines: set, ordinal, revision and which one, and its claim Bound or Pending", () => {
    const p = {
      statefulSet: 'web',
      stsOrdinal: 2,
      stsRevision: 2,
      stsUpdated: true,
      claims: [{ name: 'www-web-2', phase: 'Bound', volume: 'pvc-9', pod: 'web-2' }],
    } as PodFrame;
    expect(podStsLines(p, translator(en))).toEqual([
      'StatefulSet web, ordinal 2, revision r2 (update revision)',
      'PersistentVolumeClaim www-web-2: Bound to pvc-9',
    ]);
    const pending = {
      ...p,
      stsRevision: 1,
      stsUpdated: false,
      claims: [{ name: 'www-web-2', phase: 'Pending', volume: '', pod: 'web-2' }],
    };
    expect(podStsLines(pending, translator(ja))).toEqual([
      'StatefulSet web、順序インデックス 2、リビジョン r1（未更新）',
      'PersistentVolumeClaim www-web-2：Pending',
    ]);
  });
});
