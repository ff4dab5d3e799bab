// Defaulting of apps/v1 StatefulSets, applied by the apiserver on create and update. Feature gates as in
// v1.36: MaxUnavailableStatefulSet (beta, on) and StatefulSetAutoDeletePVC (GA).
import type { StatefulSet } from '../../../api/types.ts';
import { defaultPodTemplateSpec } from '../../core/v1/defaults.ts';

// Models kubernetes/pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet
export function setDefaultsStatefulSet(obj: StatefulSet): void {
  const spec = (obj.spec ??= { selector: {}, serviceName: '', template: {} });
  spec.podManagementPolicy ||= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    strategy.rollingUpdate.partition ??= 0;
    strategy.rollingUpdate.maxUnavailable ??= 1;
  }
  const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  policy.whenDeleted ||= 'Retain';
  policy.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec((spec.template ??= {}));
  // Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim and
  // SetDefaults_PersistentVolumeClaimSpec, which the generated defaulters apply to each claim template.
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= 'v1';
    claim.kind ??= 'PersistentVolumeClaim';
    (claim.spec ??= {}).volumeMode ??= 'Filesystem';
    // The nested claim's status is read-only in kubernetes-types; here the apiserver writes it.
    const writable = claim as { status?: { phase?: string } };
    (writable.status ??= {}).phase ||= 'Pending';
  }
}
