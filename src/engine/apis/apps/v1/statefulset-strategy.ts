// Registry strategies of apps/v1 StatefulSets and ControllerRevisions: defaulting on every write, validation,
// generation (the apiserver bumps it on spec changes and keeps .status on main-resource writes).
import type { ControllerRevision, StatefulSet } from '../../../api/types.ts';
import type { ApiServer } from '../../../apiserver/apiserver.ts';
import type { Strategy } from '../../../apiserver/strategy.ts';
import { setDefaultsStatefulSet } from './statefulset-defaults.ts';
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './statefulset-validation.ts';

// Models kubernetes/pkg/registry/apps/statefulset/strategy.go statefulSetStrategy
export const statefulSetStrategy: Strategy<StatefulSet> = {
  generation: true,
  prepareForCreate(set) {
    setDefaultsStatefulSet(set);
    // apps.StatefulSetStatus{} as apps/v1 JSON: replicas and availableReplicas have no omitempty.
    set.status = { replicas: 0, availableReplicas: 0 };
  },
  prepareForUpdate(set) {
    setDefaultsStatefulSet(set);
  },
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
};

// Models kubernetes/pkg/registry/apps/controllerrevision/strategy.go strategy
export const controllerRevisionStrategy: Strategy<ControllerRevision> = {
  validate: validateControllerRevision,
  validateUpdate: validateControllerRevisionUpdate,
};

export function registerStatefulSetStrategies(api: ApiServer): void {
  api.registerStrategy('StatefulSet', statefulSetStrategy);
  api.registerStrategy('ControllerRevision', controllerRevisionStrategy);
}
