// Validation of core/v1 kinds (pkg/apis/core/validation): the shared field checks the apps validators use too,
// and ReplicationControllers. Field error values are rendered as the apiserver prints them.
import type { PodTemplateSpec, ReplicationController } from '../../../api/types.ts';
import { goStringMap, type FieldError } from '../../../apiserver/errors.ts';
import { validateContainers } from './strategy.ts';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go RegexError
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainRe = new RegExp(`^${dns1123SubdomainFmt}$`);
export const isNegativeErrorMsg = 'must be greater than or equal to 0';

/** Go's %q of a string (close enough to JSON for the ASCII a learner types). */
export const goQuote = (s: string): string => JSON.stringify(s);

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDNS1123Subdomain
function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!dns1123SubdomainRe.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFmt,
        'example.com',
      ),
    );
  }
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateObjectMeta (the name part)
export function validateName(name: string | undefined): FieldError[] {
  if (!name) return [];
  return isDNS1123Subdomain(name).map((detail) => ({
    type: 'Invalid',
    field: 'metadata.name',
    value: goQuote(name),
    detail,
  }));
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateNonnegativeField
export function validateNonnegativeField(value: number, field: string): FieldError[] {
  return value < 0 ? [{ type: 'Invalid', field, value: String(value), detail: isNegativeErrorMsg }] : [];
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateNonEmptySelector
function validateNonEmptySelector(selector: Record<string, string> | undefined, path: string): FieldError[] {
  return Object.keys(selector ?? {}).length === 0 ? [{ type: 'Required', field: path }] : [];
}

/** labels.Set(selector).AsSelector().Matches(labels.Set(labels)): every pair of the map is among the labels. */
export function mapSelectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  for (const k of Object.keys(selector)) {
    if (labels === undefined || !Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== selector[k])
      return false;
  }
  return true;
}

/**
 * What ValidatePodTemplateSpecForReplicaSet and ValidatePodTemplateSpecForRC check alike after the selector:
 * the containers, restartPolicy Always, and no activeDeadlineSeconds (`kind` names the object in that message).
 */
export function validateReplicatedPodSpec(
  template: PodTemplateSpec,
  path: string,
  kind: 'ReplicaSet' | 'ReplicationController',
): FieldError[] {
  const errs = validateContainers(template.spec?.containers ?? [], `${path}.spec.containers`);
  const restartPolicy = template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') {
    errs.push({
      type: 'NotSupported',
      field: `${path}.spec.restartPolicy`,
      value: goQuote(restartPolicy),
      detail: 'supported values: "Always"',
    });
  }
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push({
      type: 'Forbidden',
      field: `${path}.spec.activeDeadlineSeconds`,
      detail: `activeDeadlineSeconds in ${kind} is not Supported`,
    });
  }
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePodTemplateSpecForRC
export function validatePodTemplateSpecForRC(
  template: PodTemplateSpec | undefined,
  selector: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  if (!template) return [{ type: 'Required', field: path }];
  const errs: FieldError[] = [];
  const sel = selector ?? {};
  if (Object.keys(sel).length > 0 && !mapSelectorMatches(sel, template.metadata?.labels)) {
    errs.push({
      type: 'Invalid',
      field: `${path}.metadata.labels`,
      value: goStringMap(template.metadata?.labels),
      detail: '`selector` does not match template `labels`',
    });
  }
  errs.push(...validateReplicatedPodSpec(template, path, 'ReplicationController'));
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateReplicationControllerSpec
function validateReplicationControllerSpec(rc: ReplicationController): FieldError[] {
  const spec = rc.spec;
  const errs = validateNonnegativeField(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds');
  errs.push(...validateNonEmptySelector(spec?.selector, 'spec.selector'));
  errs.push(...validateNonnegativeField(spec?.replicas ?? 0, 'spec.replicas'));
  errs.push(...validatePodTemplateSpecForRC(spec?.template, spec?.selector, 'spec.template'));
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateReplicationController
export function validateReplicationController(rc: ReplicationController): FieldError[] {
  return [...validateName(rc.metadata?.name), ...validateReplicationControllerSpec(rc)];
}

/**
 * Update-only checks. Upstream's ValidateUpdate runs ValidateReplicationController and then
 * ValidateReplicationControllerUpdate, which repeats the spec checks; the error message lists each distinct
 * error once (ErrorList.ToAggregate), so the repeat adds nothing here. The selector of an RC may change.
 */
// Models kubernetes/pkg/registry/core/replicationcontroller/strategy.go rcStrategy.ValidateUpdate
export function validateReplicationControllerUpdate(): FieldError[] {
  return [];
}
