// Validation of apps/v1 Deployments and ReplicaSets: the subset of pkg/apis/apps/validation a learner can hit.
// Field error values are rendered the way the apiserver prints them (Go's %q, %v, %#v or String()).
import type { Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from '../../../api/types.ts';
import type { DeploymentStrategy } from 'kubernetes-types/apps/v1';
import type { IntOrString } from '../../../apimachinery/intstr.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../../apimachinery/labels.ts';
import { goStringMap, type FieldError } from '../../../apiserver/errors.ts';
import {
  goQuote,
  regexError,
  validateName,
  validateNonnegativeField,
  validateReplicatedPodSpec,
} from '../../core/v1/validation.ts';

const percentFmt = '[0-9]+%';
const percentRe = /^[0-9]+%$/;

/** How a LabelSelector prints in a field error since v1.34: its JSON (`{"matchLabels":{"app":"web"}}`). */
export function goStringLabelSelector(ls: LabelSelector): string {
  const parts: string[] = [];
  if (ls.matchLabels && Object.keys(ls.matchLabels).length > 0)
    parts.push(`"matchLabels":${goStringMap(ls.matchLabels)}`);
  if (ls.matchExpressions && ls.matchExpressions.length > 0) {
    const reqs = ls.matchExpressions.map((e) => {
      const f = [`"key":${JSON.stringify(e.key)}`, `"operator":${JSON.stringify(e.operator)}`];
      if (e.values && e.values.length > 0) f.push(`"values":${JSON.stringify(e.values)}`);
      return `{${f.join(',')}}`;
    });
    parts.push(`"matchExpressions":[${reqs.join(',')}]`);
  }
  return `{${parts.join(',')}}`;
}

/** How an IntOrString prints in a field error (its String(): `0`, `25%`). */
function intOrStringValue(v: IntOrString | undefined): string {
  return v === undefined ? 'null' : String(v);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go ValidateLabelSelector
export function validateLabelSelector(ls: LabelSelector | undefined, path: string): FieldError[] {
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
        value: goQuote(sr.operator),
        detail: 'not a valid selector operator',
      });
    }
  });
  return errs;
}

function validateSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [{ type: 'Required', field: path }];
  const errs = validateLabelSelector(selector, path);
  if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0) {
    errs.push({
      type: 'Invalid',
      field: path,
      value: goStringLabelSelector(selector),
      detail: 'empty selector is invalid for deployment',
    });
  }
  return errs;
}

/** Whether metav1.LabelSelectorAsSelector accepts the selector (it rejects what ValidateLabelSelector flags). */
function selectorConvertible(ls: LabelSelector | undefined): boolean {
  return (ls?.matchExpressions ?? []).every((e) =>
    e.operator === 'In' || e.operator === 'NotIn'
      ? (e.values?.length ?? 0) > 0
      : (e.operator === 'Exists' || e.operator === 'DoesNotExist') && (e.values?.length ?? 0) === 0,
  );
}

/** The template is checked against the selector only when the selector converts (ValidateDeploymentSpec). */
function validateTemplateWithSelector(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
): FieldError[] {
  if (selector && !selectorConvertible(selector)) {
    return [
      {
        type: 'Invalid',
        field: 'spec.selector',
        value: goStringLabelSelector(selector),
        detail: 'invalid label selector',
      },
    ];
  }
  return validatePodTemplateSpecForReplicaSet(template, selector, 'spec.template');
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet
export function validatePodTemplateSpecForReplicaSet(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
  path: string,
): FieldError[] {
  if (!template) return [{ type: 'Required', field: path }];
  const errs: FieldError[] = [];
  // A nil selector selects nothing, so it never matches; an empty one is not checked.
  const sel = labelSelectorAsSelector(selector);
  if (sel === null || sel.length > 0) {
    if (sel === null || !selectorMatches(sel, template.metadata?.labels)) {
      errs.push({
        type: 'Invalid',
        field: `${path}.metadata.labels`,
        value: goStringMap(template.metadata?.labels),
        detail: '`selector` does not match template `labels`',
      });
    }
  }
  errs.push(...validateReplicatedPodSpec(template, path, 'ReplicaSet'));
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidatePositiveIntOrPercent
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') {
    if (!percentRe.test(v)) {
      return [
        {
          type: 'Invalid',
          field: path,
          value: v,
          detail: regexError(
            "a valid percent string must be a numeric string followed by an ending '%'",
            percentFmt,
            '1%',
            '93%',
          ),
        },
      ];
    }
    return [];
  }
  return validateNonnegativeField(v ?? 0, path);
}

// Models kubernetes/pkg/apis/apps/validation/validation.go getIntOrPercentValue
function getIntOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'string') return percentRe.test(v) ? Number(v.slice(0, -1)) : 0;
  return v ?? 0;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateRollingUpdateDeployment
function validateRollingUpdateDeployment(
  ru: { maxSurge?: IntOrString; maxUnavailable?: IntOrString },
  path: string,
): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ];
  if (getIntOrPercentValue(ru.maxUnavailable) === 0 && getIntOrPercentValue(ru.maxSurge) === 0) {
    errs.push({
      type: 'Invalid',
      field: `${path}.maxUnavailable`,
      value: intOrStringValue(ru.maxUnavailable),
      detail: 'may not be 0 when `maxSurge` is 0',
    });
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${path}.maxUnavailable`));
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go IsNotMoreThan100Percent
export function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v !== 'string' || !percentRe.test(v) || Number(v.slice(0, -1)) <= 100) return [];
  return [{ type: 'Invalid', field: path, value: v, detail: 'must not be greater than 100%' }];
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateDeploymentStrategy
function validateDeploymentStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const type = strategy?.type ?? '';
  if (type === 'Recreate') {
    if (strategy?.rollingUpdate) {
      return [
        {
          type: 'Forbidden',
          field: `${path}.rollingUpdate`,
          detail: "may not be specified when strategy `type` is 'Recreate'",
        },
      ];
    }
    return [];
  }
  if (type === 'RollingUpdate') {
    if (!strategy?.rollingUpdate) {
      return [
        {
          type: 'Required',
          field: `${path}.rollingUpdate`,
          detail: 'this should be defaulted and never be nil',
        },
      ];
    }
    return validateRollingUpdateDeployment(strategy.rollingUpdate, `${path}.rollingUpdate`);
  }
  // The internal type prints with %#v; a set pointer prints as an address, which we cannot reproduce.
  const ru = strategy?.rollingUpdate
    ? '(*apps.RollingUpdateDeployment)(0xc000a1e0c0)'
    : '(*apps.RollingUpdateDeployment)(nil)';
  return [
    {
      type: 'NotSupported',
      field: path,
      value: `apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:${ru}}`,
      detail: 'supported values: "Recreate", "RollingUpdate"',
    },
  ];
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateDeploymentSpec
function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec;
  const errs = validateNonnegativeField(spec?.replicas ?? 0, 'spec.replicas');
  errs.push(...validateSelector(spec?.selector, 'spec.selector'));
  errs.push(...validateTemplateWithSelector(spec?.template, spec?.selector));
  errs.push(...validateDeploymentStrategy(spec?.strategy, 'spec.strategy'));
  const minReadySeconds = spec?.minReadySeconds ?? 0;
  errs.push(...validateNonnegativeField(minReadySeconds, 'spec.minReadySeconds'));
  if (spec?.revisionHistoryLimit !== undefined) {
    errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  }
  const pds = spec?.progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonnegativeField(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= minReadySeconds) {
      errs.push({
        type: 'Invalid',
        field: 'spec.progressDeadlineSeconds',
        value: String(pds),
        detail: 'must be greater than minReadySeconds',
      });
    }
  }
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateDeployment
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateName(d.metadata?.name), ...validateDeploymentSpec(d)];
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateImmutableField
function validateImmutableSelector(
  cur: LabelSelector | undefined,
  old: LabelSelector | undefined,
): FieldError[] {
  if (JSON.stringify(normalizeSelector(cur)) === JSON.stringify(normalizeSelector(old))) return [];
  return [
    {
      type: 'Invalid',
      field: 'spec.selector',
      value: cur ? goStringLabelSelector(cur) : 'null',
      detail: 'field is immutable',
    },
  ];
}

function normalizeSelector(ls: LabelSelector | undefined): unknown {
  if (!ls) return null;
  const labels = ls.matchLabels ?? {};
  return {
    matchLabels: Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
    matchExpressions: ls.matchExpressions ?? [],
  };
}

/**
 * Update-only checks of the Deployment registry strategy (apps/v1 forbids changing the selector).
 * The apiserver runs validateDeployment as well, so this adds only what an update adds.
 */
// Models kubernetes/pkg/registry/apps/deployment/strategy.go deploymentStrategy.ValidateUpdate
export function validateDeploymentUpdate(cur: Deployment, old: Deployment): FieldError[] {
  return validateImmutableSelector(cur.spec?.selector, old.spec?.selector);
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateReplicaSet
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec;
  const errs = validateName(rs.metadata?.name);
  errs.push(...validateNonnegativeField(spec?.replicas ?? 0, 'spec.replicas'));
  errs.push(...validateNonnegativeField(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  errs.push(...validateSelector(spec?.selector, 'spec.selector'));
  errs.push(...validateTemplateWithSelector(spec?.template, spec?.selector));
  return errs;
}

// Models kubernetes/pkg/registry/apps/replicaset/strategy.go rsStrategy.ValidateUpdate
export function validateReplicaSetUpdate(cur: ReplicaSet, old: ReplicaSet): FieldError[] {
  return validateImmutableSelector(cur.spec?.selector, old.spec?.selector);
}
