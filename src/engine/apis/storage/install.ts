// Defaulting and validation of the storage kinds: PersistentVolumeClaim, PersistentVolume (core/v1) and
// StorageClass (storage.k8s.io/v1). (Being written.)
import type { ApiServer } from '../../apiserver/apiserver.ts';

export function registerStorageStrategies(api: ApiServer): void {
  void api;
}
