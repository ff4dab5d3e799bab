// Server-side table rows for storage, policy, configuration and legacy kinds (same upstream file as
// printers.ts, split for size).
import type { KubeObject } from '../../../engine/index.ts';
import { formatLabels } from '../../../engine/index.ts';
import type {
  ConfigMap,
  PersistentVolume,
  PersistentVolumeClaim,
  ReplicationController,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { age, layoutContainerCells, nameOf, row } from './printers.ts';
import type { Cell, GenerateOptions, TableRow } from './types.ts';

type Obj<T> = T & KubeObject;

// Models kubernetes/pkg/apis/core/helper/helpers.go GetAccessModesAsString
export function getAccessModesAsString(modes: readonly string[] | undefined): string {
  const has = (m: string) => (modes ?? []).includes(m);
  return [
    ...(has('ReadWriteOnce') ? ['RWO'] : []),
    ...(has('ReadOnlyMany') ? ['ROX'] : []),
    ...(has('ReadWriteMany') ? ['RWX'] : []),
    ...(has('ReadWriteOncePod') ? ['RWOP'] : []),
  ].join(',');
}

const storageClassOf = (o: {
  metadata?: { annotations?: Record<string, string> };
  spec?: { storageClassName?: string };
}) => o.spec?.storageClassName ?? o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';

// Models kubernetes/pkg/printers/internalversion/printers.go printPersistentVolumeClaim
export function printPersistentVolumeClaim(
  pvc: Obj<PersistentVolumeClaim>,
  options: GenerateOptions,
): TableRow[] {
  const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
  const bound = !!pvc.spec?.volumeName;
  const cells: Cell[] = [
    nameOf(pvc),
    phase,
    pvc.spec?.volumeName ?? '',
    bound ? String(pvc.status?.capacity?.storage ?? '') : '',
    bound ? getAccessModesAsString(pvc.status?.accessModes) : '',
    storageClassOf(pvc),
    pvc.spec?.volumeAttributesClassName ?? '<unset>',
    age(pvc, options),
    pvc.spec?.volumeMode ?? '<unset>',
  ];
  return row(pvc, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printPersistentVolume
export function printPersistentVolume(pv: Obj<PersistentVolume>, options: GenerateOptions): TableRow[] {
  const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
  const cells: Cell[] = [
    nameOf(pv),
    String(pv.spec?.capacity?.storage ?? ''),
    getAccessModesAsString(pv.spec?.accessModes),
    pv.spec?.persistentVolumeReclaimPolicy ?? '',
    pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
    claim,
    storageClassOf(pv),
    pv.spec?.volumeAttributesClassName ?? '<unset>',
    pv.status?.reason ?? '',
    age(pv, options),
    pv.spec?.volumeMode ?? '<unset>',
  ];
  return row(pv, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printPodDisruptionBudget
export function printPodDisruptionBudget(
  pdb: Obj<PodDisruptionBudget>,
  options: GenerateOptions,
): TableRow[] {
  const str = (v: number | string | undefined) => (v === undefined ? 'N/A' : String(v));
  return row(pdb, [
    nameOf(pdb),
    str(pdb.spec?.minAvailable),
    str(pdb.spec?.maxUnavailable),
    pdb.status?.disruptionsAllowed ?? 0,
    age(pdb, options),
  ]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printReplicationController
export function printReplicationController(
  rc: Obj<ReplicationController>,
  options: GenerateOptions,
): TableRow[] {
  const cells: Cell[] = [
    nameOf(rc),
    rc.spec?.replicas ?? 1,
    rc.status?.replicas ?? 0,
    rc.status?.readyReplicas ?? 0,
    age(rc, options),
  ];
  if (options.wide) {
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    cells.push(names, images, formatLabels(rc.spec?.selector));
  }
  return row(rc, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printConfigMap
export function printConfigMap(cm: Obj<ConfigMap>, options: GenerateOptions): TableRow[] {
  return row(cm, [
    nameOf(cm),
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age(cm, options),
  ]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printSecret
export function printSecret(s: Obj<Secret>, options: GenerateOptions): TableRow[] {
  return row(s, [nameOf(s), s.type ?? '', Object.keys(s.data ?? {}).length, age(s, options)]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printServiceAccount
export function printServiceAccount(sa: Obj<ServiceAccount>, options: GenerateOptions): TableRow[] {
  return row(sa, [nameOf(sa), (sa.secrets ?? []).length, age(sa, options)]);
}
