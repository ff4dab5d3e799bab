// Helpers the writing commands share: how an Info names itself in messages, what the apiserver's strict
// field validation says, and how Go's encoding/json writes the last-applied configuration.
import { ApiError, type KubeObject, type ResourceInfo } from '../../../engine/index.ts';
import type { Info } from '../../resource/builder.ts';
import {
  checkFields,
  strictDecodingError,
  type ValidationDirective,
} from '../../resource/field-validation.ts';
import type { Output } from './helpers.ts';

/** `deployments.apps/web` (resource.Info.ObjectName). */
export function objectName(info: Pick<Info, 'mapping' | 'name'>): string {
  const m = info.mapping;
  return `${m.resource}${m.group ? `.${m.group}` : ''}/${info.name}`;
}

/** `deployments.apps` (the resource string kubectl uses in `error: deployments.apps "x" is already paused`). */
export function resourceString(m: ResourceInfo): string {
  return m.group ? `${m.resource}.${m.group}` : m.resource;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go Info.String
export function infoString(info: Info): string {
  const m = info.mapping;
  return `Resource: "${m.group}/${m.version}, Resource=${m.resource}", GroupVersionKind: "${m.group}/${m.version}, Kind=${m.kind}"\nName: "${info.name}", Namespace: "${info.namespace}"`;
}

export { goJSON } from '../../printers/gofmt.ts';

/**
 * What the apiserver does with unknown fields in a create/update body: a BadRequest (Strict), a warning per
 * field (Warn), or nothing (Ignore). Returns the object as stored (unknown fields dropped) or the error.
 */
export function decodeForServer<T extends KubeObject>(
  obj: T,
  directive: ValidationDirective,
  out: Output,
): T | ApiError {
  const kind = obj.kind ?? '';
  const { unknown, pruned, typeError } = checkFields(kind, obj);
  const version = (obj.apiVersion ?? '').split('/').pop() ?? '';
  // Models kubernetes/staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go transformDecodeError
  const cannotHandle = (msg: string) =>
    new ApiError('BadRequest', 400, `${kind} in version "${version}" cannot be handled as a ${kind}: ${msg}`);
  if (typeError) return cannotHandle(typeError);
  if (unknown.length === 0) return obj;
  if (directive === 'Strict') return cannotHandle(strictDecodingError(unknown));
  if (directive === 'Warn') for (const p of unknown) out.warn(`unknown field "${p}"`);
  return pruned as T;
}
