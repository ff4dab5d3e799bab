import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import {
  deploymentTraceRules,
  replicaSetTraceRules,
  schedulerTraceRules,
  type TraceRecord,
} from '../../engine/index.ts';
import { explain, whyKey } from './why.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ja: { translation: ja } } });

const rec = (rule: string, values: TraceRecord['values']): TraceRecord => ({
  time: 0,
  controller: 'deployment-controller',
  upstream: 'pkg/controller/deployment/rolling.go reconcileNewReplicaSet',
  rule,
  object: rule.startsWith('replicaset.')
    ? { kind: 'ReplicaSet', namespace: 'default', name: 'web-deploy-5c87b8bff6' }
    : { kind: 'Deployment', namespace: 'default', name: 'web-deploy' },
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

  it('every rule (deployment, replicaset, scheduler) has a sentence whose placeholders are all filled', () => {
    const rules = { ...deploymentTraceRules, ...replicaSetTraceRules, ...schedulerTraceRules };
    for (const [rule, names] of Object.entries(rules)) {
      const values: Record<string, number | string> = Object.fromEntries(names.map((n, i) => [n, i + 1]));
      // A value that picks a sentence part must be one of its keys.
      if ('firstReason' in values) values.firstReason = 'newer';
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
    // The same controller serves ReplicationControllers: the sentence names the kind.
    const rc = { ...r, object: { kind: 'ReplicationController', namespace: 'default', name: 'api-rc' } };
    expect(explain(i18n.getFixedT('en'), rc)).toMatch(/^The ReplicationController wants 10 Pods/);
    expect(explain(i18n.getFixedT('ja'), rc)).toMatch(/^ReplicationController の希望は 10 個/);
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

  const podRec = (rule: string, values: TraceRecord['values']): TraceRecord => ({
    time: 0,
    controller: 'default-scheduler',
    upstream: 'pkg/scheduler/schedule_one.go selectHost',
    rule,
    object: { kind: 'Pod', namespace: 'default', name: 'web-deploy-57b8f65c5c-cgl6k' },
    values,
  });
  const filters = {
    nodes: 3,
    unschedulable: 0,
    untoleratedTaint: 1,
    taintedNode: 'control-plane',
    taintKey: 'node-role.kubernetes.io/control-plane',
    tooManyPods: 0,
  };
  const placed = {
    ...filters,
    feasible: 2,
    node: 'node2',
    ownerKind: 'ReplicaSet',
    owner: 'web-deploy-57b8f65c5c',
    ownerPods: 0,
    nodePods: 2,
    ties: 2,
    randomTieBreak: true,
  };

  it('scheduler.selectHost: filter, then score, then the random tie-break, in both languages', () => {
    const r = podRec('scheduler.selectHost', placed);
    expect(explain(i18n.getFixedT('en'), r)).toBe(
      "Filter, then score: the filters leave 2 of 3 nodes; control-plane is filtered out because the Pod does not tolerate its taint node-role.kubernetes.io/control-plane (TaintToleration). Score: to spread a workload's Pods, the default scheduler prefers the node with the fewest Pods of ReplicaSet web-deploy-57b8f65c5c (PodTopologySpread's system default), then the least allocated one (NodeResourcesFit LeastAllocated; here, the fewest Pods). node2 scores best, with 0 of them and 2 Pod(s) in all. 2 nodes tied for the best score, so selectHost picked node2 at random.",
    );
    expect(explain(i18n.getFixedT('ja'), r)).toBe(
      'フィルターで絞り込んでからスコアで選びます。3 台のノードのうち 2 台がフィルターを通過（control-plane は Pod が許容しないテイント node-role.kubernetes.io/control-plane を持つため TaintToleration で除外）。スコア：デフォルトのスケジューラーはワークロードの Pod を分散させるため、ReplicaSet web-deploy-57b8f65c5c の Pod が少ないノード（PodTopologySpread のシステムデフォルト）、次に割り当ての少ないノード（NodeResourcesFit の LeastAllocated、ここでは Pod 数が少ないノード）を優先します。node2 はその Pod が 0 個、全体で 2 個で最高スコア。2 台が同点だったため、selectHost がランダムに node2 を選びました。',
    );
  });

  it('scheduler.selectHost: a Pod with no controller, no node filtered out, no tie', () => {
    const r = podRec('scheduler.selectHost', {
      ...placed,
      untoleratedTaint: 0,
      taintedNode: '',
      taintKey: '',
      feasible: 3,
      ownerKind: '',
      owner: '',
      nodePods: 1,
      ties: 1,
      randomTieBreak: false,
    });
    expect(explain(i18n.getFixedT('en'), r)).toBe(
      'Filter, then score: the filters leave 3 of 3 nodes. Score: the Pod has no controller, so there is no workload to spread; the default scheduler prefers the least allocated node (NodeResourcesFit LeastAllocated; here, the fewest Pods). node2 scores best, with 1 Pod(s). No other node scored as well, so no tie-break was needed.',
    );
    expect(explain(i18n.getFixedT('ja'), r)).toContain(
      '3 台のノードのうち 3 台がフィルターを通過。スコア：Pod にコントローラーがなく',
    );
  });

  it('scheduler.unschedulable: every filter that removed nodes, in plugin order', () => {
    const r = podRec('scheduler.unschedulable', {
      ...filters,
      nodes: 5,
      unschedulable: 2,
      untoleratedTaint: 2,
      tooManyPods: 1,
    });
    expect(explain(i18n.getFixedT('en'), r)).toBe(
      'Filter: none of the 5 nodes passes the filters; 2 node(s) are cordoned (NodeUnschedulable); 2 nodes have a taint the Pod does not tolerate, such as node-role.kubernetes.io/control-plane on control-plane (TaintToleration); 1 node(s) already run as many Pods as they allow (NodeResourcesFit). With no node to score, the Pod stays Pending; the scheduler tries again when a node or Pod changes.',
    );
    expect(explain(i18n.getFixedT('ja'), r)).toBe(
      'フィルター：5 台のノードのどれもフィルターを通過できません（cordon された 2 台を NodeUnschedulable で除外、control-plane の node-role.kubernetes.io/control-plane など、Pod が許容しないテイントを持つ 2 台を TaintToleration で除外、Pod 数が上限に達した 1 台を NodeResourcesFit で除外）。スコアを付けるノードがないので Pod は Pending のまま。ノードや Pod が変わるとスケジューラーが再試行します。',
    );
  });

  it('an unknown rule falls back to its key and numbers', () => {
    expect(explain(i18n.getFixedT('en'), rec('x.y', { a: 1 }))).toBe('x.y: a=1');
  });
});
