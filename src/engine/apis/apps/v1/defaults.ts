// Defaulting of apps/v1 Deployments and ReplicaSets, applied by the apiserver on create and update.
import type { Deployment, ReplicaSet } from '../../../api/types.ts';
import { defaultPodTemplateSpec } from '../../core/v1/defaults.ts';

// Models kubernetes/pkg/apis/apps/v1/defaults.go SetDefaults_Deployment
export function setDefaultsDeployment(obj: Deployment): void {
  const spec = (obj.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= '25%';
    rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec((spec.template ??= {}));
}

// Models kubernetes/pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet
export function setDefaultsReplicaSet(obj: ReplicaSet): void {
  const spec = (obj.spec ??= { selector: {} });
  spec.replicas ??= 1;
  if (spec.template) defaultPodTemplateSpec(spec.template);
}
