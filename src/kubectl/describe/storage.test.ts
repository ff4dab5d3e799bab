import { describe as suite, expect, it } from 'vitest';
import type {
  Cluster,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StatefulSet,
  StorageClass,
} from '../../engine/index.ts';
import { describeStatefulSet } from './apps.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const ts = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');

/** A read-only stand-in for the cluster: describers only list and get. */
function fakeCluster(objects: KubeObject[]): Cluster {
  const api = {
    list: (kind: string, ns?: string) =>
      objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata?.namespace === ns)),
    get: (kind: string, _ns: string | undefined, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata?.name === name),
  };
  return { api } as unknown as Cluster;
}

const ctx = (objects: KubeObject[] = []) => ({ cluster: fakeCluster(objects), now: NOW, showEvents: true });

const claim: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'www-web-0',
    namespace: 'default',
    uid: 'c0',
    labels: { app: 'nginx' },
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes',
      'volume.kubernetes.io/selected-node': 'kind-worker',
    },
    finalizers: ['kubernetes.io/pvc-protection'],
    creationTimestamp: ts(60),
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    volumeName: 'pvc-1c2d',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
};

const pod = (name: string, claimName: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `p-${name}` },
  spec: { containers: [], volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }] },
});

suite('describePersistentVolumeClaim (PersistentVolumeClaimDescriber)', () => {
  it('a bound claim of the StatefulSet: status, volume, finalizers, capacity and the pod using it', () => {
    const text = describePersistentVolumeClaim(
      claim,
      ctx([claim, pod('web-1', 'www-web-1'), pod('web-0', 'www-web-0')]),
    );
    expect(text).toBe(
      [
        'Name:          www-web-0',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Bound',
        'Volume:        pvc-1c2d',
        'Labels:        app=nginx',
        'Annotations:   pv.kubernetes.io/bind-completed: yes',
        '               volume.kubernetes.io/selected-node: kind-worker',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       web-0',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  it('a pending claim waiting for its first consumer: empty capacity, no pods, Terminating when deleted', () => {
    const pending: PersistentVolumeClaim = {
      ...claim,
      metadata: { ...claim.metadata, annotations: {}, finalizers: [], deletionTimestamp: ts(5) },
      spec: { ...claim.spec, volumeName: undefined, volumeMode: undefined },
      status: { phase: 'Pending' },
    };
    expect(describePersistentVolumeClaim(pending, { ...ctx(), showEvents: false })).toBe(
      [
        'Name:          www-web-0',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Terminating (lasts 5s)',
        'Volume:        ',
        'Labels:        app=nginx',
        'Annotations:   <none>',
        'Finalizers:    []',
        'Capacity:      ',
        'Access Modes:  ',
        'Used By:       <none>',
        '',
      ].join('\n'),
    );
  });
});

const volume: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: {
    name: 'pvc-1c2d',
    uid: 'v0',
    annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
    finalizers: ['kubernetes.io/pv-protection'],
    creationTimestamp: ts(50),
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '1Gi' },
    claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'www-web-0', namespace: 'default' },
    hostPath: { path: '/var/local-path-provisioner/pvc-1c2d_default_www-web-0', type: 'DirectoryOrCreate' },
    nodeAffinity: {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] },
        ],
      },
    },
    persistentVolumeReclaimPolicy: 'Delete',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Bound' },
};

suite('describePersistentVolume (PersistentVolumeDescriber)', () => {
  it('a hostPath volume of the local-path provisioner with its node affinity', () => {
    expect(describePersistentVolume(volume, ctx([volume]))).toBe(
      [
        'Name:              pvc-1c2d',
        'Labels:            <none>',
        'Annotations:       pv.kubernetes.io/provisioned-by: rancher.io/local-path',
        'Finalizers:        [kubernetes.io/pv-protection]',
        'StorageClass:      standard',
        'Status:            Bound',
        'Claim:             default/www-web-0',
        'Reclaim Policy:    Delete',
        'Access Modes:      RWO',
        'VolumeMode:        Filesystem',
        'Capacity:          1Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        kubernetes.io/hostname in [kind-worker]',
        'Message:           ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/local-path-provisioner/pvc-1c2d_default_www-web-0',
        '    HostPathType:  DirectoryOrCreate',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('an unclaimed volume without affinity; an unknown source', () => {
    const pv: PersistentVolume = {
      ...volume,
      metadata: { name: 'pv0' },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
      },
      status: { phase: 'Available' },
    };
    expect(describePersistentVolume(pv, { ...ctx(), showEvents: false })).toBe(
      [
        'Name:            pv0',
        'Labels:          <none>',
        'Annotations:     <none>',
        'Finalizers:      []',
        'StorageClass:    ',
        'Status:          Available',
        'Claim:           ',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWX',
        'Capacity:        5Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '  <unknown>',
        '',
      ].join('\n'),
    );
  });
});

suite('describeStorageClass (StorageClassDescriber)', () => {
  it('the default class of a kind cluster', () => {
    const sc: StorageClass = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    };
    expect(describeStorageClass(sc, ctx())).toBe(
      [
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'Events:                <none>',
        '',
      ].join('\n'),
    );
  });

  it('a non-default class with parameters, mount options and allowed topologies', () => {
    const sc: StorageClass = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast' },
      provisioner: 'example.com/ssd',
      parameters: { type: 'pd-ssd', zone: 'a' },
      allowVolumeExpansion: false,
      mountOptions: ['ro', 'noatime'],
      allowedTopologies: [
        { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a', 'b'] }] },
      ],
    };
    expect(describeStorageClass(sc, { ...ctx(), showEvents: false })).toBe(
      [
        'Name:                  fast',
        'IsDefaultClass:        No',
        'Annotations:           <none>',
        'Provisioner:           example.com/ssd',
        'Parameters:            type=pd-ssd,zone=a',
        'AllowVolumeExpansion:  False',
        'MountOptions:',
        '  ro',
        '  noatime',
        // MountOptions' tab-less lines end the tabwriter block: the topology lines align on their own.
        'AllowedTopologies:  ',
        '  Term 0:           topology.kubernetes.io/zone in [a, b]',
        '',
      ].join('\n'),
    );
  });
});

suite('describeStatefulSet volume claim templates (describeVolumeClaimTemplates)', () => {
  it('the web StatefulSet: partition, the pod template and its www claim template', () => {
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', uid: 's0', creationTimestamp: ts(90) },
      spec: {
        replicas: 2,
        serviceName: 'nginx',
        selector: { matchLabels: { app: 'nginx' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'www' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
      status: { replicas: 2 },
    };
    const text = describeStatefulSet(sts, { ...ctx([sts]), showEvents: false });
    expect(text.split('\n').slice(0, 10)).toEqual([
      'Name:               web',
      'Namespace:          default',
      'CreationTimestamp:  Mon, 05 Jan 2026 11:58:30 +0000',
      'Selector:           app=nginx',
      'Labels:             <none>',
      'Annotations:        <none>',
      'Replicas:           2 desired | 2 total',
      'Update Strategy:    RollingUpdate',
      '  Partition:        0',
      'Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    ]);
    expect(text.split('\n').slice(-8)).toEqual([
      'Volume Claims:',
      '  Name:          www',
      '  StorageClass:  ',
      '  Labels:        <none>',
      '  Annotations:   <none>',
      '  Capacity:      1Gi',
      '  Access Modes:  [ReadWriteOnce]',
      '',
    ]);
  });
});
