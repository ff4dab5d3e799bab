// Validation of apps/v1 StatefulSets and ControllerRevisions (pkg/apis/apps/validation), with the field paths and
// messages of the v1.36 apiserver. Field error values are rendered as the apiserver prints them.
import type { ControllerRevision, LabelSelector, StatefulSet } from '../../../api/types.ts';
import type { IntOrString } from '../../../apimachinery/intstr.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../../apimachinery/labels.ts';
import { goStringMap, type FieldError } from '../../../apiserver/errors.ts';
import { deepEqual } from '../../../util/copy.ts';
import { goQuote, regexError, validateName, validateNonnegativeField } from '../../core/v1/validation.ts';
import {
  goStringLabelSelector,
  isNotMoreThan100Percent,
  validateLabelSelector,
  validatePositiveIntOrPercent,
} from './validation.ts';

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`);

/** Go's %#v of a pointer the apiserver holds: an address we cannot reproduce, so a fixed, plausible one. */
const fakeAddress = '0xc000b2e3a8';

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateStatefulSetName (apimachinery NameIsDNSLabel)
function validateStatefulSetName(name: string | undefined): FieldError[] {
  if (!name) return [];
  const errs: string[] = [];
  if (name.length > 63) errs.push('must be no more than 63 characters');
  if (!dns1123LabelRe.test(name)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        dns1123LabelFmt,
        'my-name',
        '123-abc',
      ),
    );
  }
  return errs.map((detail) => ({ type: 'Invalid', field: 'metadata.name', value: goQuote(name), detail }));
}

/** %#v of the internal apps.RollingUpdateStatefulSetStrategy. */
function goStringRollingUpdate(ru: { partition?: number; maxUnavailable?: IntOrString }): string {
  const mu = ru.maxUnavailable === undefined ? 'nil' : fakeAddress;
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:(*intstr.IntOrString)(${mu})}`;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go getIntOrPercentValue
function getIntOrPercentValue(v: IntOrString): number {
  if (typeof v === 'string') return /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : 0;
  return v;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go validateRollingUpdateStatefulSet
function validateRollingUpdateStatefulSet(
  ru: { partition?: number; maxUnavailable?: IntOrString },
  path: string,
): FieldError[] {
  const errs = validateNonnegativeField(ru.partition ?? 0, `${path}.partition`);
  const mu = ru.maxUnavailable;
  if (mu !== undefined && mu !== null) {
    errs.push(...validatePositiveIntOrPercent(mu, `${path}.maxUnavailable`));
    if (getIntOrPercentValue(mu) === 0)
      errs.push({
        type: 'Invalid',
        field: `${path}.maxUnavailable`,
        value: String(mu),
        detail: 'cannot be 0',
      });
    errs.push(...isNotMoreThan100Percent(mu, `${path}.maxUnavailable`));
  }
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidatePersistentVolumeClaimRetentionPolicyType
function validateRetentionPolicyType(policy: string | undefined, path: string): FieldError[] {
  if (policy === 'Retain' || policy === 'Delete') return [];
  return [
    {
      type: 'NotSupported',
      field: path,
      value: goQuote(policy ?? ''),
      detail: 'supported values: "Retain", "Delete"',
    },
  ];
}

/** Whether metav1.LabelSelectorAsSelector accepts the selector. */
function selectorConvertible(ls: LabelSelector): boolean {
  return (ls.matchExpressions ?? []).every((e) =>
    e.operator === 'In' || e.operator === 'NotIn'
      ? (e.values?.length ?? 0) > 0
      : (e.operator === 'Exists' || e.operator === 'DoesNotExist') && (e.values?.length ?? 0) === 0,
  );
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec
export function validateStatefulSetSpec(set: StatefulSet): FieldError[] {
  const spec = set.spec;
  const errs: FieldError[] = [];
  const pmp = spec?.podManagementPolicy ?? '';
  if (pmp === '') errs.push({ type: 'Required', field: 'spec.podManagementPolicy' });
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    errs.push({
      type: 'Invalid',
      field: 'spec.podManagementPolicy',
      value: goQuote(pmp),
      detail: "must be 'OrderedReady' or 'Parallel'",
    });

  const strategy = spec?.updateStrategy;
  const type = strategy?.type ?? '';
  if (type === '') errs.push({ type: 'Required', field: 'spec.updateStrategy' });
  else if (type === 'OnDelete') {
    if (strategy?.rollingUpdate)
      errs.push({
        type: 'Invalid',
        field: 'spec.updateStrategy.rollingUpdate',
        value: goStringRollingUpdate(strategy.rollingUpdate),
        detail: "only allowed for updateStrategy 'RollingUpdate'",
      });
  } else if (type === 'RollingUpdate') {
    if (strategy?.rollingUpdate)
      errs.push(
        ...validateRollingUpdateStatefulSet(strategy.rollingUpdate, 'spec.updateStrategy.rollingUpdate'),
      );
  } else {
    const ru = strategy?.rollingUpdate ? fakeAddress : 'nil';
    errs.push({
      type: 'Invalid',
      field: 'spec.updateStrategy',
      value: `apps.StatefulSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(${ru})}`,
      detail: "must be 'RollingUpdate' or 'OnDelete'",
    });
  }

  const policy = spec?.persistentVolumeClaimRetentionPolicy;
  if (policy) {
    errs.push(
      ...validateRetentionPolicyType(
        policy.whenDeleted,
        'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
      ),
      ...validateRetentionPolicyType(
        policy.whenScaled,
        'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
      ),
    );
  }
  errs.push(...validateNonnegativeField(spec?.replicas ?? 0, 'spec.replicas'));
  errs.push(...validateNonnegativeField(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  if (spec?.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start ?? 0, 'spec.ordinals.start'));

  const selector = spec?.selector;
  if (!selector) errs.push({ type: 'Required', field: 'spec.selector' });
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0)
      errs.push({
        type: 'Invalid',
        field: 'spec.selector',
        value: goStringLabelSelector(selector),
        detail: 'empty selector is invalid for statefulset',
      });
  }
  if (selector && !selectorConvertible(selector)) {
    errs.push({ type: 'Invalid', field: 'spec.selector', value: goStringLabelSelector(selector) });
  } else {
    // Models kubernetes/pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForStatefulSet
    // (a nil selector selects nothing and is not Empty, so it never matches).
    const sel = labelSelectorAsSelector(selector);
    const labels = spec?.template?.metadata?.labels;
    if ((sel === null || sel.length > 0) && (sel === null || !selectorMatches(sel, labels)))
      errs.push({
        type: 'Invalid',
        field: 'spec.template.metadata.labels',
        value: goStringMap(labels),
        detail: '`selector` does not match template `labels`',
      });
  }
  const restartPolicy = spec?.template?.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always')
    errs.push({
      type: 'NotSupported',
      field: 'spec.template.spec.restartPolicy',
      value: goQuote(restartPolicy),
      detail: 'supported values: "Always"',
    });
  if (spec?.template?.spec?.activeDeadlineSeconds !== undefined)
    errs.push({
      type: 'Forbidden',
      field: 'spec.template.spec.activeDeadlineSeconds',
      detail: 'activeDeadlineSeconds in StatefulSet is not Supported',
    });
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateStatefulSet
export function validateStatefulSet(set: StatefulSet): FieldError[] {
  return [...validateStatefulSetName(set.metadata?.name), ...validateStatefulSetSpec(set)];
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate
/** The update-only part: the apiserver runs validateStatefulSet (name included) as well. */
export function validateStatefulSetUpdate(set: StatefulSet, old: StatefulSet): FieldError[] {
  const mutable = [
    'replicas',
    'template',
    'updateStrategy',
    'minReadySeconds',
    'ordinals',
    'persistentVolumeClaimRetentionPolicy',
  ];
  const rest = (s: StatefulSet) =>
    Object.fromEntries(Object.entries(s.spec ?? {}).filter(([k]) => !mutable.includes(k)));
  if (deepEqual(rest(set), rest(old))) return [];
  return [
    {
      type: 'Forbidden',
      field: 'spec',
      detail:
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    },
  ];
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateControllerRevision
export function validateControllerRevision(revision: ControllerRevision): FieldError[] {
  const errs = validateName(revision.metadata?.name);
  if (revision.data === undefined || revision.data === null)
    errs.push({ type: 'Required', field: 'data', detail: 'data is mandatory' });
  errs.push(...validateNonnegativeField(revision.revision ?? 0, 'revision'));
  return errs;
}

// Models kubernetes/pkg/apis/apps/validation/validation.go ValidateControllerRevisionUpdate
export function validateControllerRevisionUpdate(
  revision: ControllerRevision,
  old: ControllerRevision,
): FieldError[] {
  if (deepEqual(revision.data, old.data)) return [];
  return [
    { type: 'Invalid', field: 'data', value: 'runtime.RawExtension{...}', detail: 'field is immutable' },
  ];
}
