// Defaulting, admission and validation of the storage kinds: PersistentVolumeClaim, PersistentVolume (core/v1)
// and StorageClass (storage.k8s.io/v1).
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types.ts';
import type { Strategy } from '../../apiserver/strategy.ts';
import { canonicalQuantity } from './quantity.ts';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from './validation.ts';
import { parseTime } from '../../apimachinery/time.ts';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

function canonicalList(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const k of Object.keys(list)) if (typeof list[k] === 'string') list[k] = canonicalQuantity(list[k]);
}

// Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaimSpec
function defaultClaim(pvc: PersistentVolumeClaim): void {
  if (pvc.spec) pvc.spec.volumeMode ??= 'Filesystem';
  canonicalList(pvc.spec?.resources?.requests);
  canonicalList(pvc.spec?.resources?.limits);
}

// Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume
function defaultVolume(pv: PersistentVolume): void {
  pv.spec ??= {};
  pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
  pv.spec.volumeMode ??= 'Filesystem';
  canonicalList(pv.spec.capacity);
}

// Models kubernetes/pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass
function defaultStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}

// Models kubernetes/pkg/volume/util/storageclass.go IsDefaultAnnotation
export function isDefaultAnnotation(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[IS_DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_IS_DEFAULT_CLASS_ANNOTATION] === 'true';
}

// Models kubernetes/pkg/volume/util/storageclass.go GetDefaultClass: the newest default class (then by name).
export function getDefaultClass(api: ApiServer): StorageClass | undefined {
  const defaults = api.list<StorageClass>('StorageClass').filter(isDefaultAnnotation);
  defaults.sort((a, b) => {
    const ta = parseTime(a.metadata.creationTimestamp);
    const tb = parseTime(b.metadata.creationTimestamp);
    return ta !== tb ? tb - ta : a.metadata.name < b.metadata.name ? -1 : 1;
  });
  return defaults[0];
}

function addFinalizer(meta: { finalizers?: string[] } | undefined, f: string): void {
  if (!meta) return;
  if (!(meta.finalizers ?? []).includes(f)) meta.finalizers = [...(meta.finalizers ?? []), f];
}

export function registerStorageStrategies(api: ApiServer): void {
  const claimStrategy: Strategy<PersistentVolumeClaim> = {
    prepareForCreate(pvc) {
      defaultClaim(pvc);
      // Models kubernetes/plugin/pkg/admission/storage/storageclass/setdefault/admission.go Admit
      if (
        pvc.spec &&
        pvc.spec.storageClassName === undefined &&
        !pvc.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION]
      ) {
        const def = getDefaultClass(api);
        if (def) pvc.spec.storageClassName = def.metadata!.name!;
      }
      // Models kubernetes/plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go admitPVC
      addFinalizer(pvc.metadata, PVC_PROTECTION_FINALIZER);
      // Models kubernetes/pkg/registry/core/persistentvolumeclaim/strategy.go PrepareForCreate (status reset,
      // then the phase default of SetDefaults_PersistentVolumeClaim)
      pvc.status = { phase: 'Pending' };
    },
    prepareForUpdate(pvc, old) {
      defaultClaim(pvc);
      pvc.status = old.status;
    },
    validate: validatePersistentVolumeClaim,
    validateUpdate: validatePersistentVolumeClaimUpdate,
  };
  const volumeStrategy: Strategy<PersistentVolume> = {
    prepareForCreate(pv) {
      defaultVolume(pv);
      // Models kubernetes/plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go admitPV
      addFinalizer(pv.metadata, PV_PROTECTION_FINALIZER);
      pv.status = { phase: 'Pending' };
    },
    prepareForUpdate(pv, old) {
      defaultVolume(pv);
      pv.status = old.status;
    },
    validate: validatePersistentVolume,
    validateUpdate: validatePersistentVolumeUpdate,
  };
  const classStrategy: Strategy<StorageClass> = {
    prepareForCreate: defaultStorageClass,
    prepareForUpdate: defaultStorageClass,
    validate: validateStorageClass,
    validateUpdate: validateStorageClassUpdate,
  };
  api.registerStrategy('PersistentVolumeClaim', claimStrategy);
  api.registerStrategy('PersistentVolume', volumeStrategy);
  api.registerStrategy('StorageClass', classStrategy);
}
