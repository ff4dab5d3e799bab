// Validation of policy/v1 PodDisruptionBudgets: pkg/apis/policy/validation (the PodDisruptionBudget part).
// Field error values are rendered the way the apiserver prints them (see ../../apps/v1/validation.ts).
import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from '../../../api/types.ts';
import type { IntOrString } from '../../../apimachinery/intstr.ts';
import {
  goStringLabelSelector,
  isNotMoreThan100Percent,
  validateLabelSelector,
  validatePositiveIntOrPercent,
} from '../../apps/v1/validation.ts';
import type { FieldError } from '../../../apiserver/errors.ts';

// Models kubernetes/pkg/apis/policy/validation/validation.go supportedUnhealthyPodEvictionPolicies
const supportedUnhealthyPodEvictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'];

/**
 * The spec as the "cannot be both set" error prints it. Upstream passes the internal Go struct, which has no
 * json tags; we render it as JSON with the Go field names (the pre-1.34 %#v form printed pointer addresses).
 */
function specValue(spec: PodDisruptionBudgetSpec): string {
  const v = (x: IntOrString | undefined) => (x === undefined ? 'null' : JSON.stringify(x));
  const policy = spec.unhealthyPodEvictionPolicy;
  return (
    `{"MinAvailable":${v(spec.minAvailable)},` +
    `"Selector":${spec.selector ? goStringLabelSelector(spec.selector) : 'null'},` +
    `"MaxUnavailable":${v(spec.maxUnavailable)},` +
    `"UnhealthyPodEvictionPolicy":${policy === undefined ? 'null' : JSON.stringify(policy)}}`
  );
}

// Models kubernetes/pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudgetSpec
export function validatePodDisruptionBudgetSpec(spec: PodDisruptionBudgetSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push({
      type: 'Invalid',
      field: path,
      value: specValue(spec),
      detail: 'minAvailable and maxUnavailable cannot be both set',
    });
  }
  if (spec.minAvailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(spec.minAvailable, `${path}.minAvailable`));
    errs.push(...isNotMoreThan100Percent(spec.minAvailable, `${path}.minAvailable`));
  }
  if (spec.maxUnavailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(spec.maxUnavailable, `${path}.maxUnavailable`));
    errs.push(...isNotMoreThan100Percent(spec.maxUnavailable, `${path}.maxUnavailable`));
  }
  errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !supportedUnhealthyPodEvictionPolicies.includes(policy)) {
    errs.push({
      type: 'NotSupported',
      field: `${path}.unhealthyPodEvictionPolicy`,
      value: JSON.stringify(policy),
      detail: `supported values: ${supportedUnhealthyPodEvictionPolicies.map((p) => `"${p}"`).join(', ')}`,
    });
  }
  return errs;
}

// Models kubernetes/pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudget
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  return validatePodDisruptionBudgetSpec(pdb.spec ?? {});
}
