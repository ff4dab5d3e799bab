// Cases ported from kubernetes/pkg/controller/history/controller_history_test.go.
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, StatefulSet, Stored } from '../../api/types.ts';
import { ApiServer } from '../../apiserver/apiserver.ts';
import { VirtualClock } from '../../clock/clock.ts';
import { Rand } from '../../rand/rand.ts';
import { registerStrategies } from '../../apis/install.ts';
import {
  History,
  controllerRevisionName,
  equalRevision,
  findEqualRevisions,
  hashControllerRevision,
  newControllerRevision,
  sortControllerRevisions,
} from './controller-history.ts';

const parent = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'foo', namespace: 'default', uid: 'uid-1', resourceVersion: '1', creationTimestamp: '' },
} as Stored<StatefulSet>;

const revision = (data: object, n: number, collision?: number) =>
  newControllerRevision(parent, 'apps/v1', 'StatefulSet', { foo: 'bar' }, data, n, collision);

describe('controller_history', () => {
  it('TestControllerRevisionName truncates long prefixes to 223 characters', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toBe(`${'x'.repeat(223)}-abc`);
  });

  it('TestNewControllerRevision: name, hash label, labels and controller reference', () => {
    const r = revision({ spec: { a: 1 } }, 1);
    const hash = hashControllerRevision(r);
    expect(r.metadata?.name).toBe(`foo-${hash}`);
    expect(r.metadata?.labels).toEqual({ foo: 'bar', 'controller.kubernetes.io/hash': hash });
    expect(r.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'foo',
        uid: 'uid-1',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(hashControllerRevision(r, 1)).not.toBe(hash);
  });

  it('TestEqualRevision and TestFindEqualRevisions', () => {
    const a = revision({ spec: { a: 1, b: 2 } }, 1);
    const b = revision({ spec: { b: 2, a: 1 } }, 2);
    const c = revision({ spec: { a: 2 } }, 3);
    expect(equalRevision(a, b)).toBe(true);
    expect(equalRevision(a, c)).toBe(false);
    expect(equalRevision(undefined, undefined)).toBe(true);
    expect(equalRevision(a, undefined)).toBe(false);
    expect(findEqualRevisions([a, c, b], a)).toEqual([a, b]);
  });

  it('TestSortControllerRevisions: by revision, then creation time, then name', () => {
    const rs: ControllerRevision[] = [
      { revision: 2, metadata: { name: 'b', creationTimestamp: '2026-01-05T00:00:00Z' } },
      { revision: 1, metadata: { name: 'z', creationTimestamp: '2026-01-05T00:00:01Z' } },
      { revision: 1, metadata: { name: 'y', creationTimestamp: '2026-01-05T00:00:01Z' } },
      { revision: 1, metadata: { name: 'x', creationTimestamp: '2026-01-05T00:00:02Z' } },
    ];
    expect(sortControllerRevisions(rs).map((r) => r.metadata?.name)).toEqual(['y', 'z', 'x', 'b']);
  });

  it('TestRealHistory_CreateControllerRevision: a name collision with other data bumps collisionCount', () => {
    const api = new ApiServer(new VirtualClock(), new Rand(1));
    registerStrategies(api);
    const history = new History(api);
    const first = revision({ spec: { a: 1 } }, 1, 0);
    const count = { value: 0 };
    const [created] = history.createControllerRevision(parent, first, count);
    expect(created?.metadata.name).toBe(first.metadata?.name);
    // The same data again: the existing revision is returned.
    const [again] = history.createControllerRevision(parent, first, count);
    expect(again?.metadata.uid).toBe(created?.metadata.uid);
    expect(count.value).toBe(0);
    // Another revision already holds the name the new data hashes to (a hash collision): the count goes up.
    const next = revision({ spec: { a: 2 } }, 2, 0);
    api.create({ ...revision({ spec: { z: 9 } }, 9, 0), metadata: { ...next.metadata } });
    const [other] = history.createControllerRevision(parent, next, count);
    expect(count.value).toBe(1);
    expect(other?.metadata.name).toBe(`foo-${hashControllerRevision(next, 1)}`);
    expect(other?.data).toEqual({ spec: { a: 2 } });
  });
});
