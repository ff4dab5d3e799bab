// Table cases ported from kubernetes/pkg/controller/statefulset/stateful_set_utils_test.go.
import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, Pod, StatefulSet, Stored } from '../../api/types.ts';
import { deepCopy } from '../../util/copy.ts';
import {
  applyRevision,
  ascendingOrdinal,
  getParentNameAndOrdinal,
  getPersistentVolumeClaims,
  getStatefulSetMaxUnavailable,
  identityMatches,
  isClaimOwnerUpToDate,
  isRunningAndReady,
  newRevision,
  newStatefulSetPod,
  newVersionedStatefulSetPod,
  storageMatches,
  updateClaimOwnerRefForSetAndPod,
  updateIdentity,
  updateStorage,
} from './stateful-set-utils.ts';

function newStatefulSet(replicas: number): Stored<StatefulSet> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'foo',
      namespace: 'default',
      uid: 'test',
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T00:00:00Z',
      generation: 1,
    },
    spec: {
      replicas,
      serviceName: 'governingsvc',
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'datadir' } }, { metadata: { name: 'home' } }],
      updateStrategy: { type: 'RollingUpdate' },
    },
    status: { replicas: 0 },
  };
}

describe('stateful_set_utils', () => {
  it('TestGetParentNameAndOrdinal', () => {
    const set = newStatefulSet(3);
    const pod = newStatefulSetPod(set, 1);
    expect(getParentNameAndOrdinal(pod)).toEqual(['foo', 1]);
    pod.metadata.name = '1-bar';
    expect(getParentNameAndOrdinal(pod)).toEqual(['', -1]);
    pod.metadata.name = 'bar';
    expect(getParentNameAndOrdinal(pod)).toEqual(['', -1]);
  });

  it('TestIdentityMatches', () => {
    const set = newStatefulSet(3);
    const pod = newStatefulSetPod(set, 1);
    expect(identityMatches(set, pod)).toBe(true);
    const renamed = deepCopy(pod);
    renamed.metadata.name = 'foo-2';
    expect(identityMatches(set, renamed)).toBe(false);
    const moved = deepCopy(pod);
    moved.metadata.namespace = 'other';
    expect(identityMatches(set, moved)).toBe(false);
    const unlabeled = deepCopy(pod);
    delete unlabeled.metadata.labels!['statefulset.kubernetes.io/pod-name'];
    expect(identityMatches(set, unlabeled)).toBe(false);
  });

  it('TestStorageMatches', () => {
    const set = newStatefulSet(3);
    const pod = newStatefulSetPod(set, 1);
    expect(storageMatches(set, pod)).toBe(true);
    const missing = deepCopy(pod);
    missing.spec!.volumes = missing.spec!.volumes!.slice(1);
    expect(storageMatches(set, missing)).toBe(false);
    const renamed = deepCopy(pod);
    renamed.spec!.volumes![0]!.persistentVolumeClaim!.claimName = 'other';
    expect(storageMatches(set, renamed)).toBe(false);
  });

  it('TestUpdateIdentity', () => {
    const set = newStatefulSet(3);
    const pod = newStatefulSetPod(set, 1);
    pod.metadata.namespace = '';
    expect(identityMatches(set, pod)).toBe(false);
    updateIdentity(set, pod);
    expect(identityMatches(set, pod)).toBe(true);
    expect(pod.metadata.labels?.['apps.kubernetes.io/pod-index']).toBe('1');
  });

  it('TestUpdateStorage', () => {
    const set = newStatefulSet(3);
    const pod = newStatefulSetPod(set, 1);
    pod.spec!.volumes = [
      { name: 'datadir', emptyDir: {} },
      { name: 'scratch', emptyDir: {} },
    ];
    expect(storageMatches(set, pod)).toBe(false);
    updateStorage(set, pod);
    expect(storageMatches(set, pod)).toBe(true);
    expect(pod.spec!.volumes.map((v) => v.name)).toEqual(['datadir', 'home', 'scratch']);
    expect(pod.spec!.volumes[1]).toEqual({
      name: 'home',
      persistentVolumeClaim: { claimName: 'home-foo-1' },
    });
  });

  it('TestIsRunningAndReady', () => {
    const set = newStatefulSet(3);
    const pod: Pod = newStatefulSetPod(set, 1);
    expect(isRunningAndReady(pod)).toBe(false);
    pod.status = { phase: 'Running' };
    expect(isRunningAndReady(pod)).toBe(false);
    pod.status.conditions = [{ type: 'Ready', status: 'True' }];
    expect(isRunningAndReady(pod)).toBe(true);
  });

  it('TestAscendingOrdinal', () => {
    const set = newStatefulSet(10);
    const pods = [5, 2, 9, 0].map((i) => newStatefulSetPod(set, i));
    expect(pods.sort(ascendingOrdinal).map((p) => p.metadata.name)).toEqual([
      'foo-0',
      'foo-2',
      'foo-5',
      'foo-9',
    ]);
  });

  it('TestNewPodControllerRef', () => {
    const set = newStatefulSet(1);
    const pod = newStatefulSetPod(set, 0);
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'foo',
        uid: 'test',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(pod.spec).toMatchObject({ hostname: 'foo-0', subdomain: 'governingsvc' });
  });

  it('TestCreateApplyRevision', () => {
    const set = newStatefulSet(1);
    const revision = newRevision(set, 1, 0);
    set.spec!.template.spec!.containers[0]!.image = 'foo';
    const restored = applyRevision(set, revision);
    expect(restored.spec!.template).toEqual(newStatefulSet(1).spec!.template);
    expect(revision.metadata?.name).toBe(
      `foo-${revision.metadata!.labels!['controller.kubernetes.io/hash']}`,
    );
    const withCollision = newRevision(newStatefulSet(1), 1, 1);
    expect(withCollision.metadata?.name).not.toBe(revision.metadata?.name);
  });

  it('TestRollingUpdateApplyRevision (a pod below the partition is built from the current revision)', () => {
    const set = newStatefulSet(3);
    set.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } };
    const current = newRevision(set, 1, 0);
    const updateSet = deepCopy(set);
    updateSet.spec!.template.spec!.containers[0]!.image = 'nginx:2';
    const update = newRevision(updateSet, 2, 0);
    const cur = applyRevision(set, current);
    const upd = applyRevision(set, update);
    const low = newVersionedStatefulSetPod(cur, upd, 'cur', 'upd', 1);
    const high = newVersionedStatefulSetPod(cur, upd, 'cur', 'upd', 2);
    expect([low.spec!.containers[0]!.image, low.metadata.labels?.['controller-revision-hash']]).toEqual([
      'nginx',
      'cur',
    ]);
    expect([high.spec!.containers[0]!.image, high.metadata.labels?.['controller-revision-hash']]).toEqual([
      'nginx:2',
      'upd',
    ]);
  });

  it('TestGetPersistentVolumeClaims', () => {
    const set = newStatefulSet(3);
    set.spec!.volumeClaimTemplates = [{ metadata: { name: 'datadir', labels: { tier: 'db' } } }];
    const claims = getPersistentVolumeClaims(set, newStatefulSetPod(set, 2));
    expect(claims).toEqual([
      {
        template: 'datadir',
        claim: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'datadir-foo-2', namespace: 'default', labels: { tier: 'db', foo: 'bar' } },
        },
      },
    ]);
  });

  it('TestGetStatefulSetMaxUnavailable', () => {
    expect(getStatefulSetMaxUnavailable(undefined, 10)[0]).toBe(1);
    expect(getStatefulSetMaxUnavailable(3, 10)[0]).toBe(3);
    expect(getStatefulSetMaxUnavailable('25%', 10)[0]).toBe(2);
    expect(getStatefulSetMaxUnavailable('1%', 10)[0]).toBe(1);
    expect(getStatefulSetMaxUnavailable('100%', 10)[0]).toBe(10);
  });

  it('TestIsClaimOwnerUpToDate / TestUpdateClaimOwnerRefForSetAndPod', () => {
    const policies: [string, string, boolean, string[]][] = [
      ['Retain', 'Retain', false, []],
      ['Retain', 'Delete', false, ['StatefulSet']],
      ['Delete', 'Retain', false, []],
      ['Delete', 'Retain', true, ['Pod']],
      ['Delete', 'Delete', false, ['StatefulSet']],
      ['Delete', 'Delete', true, ['Pod']],
    ];
    for (const [whenScaled, whenDeleted, scaledDown, owners] of policies) {
      const set = newStatefulSet(3);
      set.spec!.persistentVolumeClaimRetentionPolicy = { whenScaled, whenDeleted };
      const pod = newStatefulSetPod(set, scaledDown ? 5 : 1);
      pod.metadata.uid = 'pod-uid';
      const claim: PersistentVolumeClaim = { metadata: { name: 'datadir-foo-1' } };
      const name = `${whenScaled}/${whenDeleted} scaledDown=${scaledDown}`;
      expect(isClaimOwnerUpToDate(claim, set, pod), name).toBe(owners.length === 0);
      updateClaimOwnerRefForSetAndPod(claim, set, pod);
      expect(
        (claim.metadata?.ownerReferences ?? []).map((r) => r.kind),
        name,
      ).toEqual(owners);
      expect(isClaimOwnerUpToDate(claim, set, pod), name).toBe(true);
    }
  });
});
