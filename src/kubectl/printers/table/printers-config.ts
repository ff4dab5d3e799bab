// Server-side table rows for storage, policy, configuration and legacy kinds (same upstream file as
// printers.ts, split for size).
import type {
  ControllerRevision,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../../engine/index.ts';
import { formatLabels } from '../../../engine/index.ts';
import type { ConfigMap, ReplicationController, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
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

const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

// Models kubernetes/pkg/api/v1/persistentvolume/util.go GetPersistentVolumeClaimClass
/** The claim's class: the beta annotation wins over spec.storageClassName. */
export function getPersistentVolumeClaimClass(pvc: {
  metadata?: { annotations?: Record<string, string> };
  spec?: { storageClassName?: string };
}): string {
  const beta = pvc.metadata?.annotations?.[betaStorageClassAnnotation];
  if (beta !== undefined) return beta;
  return pvc.spec?.storageClassName ?? '';
}

// Models kubernetes/pkg/api/v1/persistentvolume/util.go GetPersistentVolumeClass
export function getPersistentVolumeClass(pv: PersistentVolume): string {
  const beta = pv.metadata?.annotations?.[betaStorageClassAnnotation];
  if (beta !== undefined) return beta;
  return pv.spec?.storageClassName ?? '';
}

/** Go's Quantity.String() of a missing quantity is "0". */
const quantityString = (q: string | number | undefined) => (q === undefined ? '0' : String(q));

// Models kubernetes/pkg/printers/internalversion/printers.go printPersistentVolumeClaim
export function printPersistentVolumeClaim(pvc: PersistentVolumeClaim, options: GenerateOptions): TableRow[] {
  const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
  let capacity = '';
  let accessModes = '';
  if (pvc.spec?.volumeName) {
    accessModes = getAccessModesAsString(pvc.status?.accessModes);
    capacity = quantityString(pvc.status?.capacity?.storage);
  }
  const cells: Cell[] = [
    nameOf(pvc),
    phase,
    pvc.spec?.volumeName ?? '',
    capacity,
    accessModes,
    getPersistentVolumeClaimClass(pvc),
    pvc.spec?.volumeAttributesClassName ?? '<unset>',
    age(pvc, options),
    pvc.spec?.volumeMode ?? '<unset>',
  ];
  return row(pvc, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printPersistentVolume
export function printPersistentVolume(pv: PersistentVolume, options: GenerateOptions): TableRow[] {
  const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
  const cells: Cell[] = [
    nameOf(pv),
    quantityString(pv.spec?.capacity?.storage),
    getAccessModesAsString(pv.spec?.accessModes),
    pv.spec?.persistentVolumeReclaimPolicy ?? '',
    pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
    claim,
    getPersistentVolumeClass(pv),
    pv.spec?.volumeAttributesClassName ?? '<unset>',
    pv.status?.reason ?? '',
    age(pv, options),
    pv.spec?.volumeMode ?? '<unset>',
  ];
  return row(pv, cells);
}

const isDefaultStorageClassAnnotation = 'storageclass.kubernetes.io/is-default-class';
const betaIsDefaultStorageClassAnnotation = 'storageclass.beta.kubernetes.io/is-default-class';

// Models kubernetes/pkg/apis/storage/util/helpers.go IsDefaultAnnotation
export function isDefaultAnnotation(sc: KubeObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[isDefaultStorageClassAnnotation] === 'true' || a[betaIsDefaultStorageClassAnnotation] === 'true';
}

// Models kubernetes/pkg/printers/internalversion/printers.go printStorageClass
export function printStorageClass(sc: StorageClass, options: GenerateOptions): TableRow[] {
  let name = nameOf(sc);
  if (isDefaultAnnotation(sc)) name += ' (default)';
  return row(sc, [
    name,
    sc.provisioner,
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    // A Go bool cell prints as `true`/`false`.
    String(sc.allowVolumeExpansion ?? false),
    age(sc, options),
  ]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printControllerRevision
export function printControllerRevision(cr: ControllerRevision, options: GenerateOptions): TableRow[] {
  const ref = cr.metadata?.ownerReferences?.find((r) => r.controller === true);
  let controllerName = '<none>';
  if (ref) {
    const slash = ref.apiVersion.indexOf('/');
    const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
    // formatResourceName: the lower-cased GroupKind ("statefulset.apps") and the name.
    controllerName = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
  }
  return row(cr, [nameOf(cr), controllerName, cr.revision, age(cr, options)]);
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
