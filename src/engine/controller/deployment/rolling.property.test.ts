// Property: whatever the size, the maxSurge / maxUnavailable pair, the timings and the moments at which the
// template changes (also in the middle of a rollout), a rolling update keeps upstream's two guarantees at every
// engine step — the ReplicaSets of the Deployment ask for at most replicas + maxSurge Pods, and at least
// replicas − maxUnavailable Pods stay available — and ends with every Pod on the last template.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster, deepCopy, type Cluster } from '../../index.ts';
import type { Deployment, Pod, ReplicaSet } from '../../api/types.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { isPodReady } from '../../api/pod-util.ts';
import { resolveFenceposts } from './util/deployment-util.ts';

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 20 }).map((n) => `${n * 5}%`),
);

const images = ['nginx:1.17', 'nginx:1.18', 'nginx:1.19', 'nginx:1.20'];

function deployment(replicas: number, maxSurge: IntOrString, maxUnavailable: IntOrString): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: images[0]! }] },
      },
    },
  };
}

function current(c: Cluster): Deployment {
  return c.api.get<Deployment>('Deployment', 'default', 'web')!;
}

/** Sum of .spec.replicas of the Deployment's ReplicaSets, and its Pods that are Ready and not terminating. */
function measure(c: Cluster, uid: string): { asked: number; available: number } {
  let asked = 0;
  for (const rs of c.api.list<ReplicaSet>('ReplicaSet', 'default'))
    if (rs.metadata.ownerReferences?.some((r) => r.uid === uid)) asked += rs.spec?.replicas ?? 1;
  let available = 0;
  for (const p of c.api.list<Pod>('Pod', 'default'))
    if (!p.metadata.deletionTimestamp && p.metadata.labels?.app === 'web' && isPodReady(p)) available++;
  return { asked, available };
}

describe('rolling update invariants (property)', () => {
  it('never asks for more than replicas + maxSurge Pods nor keeps fewer than replicas − maxUnavailable available', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 10_000 }),
          workers: fc.integer({ min: 1, max: 4 }),
          replicas: fc.integer({ min: 1, max: 12 }),
          maxSurge: intOrPercent,
          maxUnavailable: intOrPercent,
          readyAfter: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
          // Seconds to wait before each template change (0 = at once, mid-rollout).
          updates: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 3 }),
        }),
        (p) => {
          const [surge, unavailable] = resolveFenceposts(p.maxSurge, p.maxUnavailable, p.replicas);
          const c = createCluster({
            workers: p.workers,
            seed: p.seed,
            ...(p.readyAfter !== undefined
              ? { readyAfterSeconds: p.readyAfter, terminateAfterSeconds: 1 }
              : {}),
          });
          const [created, err] = c.api.create(deployment(p.replicas, p.maxSurge, p.maxUnavailable));
          if (err) {
            // Both zero is refused by validation, as upstream does; nothing else may fail.
            expect(err.message).toContain('may not be 0 when `maxSurge` is 0');
            return;
          }
          const uid = created.metadata.uid;
          c.advanceBy(120_000);
          expect(measure(c, uid).available).toBe(p.replicas);

          const check = () => {
            const m = measure(c, uid);
            expect(m.asked).toBeLessThanOrEqual(p.replicas + surge);
            expect(m.available).toBeGreaterThanOrEqual(p.replicas - unavailable);
          };
          p.updates.forEach((wait, i) => {
            c.advanceBy(wait * 1000, () => (check(), false));
            const next = deepCopy(current(c));
            next.spec!.template.spec!.containers[0]!.image = images[i + 1]!;
            const [, uerr] = c.api.update(next);
            expect(uerr).toBeNull();
            c.settle();
            check();
          });
          c.advanceBy(300_000, () => (check(), false));

          const d = current(c);
          const last = images[p.updates.length]!;
          expect(d.status?.updatedReplicas).toBe(p.replicas);
          expect(d.status?.availableReplicas).toBe(p.replicas);
          const pods = c.api.list<Pod>('Pod', 'default').filter((x) => x.metadata.labels?.app === 'web');
          expect(pods.map((x) => x.spec?.containers[0]?.image)).toEqual(Array(p.replicas).fill(last));
        },
      ),
      { numRuns: 40, seed: 20261129 },
    );
  });
});
