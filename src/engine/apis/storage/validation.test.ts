// Defaulting, admission and validation of PersistentVolumeClaims, PersistentVolumes and StorageClasses, with the
// apiserver's messages (pkg/apis/core/validation, pkg/apis/storage/validation).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types.ts';
import { canonicalQuantity, compareQuantity } from './quantity.ts';

const claim = (spec: PersistentVolumeClaim['spec'], name = 'data'): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec,
});

describe('PersistentVolumeClaim', () => {
  const c = createCluster({ workers: 1 });

  it('gets the default class, the pvc-protection finalizer, volumeMode and a canonical size', () => {
    const [pvc] = c.api.create(
      claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } }),
    );
    expect(pvc?.spec?.storageClassName).toBe('standard');
    expect(pvc?.spec?.volumeMode).toBe('Filesystem');
    expect(pvc?.spec?.resources?.requests?.storage).toBe('1Gi');
    expect(pvc?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(pvc?.status).toEqual({ phase: 'Pending' });
  });

  it('an explicit empty class stays empty (no default)', () => {
    const [pvc] = c.api.create(
      claim(
        { accessModes: ['ReadWriteOnce'], storageClassName: '', resources: { requests: { storage: '1Gi' } } },
        'noclass',
      ),
    );
    expect(pvc?.spec?.storageClassName).toBe('');
  });

  it('ValidatePersistentVolumeClaimSpec: access modes and the storage request', () => {
    const [, err] = c.api.create(claim({ resources: {} }, 'bad'));
    expect(err?.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
    const [, err2] = c.api.create(
      claim({ accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '0' } } }, 'bad'),
    );
    expect(err2?.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: [spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod", spec.resources[storage]: Invalid value: "0": must be greater than zero]',
    );
    const [, err3] = c.api.create(
      claim(
        { accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        'bad',
      ),
    );
    expect(err3?.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    );
  });

  it('ValidatePersistentVolumeClaimUpdate: the spec is immutable, with the JSON diff of the internal spec', () => {
    const old = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!;
    const [, err] = c.api.update({ ...old, spec: { ...old.spec, accessModes: ['ReadWriteMany'] } });
    expect(err?.message).toBe(
      [
        'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
        '@@ -1,6 +1,6 @@',
        ' {',
        '  "AccessModes": [',
        '-  "ReadWriteOnce"',
        '+  "ReadWriteMany"',
        '  ],',
        '  "Selector": null,',
        '  "Resources": {',
        '',
      ].join('\n'),
    );
    // A pending claim may not change its request either.
    const [, err2] = c.api.update({
      ...old,
      spec: { ...old.spec, resources: { requests: { storage: '2Gi' } } },
    });
    expect(err2?.message).toContain(
      '@@ -6,7 +6,7 @@\n  "Resources": {\n   "Limits": null,\n   "Requests": {\n-   "storage": "1Gi"\n+   "storage": "2Gi"\n   }\n  },\n  "VolumeName": "",\n',
    );
  });

  it('a bound claim may change resources.requests (but not shrink below its capacity)', () => {
    const old = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!;
    c.api.update({ ...old, status: { phase: 'Bound', capacity: { storage: '1Gi' } } }, { status: true });
    const bound = c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!;
    const [grown, err] = c.api.update({
      ...bound,
      spec: { ...bound.spec, resources: { requests: { storage: '2Gi' } } },
    });
    expect(err).toBeNull();
    expect(grown?.status?.phase).toBe('Bound');
    const [, err2] = c.api.update({
      ...grown!,
      spec: { ...grown!.spec, resources: { requests: { storage: '512Mi' } } },
    });
    expect(err2?.message).toBe(
      'PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
  });
});

describe('PersistentVolume', () => {
  const c = createCluster({ workers: 1 });
  const pv = (spec: PersistentVolume['spec']): PersistentVolume => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv1' },
    spec,
  });

  it('defaults Retain and Filesystem, adds pv-protection, and becomes Available', () => {
    const [created] = c.api.create(
      pv({ accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' }, hostPath: { path: '/data' } }),
    );
    expect(created?.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(created?.spec?.volumeMode).toBe('Filesystem');
    expect(created?.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(created?.status?.phase).toBe('Pending');
    c.settle();
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, 'pv1')?.status?.phase).toBe(
      'Available',
    );
  });

  it('ValidatePersistentVolumeSpec: a volume type, capacity and access modes are required', () => {
    const [, err] = c.api.create(pv({}));
    expect(err?.message).toBe(
      'PersistentVolume "pv1" is invalid: [spec.accessModes: Required value, spec.capacity: Required value, spec.capacity: Unsupported value: null: supported values: "storage", spec: Required value: must specify a volume type]',
    );
    const [, err2] = c.api.create(
      pv({ accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/mnt' } }),
    );
    expect(err2?.message).toBe(
      'PersistentVolume "pv1" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity',
    );
  });
});

describe('StorageClass', () => {
  const c = createCluster({ workers: 1 });

  it("the cluster ships kind's default class", () => {
    const sc = c.api.get<StorageClass>('StorageClass', undefined, 'standard');
    expect(sc?.provisioner).toBe('rancher.io/local-path');
    expect(sc?.reclaimPolicy).toBe('Delete');
    expect(sc?.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(sc?.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
  });

  it('defaults reclaimPolicy Delete and volumeBindingMode Immediate; validates both', () => {
    const [sc] = c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast' },
      provisioner: 'example.com/fast',
    });
    expect(sc?.reclaimPolicy).toBe('Delete');
    expect(sc?.volumeBindingMode).toBe('Immediate');
    const [, err] = c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'bad' },
      provisioner: '',
      reclaimPolicy: 'Recycle',
      volumeBindingMode: 'Later',
    });
    expect(err?.message).toBe(
      'StorageClass.storage.k8s.io "bad" is invalid: [provisioner: Required value, reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain", volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"]',
    );
  });

  it('ValidateStorageClassUpdate: provisioner, parameters and reclaimPolicy are fixed', () => {
    const sc = c.api.get<StorageClass>('StorageClass', undefined, 'fast')!;
    const [, err] = c.api.update({ ...sc, provisioner: 'example.com/slow', parameters: { type: 'ssd' } });
    expect(err?.message).toBe(
      'StorageClass.storage.k8s.io "fast" is invalid: [parameters: Forbidden: updates to parameters are forbidden., provisioner: Forbidden: updates to provisioner are forbidden.]',
    );
  });
});

describe('quantities', () => {
  it('canonical forms and comparison', () => {
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
    expect(canonicalQuantity('1536Mi')).toBe('1536Mi');
    expect(canonicalQuantity('1000M')).toBe('1G');
    expect(canonicalQuantity('0.5Gi')).toBe('512Mi');
    expect(compareQuantity('1Gi', '1000Mi')).toBe(1);
    expect(compareQuantity('1G', '1Gi')).toBe(-1);
  });
});
