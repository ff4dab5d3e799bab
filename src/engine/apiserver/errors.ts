// API errors as the apiserver returns them (metav1.Status). kubectl turns them into its own error lines.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  /** StatusReasonUnknown: a Status that carries only a code and a message (kubectl: `Error from server: ...`). */
  | '';

/** A metav1.StatusCause that is not a field error (e.g. type `DisruptionBudget` on an eviction refusal). */
export interface StatusCause {
  type: string;
  message: string;
}

export type FieldErrorType =
  'Invalid' | 'Required' | 'Forbidden' | 'NotSupported' | 'Duplicate' | 'TooLong' | 'TooMany';

/** A field error (apimachinery/pkg/util/validation/field.Error). `value` is already rendered as Go's %#v would. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: string;
  detail?: string;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go Error.ErrorBody
export function fieldErrorBody(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return e.detail ? `Required value: ${e.detail}` : 'Required value';
    case 'Forbidden':
      return e.detail ? `Forbidden: ${e.detail}` : 'Forbidden';
    case 'Duplicate':
      return `Duplicate value: ${e.value ?? ''}`;
    case 'NotSupported':
      return `Unsupported value: ${e.value ?? ''}${e.detail ? `: ${e.detail}` : ''}`;
    case 'TooLong':
      return `Too long: ${e.detail ?? ''}`;
    case 'TooMany':
      return `Too many: ${e.detail ?? ''}`;
    case 'Invalid':
      return `Invalid value: ${e.value ?? ''}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

export class ApiError {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    readonly message: string,
    readonly details?: {
      kind: string;
      name: string;
      group?: string;
      causes?: FieldError[];
      statusCauses?: StatusCause[];
      retryAfterSeconds?: number;
    },
  ) {}
}

export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', 404, `${resource} "${name}" not found`, { kind: resource, name });
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${resource} "${name}" already exists`, { kind: resource, name });
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewInvalid
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const agg = errs.length === 1 ? fieldErrorString(errs[0]!) : `[${errs.map(fieldErrorString).join(', ')}]`;
  return new ApiError('Invalid', 422, `${qualified} "${name}" is invalid: ${agg}`, {
    kind,
    name,
    group,
    causes: errs,
  });
}

/**
 * A label map as field errors print it since v1.34: JSON with sorted keys (`{"app":"web"}`); older
 * apiservers printed Go's %#v (`map[string]string{"app":"web"}`).
 */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'null';
  const keys = Object.keys(m).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(',')}}`;
}

export type Result<T> = [T, null] | [null, ApiError];
