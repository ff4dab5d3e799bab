// Registers every kind's defaulting and validation with the apiserver.
import type { ApiServer } from '../apiserver/apiserver.ts';
import { deploymentStrategy, replicaSetStrategy } from './apps/v1/strategy.ts';
import { podStrategy, nodeStrategy, serviceStrategy } from './core/v1/strategy.ts';
import { defaultPodTemplateSpec } from './core/v1/defaults.ts';
import type { DaemonSet } from '../api/types.ts';

export function registerStrategies(api: ApiServer): void {
  api.registerStrategy('Deployment', deploymentStrategy);
  api.registerStrategy('ReplicaSet', replicaSetStrategy);
  api.registerStrategy('Pod', podStrategy);
  api.registerStrategy('Node', nodeStrategy);
  api.registerStrategy('Service', serviceStrategy);
  api.registerStrategy<DaemonSet>('DaemonSet', {
    generation: true,
    prepareForCreate(ds) {
      if (ds.spec?.template) defaultPodTemplateSpec(ds.spec.template);
      if (ds.spec) ds.spec.revisionHistoryLimit ??= 10;
    },
  });
}
