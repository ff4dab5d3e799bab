import { expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';

it('rejects objects in a namespace that does not exist (NamespaceLifecycle)', () => {
  const c = createCluster({ workers: 1 });
  const [, err] = c.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's', namespace: 'nope' },
    spec: { ports: [{ port: 80 }] },
  });
  expect(err?.message).toBe('namespaces "nope" not found');
  expect(err?.reason).toBe('NotFound');
  expect(c.api.list('Service', 'nope')).toEqual([]);
});
