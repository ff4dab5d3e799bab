// metadata.finalizers in the apiserver (store.go Store.Delete / Store.Update): a delete only marks an object that
// has finalizers; the update that removes the last one deletes it.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { registerStrategies } from '../apis/install.ts';
import { VirtualClock } from '../clock/clock.ts';
import { Rand } from '../rand/rand.ts';
import { ApiServer } from './apiserver.ts';

function server() {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new Rand(1));
  registerStrategies(api);
  const events: string[] = [];
  api.watch('*', (e) => events.push(`${e.type} ${e.object.metadata.name}`));
  return { api, clock, events };
}

const claim = (finalizers?: string[]): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default', ...(finalizers ? { finalizers } : {}) },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  }) as KubeObject;

describe('finalizers', () => {
  it('a delete marks the object; removing the last finalizer deletes it', () => {
    const { api, clock, events } = server();
    api.create(claim(['example.com/hold']));
    clock.setNow(clock.now() + 5000);
    const [marked, err] = api.delete('PersistentVolumeClaim', 'default', 'data');
    expect(err).toBeNull();
    expect(marked!.metadata.deletionTimestamp).toBe('2026-01-05T00:00:05Z');
    expect(marked!.metadata.deletionGracePeriodSeconds).toBe(0);
    // A second delete changes nothing.
    expect(api.delete('PersistentVolumeClaim', 'default', 'data')[0]).toBe(marked);
    const held = api.get('PersistentVolumeClaim', 'default', 'data')!;
    const { finalizers: _f, ...meta } = held.metadata;
    const [gone] = api.update({ ...held, metadata: meta });
    expect(gone!.metadata.name).toBe('data');
    expect(api.get('PersistentVolumeClaim', 'default', 'data')).toBeUndefined();
    expect(events.filter((e) => e.endsWith(' data'))).toEqual([
      'ADDED data',
      'MODIFIED data',
      'DELETED data',
    ]);
  });

  it('without finalizers a delete removes at once; marking bumps a generation', () => {
    const { api, events } = server();
    const deployment = (name: string, finalizers?: string[]): KubeObject =>
      ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: 'default', ...(finalizers ? { finalizers } : {}) },
        spec: {
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      }) as KubeObject;
    api.create(deployment('plain'));
    api.delete('Deployment', 'default', 'plain');
    expect(api.get('Deployment', 'default', 'plain')).toBeUndefined();
    expect(events.filter((e) => e.endsWith(' plain'))).toEqual(['ADDED plain', 'DELETED plain']);
    api.create(deployment('held', ['example.com/hold']));
    const [marked] = api.delete('Deployment', 'default', 'held');
    expect(marked!.metadata.generation).toBe(2);
    expect(api.get('Deployment', 'default', 'held')?.metadata.deletionTimestamp).toBeDefined();
  });
});
