import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from '../../api/types.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import { activePodsWithRanksLess, sortActivePodsWithRanks } from './controller-utils.ts';

const base = 1767571200000;

const arbPod = fc
  .record({
    node: fc.constantFrom('', 'n1', 'n2'),
    phase: fc.constantFrom('Pending', 'Running', 'Unknown', undefined),
    ready: fc.boolean(),
    cost: fc.constantFrom(undefined, '0', '5', '-3', 'x'),
    readySince: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom(-1, 0, 60, 61, 300)),
    restarts: fc.integer({ min: 0, max: 1 }),
    created: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom(-1, 0, 60, 61, 300)),
    uid: fc.constantFrom('a', 'b', 'c', 'd'),
  })
  .map((r): Pod => ({
    metadata: {
      uid: r.uid,
      ...(r.created >= 0 ? { creationTimestamp: formatRFC3339(base + r.created * 1000) } : {}),
      ...(r.cost !== undefined
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': r.cost } }
        : {}),
    },
    spec: { ...(r.node ? { nodeName: r.node } : {}), containers: [] },
    status: {
      ...(r.phase ? { phase: r.phase } : {}),
      containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: r.ready, restartCount: r.restarts }],
      conditions: [
        {
          type: 'Ready',
          status: r.ready ? 'True' : 'False',
          ...(r.readySince >= 0 ? { lastTransitionTime: formatRFC3339(base + r.readySince * 1000) } : {}),
        },
      ],
    },
  }));

describe('sortActivePodsWithRanks', () => {
  it('orders exactly as sort.Sort with ActivePodsWithRanks.Less compared pair by pair', () => {
    fc.assert(
      fc.property(
        fc.array(arbPod, { maxLength: 60 }),
        fc.constantFrom(0, base + 100_000, base + 500_000, base + 3_000_000),
        (pods, now) => {
          const ranks = pods.map((_, i) => i % 3);
          const idx = pods.map((_, i) => i);
          idx.sort((a, b) => {
            if (activePodsWithRanksLess(pods[a]!, ranks[a]!, pods[b]!, ranks[b]!, now)) return -1;
            if (activePodsWithRanksLess(pods[b]!, ranks[b]!, pods[a]!, ranks[a]!, now)) return 1;
            return 0;
          });
          const got = sortActivePodsWithRanks([...pods], ranks, now);
          expect(got).toEqual(idx.map((i) => pods[i]));
          got.forEach((p, i) => expect(p).toBe(pods[idx[i]!]));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('puts unassigned, then pending, then not-ready pods first', () => {
    const p = (name: string, node: string, phase: string, ready: boolean): Pod => ({
      metadata: { name, uid: name, creationTimestamp: formatRFC3339(base) },
      spec: { ...(node ? { nodeName: node } : {}), containers: [] },
      status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
    const pods = [
      p('ready', 'n1', 'Running', true),
      p('unready', 'n1', 'Running', false),
      p('pending', 'n1', 'Pending', false),
      p('unassigned', '', 'Pending', false),
    ];
    const sorted = sortActivePodsWithRanks(pods, [0, 0, 0, 0], base + 10_000).map((x) => x.metadata?.name);
    expect(sorted).toEqual(['unassigned', 'pending', 'unready', 'ready']);
  });
});
