import { describe, expect, it } from 'vitest';
import type {
  ControllerRevision,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../../engine/index.ts';
import { HumanReadablePrinter } from '../table-printer.ts';
import { newTableTabWriter } from '../tabwriter.ts';
import { tableHandlerFor } from './handlers.ts';
import {
  printControllerRevision,
  printPersistentVolume,
  printPersistentVolumeClaim,
  printStorageClass,
} from './printers-config.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const opts = { wide: false, now: NOW };

/** What `kubectl get <kind>` prints for one object. */
function getTable(kind: string, obj: Parameters<ReturnType<typeof tableHandlerFor>['print']>[0]): string {
  const h = tableHandlerFor(kind);
  const w = newTableTabWriter();
  new HumanReadablePrinter({}).printObj({ columnDefinitions: h.columns, rows: h.print(obj, opts) }, w);
  w.flush();
  return w.take();
}

const pvc = (name: string, spec: PersistentVolumeClaim['spec'], status: PersistentVolumeClaim['status']) =>
  ({ metadata: { name }, spec, status }) as PersistentVolumeClaim;

// The cases of kubernetes/pkg/printers/internalversion/printers_test.go TestPrintPersistentVolumeClaim
// (v1.36 columns: the VolumeAttributesClass cell sits between StorageClass and Age).
describe('printPersistentVolumeClaim (upstream TestPrintPersistentVolumeClaim)', () => {
  const cells = (c: PersistentVolumeClaim) => printPersistentVolumeClaim(c, opts)[0]!.cells;

  it('test1: bound claim shows volume, capacity and access modes', () => {
    const c = pvc(
      'test1',
      { volumeName: 'my-volume', volumeMode: 'Filesystem' },
      { phase: 'Bound', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } },
    );
    expect(cells(c)).toEqual([
      'test1',
      'Bound',
      'my-volume',
      '4Gi',
      'ROX',
      '',
      '<unset>',
      '<unknown>',
      'Filesystem',
    ]);
  });

  it('test2: no volume name hides capacity and access modes', () => {
    const c = pvc(
      'test2',
      { volumeMode: 'Filesystem' },
      { phase: 'Lost', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } },
    );
    expect(cells(c)).toEqual(['test2', 'Lost', '', '', '', '', '<unset>', '<unknown>', 'Filesystem']);
  });

  it('test3: pending claim with a volume name', () => {
    const c = pvc(
      'test3',
      { volumeName: 'my-volume', volumeMode: 'Filesystem' },
      { phase: 'Pending', accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } },
    );
    expect(cells(c)).toEqual([
      'test3',
      'Pending',
      'my-volume',
      '10Gi',
      'RWX',
      '',
      '<unset>',
      '<unknown>',
      'Filesystem',
    ]);
  });

  it('test4: storage class name', () => {
    const c = pvc(
      'test4',
      { volumeName: 'my-volume', storageClassName: 'my-scn', volumeMode: 'Filesystem' },
      { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    );
    expect(cells(c)).toEqual([
      'test4',
      'Pending',
      'my-volume',
      '10Gi',
      'RWO',
      'my-scn',
      '<unset>',
      '<unknown>',
      'Filesystem',
    ]);
  });

  it('test5: no volume mode prints <unset>', () => {
    const c = pvc(
      'test5',
      { volumeName: 'my-volume', storageClassName: 'my-scn' },
      { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    );
    expect(cells(c)).toEqual([
      'test5',
      'Pending',
      'my-volume',
      '10Gi',
      'RWO',
      'my-scn',
      '<unset>',
      '<unknown>',
      '<unset>',
    ]);
  });

  it('a deleting claim is Terminating; the beta class annotation wins over spec.storageClassName', () => {
    const c = pvc(
      'data',
      { storageClassName: 'fast', volumeAttributesClassName: 'gold' },
      { phase: 'Bound' },
    );
    c.metadata!.deletionTimestamp = ago(1000);
    c.metadata!.annotations = { 'volume.beta.kubernetes.io/storage-class': 'slow' };
    expect(cells(c)).toEqual(['data', 'Terminating', '', '', '', 'slow', 'gold', '<unknown>', '<unset>']);
  });

  it('kubectl get pvc: the v1.36 header and a bound claim row', () => {
    const c = pvc(
      'www-web-0',
      { volumeName: 'pvc-0b1f', storageClassName: 'standard', volumeMode: 'Filesystem' },
      { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    );
    c.metadata!.creationTimestamp = ago(48_000);
    expect(getTable('PersistentVolumeClaim', c)).toBe(
      'NAME        STATUS   VOLUME     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'www-web-0   Bound    pvc-0b1f   1Gi        RWO            standard       <unset>                 48s\n',
    );
  });
});

describe('printPersistentVolume (upstream TestPrintPersistentVolume)', () => {
  const pv = (name: string, spec: PersistentVolume['spec'], status: PersistentVolume['status']) =>
    ({ metadata: { name }, spec, status }) as PersistentVolume;
  const cells = (v: PersistentVolume) => printPersistentVolume(v, opts)[0]!.cells;

  it('test1: a bound volume shows its claim namespace/name', () => {
    const v = pv(
      'test1',
      {
        claimRef: { name: 'test', namespace: 'default' },
        accessModes: ['ReadOnlyMany'],
        capacity: { storage: '4Gi' },
        volumeMode: 'Filesystem',
      },
      { phase: 'Bound' },
    );
    expect(cells(v)).toEqual([
      'test1',
      '4Gi',
      'ROX',
      '',
      'Bound',
      'default/test',
      '',
      '<unset>',
      '',
      '<unknown>',
      'Filesystem',
    ]);
  });

  it('test2: a failed volume shows its reason', () => {
    const v = pv(
      'test2',
      {
        claimRef: { name: 'test', namespace: 'default' },
        accessModes: ['ReadOnlyMany'],
        capacity: { storage: '4Gi' },
      },
      { phase: 'Failed', reason: 'failed' },
    );
    expect(cells(v)).toEqual([
      'test2',
      '4Gi',
      'ROX',
      '',
      'Failed',
      'default/test',
      '',
      '<unset>',
      'failed',
      '<unknown>',
      '<unset>',
    ]);
  });

  it('test3: an available volume without a claim', () => {
    const v = pv(
      'test3',
      { accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' }, volumeMode: 'Filesystem' },
      { phase: 'Available' },
    );
    expect(cells(v)).toEqual([
      'test3',
      '10Gi',
      'RWX',
      '',
      'Available',
      '',
      '',
      '<unset>',
      '',
      '<unknown>',
      'Filesystem',
    ]);
  });

  it('kubectl get pv: a dynamically provisioned volume of the local-path provisioner', () => {
    const v = pv(
      'pvc-0b1f',
      {
        claimRef: { name: 'www-web-0', namespace: 'default' },
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '1Gi' },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      { phase: 'Bound' },
    );
    v.metadata!.creationTimestamp = ago(40_000);
    expect(getTable('PersistentVolume', v)).toBe(
      'NAME       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pvc-0b1f   1Gi        RWO            Delete           Bound    default/www-web-0   standard       <unset>                          40s\n',
    );
  });
});

// The cases of printers_test.go TestPrintStorageClass, with the v1.36 columns.
describe('printStorageClass (upstream TestPrintStorageClass)', () => {
  const cells = (sc: StorageClass) => printStorageClass(sc, opts)[0]!.cells;

  it('sc1: defaults Delete / Immediate / false', () => {
    const sc = {
      metadata: { name: 'sc1', creationTimestamp: ago(0) },
      provisioner: 'kubernetes.io/glusterfs',
    } as StorageClass;
    expect(cells(sc)).toEqual(['sc1', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', 'false', '0s']);
  });

  it('sc2: explicit policy, binding mode and expansion', () => {
    const sc = {
      metadata: { name: 'sc2', creationTimestamp: ago(300_000) },
      provisioner: 'kubernetes.io/nfs',
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    } as StorageClass;
    expect(cells(sc)).toEqual(['sc2', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', 'true', '5m']);
  });

  it('kubectl get storageclass: the default class carries "(default)" after its name', () => {
    const sc = {
      metadata: {
        name: 'standard',
        creationTimestamp: ago(3_600_000),
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    } as StorageClass;
    expect(getTable('StorageClass', sc)).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  60m\n',
    );
  });
});

describe('printControllerRevision', () => {
  const cr = (name: string, revision: number, owner?: { apiVersion: string; kind: string; name: string }) =>
    ({
      metadata: {
        name,
        creationTimestamp: ago(0),
        ...(owner
          ? { ownerReferences: [{ ...owner, uid: 'u', controller: true }] }
          : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'x', uid: 'u' }] }),
      },
      revision,
    }) as ControllerRevision;

  it('test1: controlled by a DaemonSet', () => {
    expect(
      printControllerRevision(
        cr('test1', 1, { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo' }),
        opts,
      )[0]!.cells,
    ).toEqual(['test1', 'daemonset.apps/foo', 1, '0s']);
  });

  it('test2: an owner that is not the controller prints <none>', () => {
    expect(printControllerRevision(cr('test2', 2), opts)[0]!.cells).toEqual(['test2', '<none>', 2, '0s']);
  });

  it('test3: a core-group controller has no group suffix', () => {
    expect(
      printControllerRevision(
        cr('test3', 3, { apiVersion: 'v1', kind: 'ReplicationController', name: 'rc' }),
        opts,
      )[0]!.cells,
    ).toEqual(['test3', 'replicationcontroller/rc', 3, '0s']);
  });
});
