import { expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import type { ReplicaSet } from '../../api/types.ts';
import { deepCopy } from '../../util/copy.ts';

// The why-records of manageReplicas: what was created in which slow-start batches, and why a pod went first.
it('records why the ReplicaSet controller created and deleted pods', () => {
  const c = createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
  c.api.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
      },
    },
  });
  c.advanceBy(10_000);
  const create = c.trace.records.find((r) => r.rule === 'replicaset.createPods' && r.object.name === 'web')!;
  expect(create.upstream).toContain('manageReplicas');
  expect(create.values).toMatchObject({
    replicas: 4,
    activePods: 0,
    diff: 4,
    batches: '1, 2, 1',
    created: 4,
  });
  expect(create.event).toMatch(/^Created pod: web-/);
  const rs = deepCopy(c.api.get<ReplicaSet>('ReplicaSet', 'default', 'web')!);
  rs.spec!.replicas = 2;
  c.api.update(rs);
  c.settle();
  const del = c.trace.records.find((r) => r.rule === 'replicaset.deletePods' && r.object.name === 'web')!;
  expect(del.upstream).toContain('getPodsToDelete');
  expect(del.values).toMatchObject({ replicas: 2, activePods: 4, diff: 2 });
  expect(typeof del.values.firstReason).toBe('string');
  expect(del.event).toMatch(/^Deleted pod: web-/);
});
