// Registry strategy of policy/v1 PodDisruptionBudgets: status reset on create, generation, validation.
// policy/v1 has no defaulting of its own (a nil unhealthyPodEvictionPolicy behaves as IfHealthyBudget).
import type { PodDisruptionBudget } from '../../../api/types.ts';
import type { Strategy } from '../../../apiserver/strategy.ts';
import { validatePodDisruptionBudget } from './validation.ts';

// Models kubernetes/pkg/registry/policy/poddisruptionbudget/strategy.go podDisruptionBudgetStrategy
export const podDisruptionBudgetStrategy: Strategy<PodDisruptionBudget> = {
  generation: true,
  prepareForCreate(pdb) {
    pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate: validatePodDisruptionBudget,
};
