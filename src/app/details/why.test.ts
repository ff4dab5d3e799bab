import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import { deploymentTraceRules, type TraceRecord } from '../../engine/index.ts';
import { explain, whyKey } from './why.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ja: { translation: ja } } });

const rec = (rule: string, values: TraceRecord['values']): TraceRecord => ({
  time: 0,
  controller: 'deployment-controller',
  upstream: 'pkg/controller/deployment/rolling.go reconcileNewReplicaSet',
  rule,
  object: { kind: 'Deployment', namespace: 'default', name: 'web-deploy' },
  values,
});

describe('why text', () => {
  it('scale up: names maxTotalPods with the rounded-up surge', () => {
    const r = rec('rolling.scaleUpNew', {
      replicaSet: 'web-deploy-bf8cc884',
      replicas: 4,
      maxSurge: 1,
      maxTotalPods: 5,
      currentPodCount: 4,
      newRSReplicas: 0,
      newReplicasCount: 1,
    });
    expect(explain(i18n.getFixedT('en'), r, { maxSurge: '25%', maxUnavailable: '25%' })).toBe(
      'maxTotalPods = 4 + ⌈25% × 4⌉ = 5; 4 Pods exist → scale the new ReplicaSet web-deploy-bf8cc884 up by 1 (0 → 1).',
    );
  });

  it('scale down: names minAvailable with the rounded-down unavailable, in both languages', () => {
    const r = rec('rolling.scaleDownOld', {
      replicaSet: 'web-deploy-57b8f65c5c',
      replicas: 4,
      maxUnavailable: 1,
      minAvailable: 3,
      availablePodCount: 5,
      totalScaleDownCount: 2,
      scaleDownCount: 2,
    });
    const spec = { maxSurge: '25%', maxUnavailable: '25%' };
    expect(explain(i18n.getFixedT('en'), r, spec)).toBe(
      'minAvailable = 4 − ⌊25% × 4⌋ = 3; 5 Pods available → 2 may go; scale the old ReplicaSet web-deploy-57b8f65c5c down by 2.',
    );
    expect(explain(i18n.getFixedT('ja'), r, spec)).toContain('minAvailable = 4 − ⌊25% × 4⌋ = 3');
    // An integer spec shows the plain number.
    expect(explain(i18n.getFixedT('en'), r, { maxSurge: '1', maxUnavailable: '1' })).toContain(
      'minAvailable = 4 − 1 = 3',
    );
  });

  it('every deployment rule has a sentence whose placeholders are all filled', () => {
    for (const [rule, names] of Object.entries(deploymentTraceRules)) {
      const values = Object.fromEntries(names.map((n, i) => [n, i + 1]));
      for (const lng of ['en', 'ja']) {
        const text = explain(i18n.getFixedT(lng), rec(rule, values));
        expect(text, `${lng} ${rule}`).not.toContain('{{');
        expect(text, `${lng} ${rule}`).not.toContain(whyKey(rule));
        expect(text.startsWith(`${rule}: `), `${lng} ${rule}`).toBe(false);
      }
    }
  });

  it('replicaset.createPods: the burst cap and the slow-start batches', () => {
    const r = rec('replicaset.createPods', {
      replicas: 10,
      activePods: 3,
      diff: 7,
      burstReplicas: 500,
      batches: '1, 2, 4',
      created: 7,
    });
    expect(explain(i18n.getFixedT('en'), r)).toBe(
      'The ReplicaSet wants 10 Pods and has 3 active → create 7 (at most burstReplicas = 500 per sync), in slow-start batches of 1, 2, 4; 7 created.',
    );
    expect(explain(i18n.getFixedT('ja'), r)).toContain('スロースタートのバッチは 1, 2, 4');
  });

  it('replicaset.deletePods: names the Less step that ranked the first Pod first', () => {
    const values = {
      replicas: 2,
      activePods: 4,
      diff: 2,
      firstPod: 'web-abc',
      comparedWith: 'web-def',
      firstRank: 2,
      comparedRank: 1,
    };
    const en = i18n.getFixedT('en');
    expect(explain(en, rec('replicaset.deletePods', { ...values, firstReason: 'doubledUp' }))).toBe(
      'The ReplicaSet wants 2 Pods and has 4 active → delete 2, ranked by ActivePodsWithRanks.Less. web-abc goes first: its node runs 2 related Pods, more than the 1 on the node of web-def (doubled-up Pods go first).',
    );
    expect(explain(en, rec('replicaset.deletePods', { ...values, firstReason: 'notReady' }))).toContain(
      'web-abc goes first: it is not Ready and web-def is.',
    );
    for (const reason of ['all', 'unscheduled', 'pending', 'notReady', 'deletionCost', 'doubledUp'].concat([
      'newerReady',
      'restarts',
      'newer',
      'uid',
      'tie',
    ]))
      for (const lng of ['en', 'ja']) {
        const text = explain(
          i18n.getFixedT(lng),
          rec('replicaset.deletePods', { ...values, firstReason: reason }),
        );
        expect(text, `${lng} ${reason}`).not.toContain('{{');
        expect(text, `${lng} ${reason}`).not.toContain('deleteReasons');
      }
  });

  it('an unknown rule falls back to its key and numbers', () => {
    expect(explain(i18n.getFixedT('en'), rec('x.y', { a: 1 }))).toBe('x.y: a=1');
  });
});
