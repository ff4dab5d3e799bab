// Validation of policy/v1 PodDisruptionBudgets: pkg/apis/policy/validation (the PodDisruptionBudget part).
// Field error values are rendered the way the apiserver prints them (see ../../apps/v1/validation.ts).
import type { LabelSelector, PodDisruptionBudget, PodDisruptionBudgetSpec } from '../../../api/types.ts';
import type { IntOrString } from '../../../apimachinery/intstr.ts';
import { goStringLabelSelector } from '../../apps/v1/validation.ts';
import type { FieldError } from '../../../apiserver/errors.ts';

const percentFmt = '[0-9]+%';
const percentRe = /^[0-9]+%$/;

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

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidatePositiveIntOrPercent
function validatePositiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === 'string') {
    if (percentRe.test(v)) return [];
    return [
      {
        type: 'Invalid',
        field: path,
        value: v,
        detail:
          "a valid percent string must be a numeric string followed by an ending '%' " +
          `(e.g. '1%',  or '93%', regex used for validation is '${percentFmt}')`,
      },
    ];
  }
  return v < 0
    ? [{ type: 'Invalid', field: path, value: String(v), detail: 'must be greater than or equal to 0' }]
    : [];
}

// Models kubernetes/pkg/apis/apps/validation/validation.go IsNotMoreThan100Percent
function isNotMoreThan100Percent(v: IntOrString, path: string): FieldError[] {
  if (typeof v !== 'string' || !percentRe.test(v) || Number(v.slice(0, -1)) <= 100) return [];
  return [{ type: 'Invalid', field: path, value: v, detail: 'must not be greater than 100%' }];
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go ValidateLabelSelector
function validateLabelSelector(ls: LabelSelector | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (ls?.matchExpressions ?? []).forEach((sr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (sr.operator === 'In' || sr.operator === 'NotIn') {
      if (!sr.values || sr.values.length === 0)
        errs.push({
          type: 'Required',
          field: `${p}.values`,
          detail: "must be specified when `operator` is 'In' or 'NotIn'",
        });
    } else if (sr.operator === 'Exists' || sr.operator === 'DoesNotExist') {
      if (sr.values && sr.values.length > 0)
        errs.push({
          type: 'Forbidden',
          field: `${p}.values`,
          detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        });
    } else {
      errs.push({
        type: 'Invalid',
        field: `${p}.operator`,
        value: JSON.stringify(sr.operator),
        detail: 'not a valid selector operator',
      });
    }
  });
  return errs;
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
