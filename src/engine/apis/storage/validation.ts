// Validation of PersistentVolumeClaims and PersistentVolumes (pkg/apis/core/validation) and StorageClasses
// (pkg/apis/storage/validation), with the apiserver's messages.
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  StorageClass,
} from '../../api/types.ts';
import type { FieldError } from '../../apiserver/errors.ts';
import { goQuote, regexError, validateName } from '../core/v1/validation.ts';
import { diff } from './diff.ts';
import { compareQuantity, parseQuantity } from './quantity.ts';

const supportedAccessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const supportedVolumeModes = ['Block', 'Filesystem'];
const supportedPVReclaimPolicies = ['Delete', 'Recycle', 'Retain'];
const supportedClassReclaimPolicies = ['Delete', 'Retain'];
const supportedVolumeBindingModes = ['Immediate', 'WaitForFirstConsumer'];
const isNotPositiveErrorMsg = 'must be greater than zero';

const supported = (values: string[]) => `supported values: ${values.map(goQuote).join(', ')}`;
const notSupported = (field: string, value: string, values: string[]): FieldError => ({
  type: 'NotSupported',
  field,
  value: goQuote(value),
  detail: supported(values),
});

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDNS1123Subdomain
function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${dns1123SubdomainFmt}$`).test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFmt,
        'example.com',
      ),
    );
  return errs;
}

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsQualifiedName
function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name = value;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else if (parts.length > 2) {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        qualifiedNameFmt,
        'MyName',
        'my.name',
        '123-abc',
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !new RegExp(`^${qualifiedNameFmt}$`).test(name))
    errs.push(
      regexError(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        qualifiedNameFmt,
        'MyName',
        'my.name',
        '123-abc',
      ),
    );
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePositiveQuantityValue
function validatePositiveQuantity(value: string, field: string): FieldError[] {
  const q = parseQuantity(value);
  if (!q)
    return [
      {
        type: 'Invalid',
        field,
        value: goQuote(value),
        detail: 'quantities must match the regular expression',
      },
    ];
  return q.milli <= 0n
    ? [{ type: 'Invalid', field, value: goQuote(value), detail: isNotPositiveErrorMsg }]
    : [];
}

function validateAccessModes(
  modes: readonly string[] | undefined,
  field: string,
  claim: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes || modes.length === 0)
    errs.push({
      type: 'Required',
      field,
      ...(claim ? { detail: 'at least 1 access mode is required' } : {}),
    });
  for (const mode of modes ?? [])
    if (!supportedAccessModes.includes(mode)) errs.push(notSupported(field, mode, supportedAccessModes));
  if (modes?.includes('ReadWriteOncePod') && modes.length > 1)
    errs.push({ type: 'Forbidden', field, detail: 'may not use ReadWriteOncePod with other access modes' });
  return errs;
}

function validateClassName(name: string | undefined, field: string): FieldError[] {
  if (!name) return [];
  return isDNS1123Subdomain(name).map((detail) => ({ type: 'Invalid', field, value: goQuote(name), detail }));
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec
export function validatePersistentVolumeClaimSpec(
  spec: PersistentVolumeClaimSpec | undefined,
  path: string,
): FieldError[] {
  const errs = validateAccessModes(spec?.accessModes, `${path}.accessModes`, true);
  const storage = spec?.resources?.requests?.storage;
  const storagePath = `${path}.resources[storage]`;
  if (storage === undefined) errs.push({ type: 'Required', field: storagePath });
  else errs.push(...validatePositiveQuantity(String(storage), storagePath));
  errs.push(...validateClassName(spec?.storageClassName, `${path}.storageClassName`));
  if (spec?.volumeMode !== undefined && !supportedVolumeModes.includes(spec.volumeMode))
    errs.push(notSupported(`${path}.volumeMode`, spec.volumeMode, supportedVolumeModes));
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaim
export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return [...validateName(pvc.metadata?.name), ...validatePersistentVolumeClaimSpec(pvc.spec, 'spec')];
}

const sortedMap = (m: Record<string, unknown> | undefined): Record<string, unknown> | null =>
  m
    ? Object.fromEntries(
        Object.keys(m)
          .sort()
          .map((k) => [k, m[k]]),
      )
    : null;

/** The internal core.PersistentVolumeClaimSpec as Go's encoding/json writes it (Go field names, nulls). */
function internalClaimSpec(spec: PersistentVolumeClaimSpec | undefined): Record<string, unknown> {
  const s = spec ?? {};
  const selector = s.selector
    ? {
        ...(s.selector.matchLabels ? { matchLabels: sortedMap(s.selector.matchLabels) } : {}),
        ...(s.selector.matchExpressions ? { matchExpressions: s.selector.matchExpressions } : {}),
      }
    : null;
  const ref = (
    r: { apiGroup?: string; kind: string; name: string; namespace?: string } | undefined,
    ns: boolean,
  ) =>
    r
      ? {
          APIGroup: r.apiGroup ?? null,
          Kind: r.kind,
          Name: r.name,
          ...(ns ? { Namespace: r.namespace ?? null } : {}),
        }
      : null;
  return {
    AccessModes: s.accessModes ? [...s.accessModes] : null,
    Selector: selector,
    Resources: {
      Limits: sortedMap(s.resources?.limits),
      Requests: sortedMap(s.resources?.requests),
    },
    VolumeName: s.volumeName ?? '',
    StorageClassName: s.storageClassName ?? null,
    VolumeMode: s.volumeMode ?? null,
    DataSource: ref(s.dataSource, false),
    DataSourceRef: ref(s.dataSourceRef, true),
    VolumeAttributesClassName: s.volumeAttributesClassName ?? null,
  };
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate
export function validatePersistentVolumeClaimUpdate(
  pvc: PersistentVolumeClaim,
  old: PersistentVolumeClaim,
): FieldError[] {
  const errs: FieldError[] = [];
  const oldSpec = internalClaimSpec(old.spec);
  const newSpec = internalClaimSpec(pvc.spec);
  // The volume name may be set once (the PV controller binds the claim).
  if (!old.spec?.volumeName) oldSpec.VolumeName = newSpec.VolumeName;
  // RetroactiveDefaultStorageClass: an unset class may be set while the claim is not bound.
  if (
    old.spec?.storageClassName === undefined &&
    !old.spec?.volumeName &&
    pvc.spec?.storageClassName !== undefined
  )
    oldSpec.StorageClassName = newSpec.StorageClassName;
  const bound = pvc.status?.phase === 'Bound';
  const newRequests = (newSpec.Resources as { Requests: Record<string, unknown> | null }).Requests;
  if (bound && newRequests) {
    const oldStorage = old.spec?.resources?.requests?.storage;
    if (oldStorage === undefined) delete newRequests.storage;
    else newRequests.storage = oldStorage;
  }
  if (bound && newSpec.VolumeAttributesClassName !== null)
    newSpec.VolumeAttributesClassName = oldSpec.VolumeAttributesClassName;
  if (JSON.stringify(oldSpec) !== JSON.stringify(newSpec))
    errs.push({
      type: 'Forbidden',
      field: 'spec',
      detail: `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${diff(oldSpec, newSpec)}`,
    });
  const newSize = pvc.spec?.resources?.requests?.storage;
  const oldSize = old.spec?.resources?.requests?.storage;
  const statusSize = old.status?.capacity?.storage;
  if (
    compareQuantity(String(newSize ?? '0'), String(oldSize ?? '0')) < 0 &&
    compareQuantity(String(newSize ?? '0'), String(statusSize ?? '0')) <= 0
  )
    errs.push({
      type: 'Forbidden',
      field: 'spec.resources.requests.storage',
      detail: 'field can not be less than status.capacity',
    });
  if ((pvc.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null))
    errs.push({
      type: 'Invalid',
      field: 'volumeMode',
      value: goQuote(pvc.spec?.volumeMode ?? ''),
      detail: 'field is immutable',
    });
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec
export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const errs = [...validateName(pv.metadata?.name)];
  const spec = pv.spec ?? {};
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', false));
  const capacity = spec.capacity;
  const keys = Object.keys(capacity ?? {}).sort();
  if (keys.length === 0) errs.push({ type: 'Required', field: 'spec.capacity' });
  if (!capacity || !('storage' in capacity) || keys.length > 1)
    errs.push({
      type: 'NotSupported',
      field: 'spec.capacity',
      value: capacity ? JSON.stringify(sortedMap(capacity)) : 'null',
      detail: supported(['storage']),
    });
  for (const k of keys) errs.push(...validatePositiveQuantity(String(capacity![k]), `spec.capacity[${k}]`));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !supportedPVReclaimPolicies.includes(policy))
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, supportedPVReclaimPolicies));
  const affinity = spec.nodeAffinity;
  if (affinity && !affinity.required)
    errs.push({
      type: 'Required',
      field: 'spec.nodeAffinity.required',
      detail: 'must specify required node constraints',
    });
  let volumes = 0;
  if (spec.hostPath) {
    volumes++;
    if (!spec.hostPath.path) errs.push({ type: 'Required', field: 'spec.hostPath.path' });
  }
  if (spec.local) {
    if (volumes > 0)
      errs.push({
        type: 'Forbidden',
        field: 'spec.local',
        detail: 'may not specify more than 1 volume type',
      });
    volumes++;
    if (!affinity)
      errs.push({
        type: 'Required',
        field: 'spec.nodeAffinity',
        detail: 'Local volume requires node affinity',
      });
    if (!spec.local.path) errs.push({ type: 'Required', field: 'spec.local.path' });
  }
  if (spec.nfs) {
    if (volumes > 0)
      errs.push({ type: 'Forbidden', field: 'spec.nfs', detail: 'may not specify more than 1 volume type' });
    volumes++;
  }
  if (spec.csi) {
    if (volumes > 0)
      errs.push({ type: 'Forbidden', field: 'spec.csi', detail: 'may not specify more than 1 volume type' });
    volumes++;
  }
  if (volumes === 0) errs.push({ type: 'Required', field: 'spec', detail: 'must specify a volume type' });
  errs.push(...validateClassName(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode !== undefined && !supportedVolumeModes.includes(spec.volumeMode))
    errs.push(notSupported('spec.volumeMode', spec.volumeMode, supportedVolumeModes));
  return errs;
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate
/** The source may not change (upstream appends a diff of the internal source struct; we do not). */
export function validatePersistentVolumeUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs: FieldError[] = [];
  const source = (p: PersistentVolume) =>
    JSON.stringify([p.spec?.hostPath, p.spec?.local, p.spec?.nfs, p.spec?.csi]);
  if (source(pv) !== source(old))
    errs.push({
      type: 'Forbidden',
      field: 'spec.persistentvolumesource',
      detail: 'spec.persistentvolumesource is immutable after creation',
    });
  if ((pv.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null))
    errs.push({
      type: 'Invalid',
      field: 'volumeMode',
      value: goQuote(pv.spec?.volumeMode ?? ''),
      detail: 'field is immutable',
    });
  if (
    old.spec?.nodeAffinity &&
    JSON.stringify(pv.spec?.nodeAffinity) !== JSON.stringify(old.spec.nodeAffinity)
  )
    errs.push({
      type: 'Invalid',
      field: 'nodeAffinity',
      value: 'core.VolumeNodeAffinity{...}',
      detail: 'field is immutable',
    });
  return errs;
}

// Models kubernetes/pkg/apis/storage/validation/validation.go ValidateStorageClass
export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = [...validateName(sc.metadata?.name)];
  const provisioner = sc.provisioner ?? '';
  if (!provisioner) errs.push({ type: 'Required', field: 'provisioner' });
  else
    errs.push(
      ...isQualifiedName(provisioner.toLowerCase()).map((detail): FieldError => ({
        type: 'Invalid',
        field: 'provisioner',
        value: goQuote(provisioner.toLowerCase()),
        detail,
      })),
    );
  if (sc.reclaimPolicy && !supportedClassReclaimPolicies.includes(sc.reclaimPolicy))
    errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, supportedClassReclaimPolicies));
  if (sc.volumeBindingMode === undefined) errs.push({ type: 'Required', field: 'volumeBindingMode' });
  else if (!supportedVolumeBindingModes.includes(sc.volumeBindingMode))
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, supportedVolumeBindingModes));
  return errs;
}

// Models kubernetes/pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate
export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs: FieldError[] = [];
  if (JSON.stringify(sortedMap(sc.parameters)) !== JSON.stringify(sortedMap(old.parameters)))
    errs.push({ type: 'Forbidden', field: 'parameters', detail: 'updates to parameters are forbidden.' });
  if (sc.provisioner !== old.provisioner)
    errs.push({ type: 'Forbidden', field: 'provisioner', detail: 'updates to provisioner are forbidden.' });
  if (sc.reclaimPolicy !== old.reclaimPolicy)
    errs.push({
      type: 'Forbidden',
      field: 'reclaimPolicy',
      detail: 'updates to reclaimPolicy are forbidden.',
    });
  if (sc.volumeBindingMode !== old.volumeBindingMode)
    errs.push({
      type: 'Invalid',
      field: 'volumeBindingMode',
      value: goQuote(sc.volumeBindingMode ?? ''),
      detail: 'field is immutable',
    });
  return errs;
}
