// Registers every kind's defaulting and validation with the apiserver.
import type { ApiServer } from '../apiserver/apiserver.ts';
import { Rand } from '../rand/rand.ts';
import { deploymentStrategy, replicaSetStrategy } from './apps/v1/strategy.ts';
import { podStrategy, nodeStrategy, serviceStrategy } from './core/v1/strategy.ts';
import { defaultPodTemplateSpec } from './core/v1/defaults.ts';
import { podDisruptionBudgetStrategy } from './policy/v1/strategy.ts';
import { replicationControllerStrategy } from './core/v1/replication-controller-strategy.ts';
import type { DaemonSet } from '../api/types.ts';
import { registerStatefulSetStrategies } from './apps/v1/statefulset-strategy.ts';
import { registerStorageStrategies } from './storage/install.ts';

export function registerStrategies(api: ApiServer, randInt?: (from: number, to: number) => number): void {
  if (!randInt) {
    const r = new Rand(1);
    randInt = (a, b) => r.int(a, b);
  }
  api.registerStrategy('Deployment', deploymentStrategy);
  api.registerStrategy('ReplicaSet', replicaSetStrategy);
  api.registerStrategy('Pod', podStrategy);
  api.registerStrategy('Node', nodeStrategy);
  api.registerStrategy('Service', serviceStrategy(randInt));
  api.registerStrategy('ReplicationController', replicationControllerStrategy);
  api.registerStrategy('PodDisruptionBudget', podDisruptionBudgetStrategy);
  registerStatefulSetStrategies(api);
  registerStorageStrategies(api);
  api.registerStrategy<DaemonSet>('DaemonSet', {
    generation: true,
    prepareForCreate(ds) {
      if (ds.spec?.template) defaultPodTemplateSpec(ds.spec.template);
      if (ds.spec) ds.spec.revisionHistoryLimit ??= 10;
    },
  });
}
