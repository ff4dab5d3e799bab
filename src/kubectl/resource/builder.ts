// cli-runtime's resource.Builder: turns `-f FILE`, `TYPE NAME`, `TYPE/NAME`, `TYPE -l sel` and `--all` into
// a list of Infos (mapping, namespace, name, object), with the builder's own error texts and its
// continue-on-error semantics (a bad document or a missing object is reported, the rest is still visited).
import {
  ApiError,
  resolveResource,
  resources,
  apiVersionOf,
  parseSelector,
  selectorMatches,
  deepCopy,
  type KubeObject,
  type ResourceInfo,
} from '../../engine/index.ts';
import type { CommandEnv } from '../process.ts';
import { Aggregate, GoError, type KubectlError } from '../cmd/util/helpers.ts';
import { decodeStream } from './yaml.ts';
import type { ValidationDirective } from './field-validation.ts';

export interface Info {
  mapping: ResourceInfo;
  /** '' for cluster-scoped resources. */
  namespace: string;
  name: string;
  /** The file the object came from (`web.yaml`, `STDIN`), '' for objects named on the command line. */
  source: string;
  /** The object read from the file, or fetched from the server. */
  object?: KubeObject;
}

export interface BuilderOptions {
  namespace: string;
  /** `-n` was given explicitly: objects in files must be in that namespace. */
  enforceNamespace: boolean;
  allNamespaces?: boolean;
  filenames?: readonly string[];
  /** ResourceTypeOrNameArgs(allowEmptySelector, args...). */
  args?: readonly string[];
  allowEmptySelector?: boolean;
  selector?: string;
  /** `--field-selector`: `key=value`, `key==value`, `key!=value`, comma-separated. */
  fieldSelector?: string;
  selectAll?: boolean;
  /** Refetch objects read from files from the server (Latest()). */
  latest?: boolean;
  /** Fetch objects named on the command line (RequireObject, default true). */
  requireObject?: boolean;
  singleResourceType?: boolean;
  /** Client-side schema check of files (kind and apiVersion set); Ignore turns it off. */
  validation?: ValidationDirective;
}

/**
 * One read: a list (by selector, possibly empty: the server still answered with a list or Table) or one
 * object named on the command line or in a file.
 */
export interface Visit {
  mapping: ResourceInfo;
  infos: Info[];
  list: boolean;
}

export interface BuilderResult {
  /** An error before anything was visited (r.Err()): nothing else should happen. */
  err?: KubectlError;
  /** Every object read, in order (the visits flattened). */
  infos: Info[];
  /** The reads, in order; failed reads of named objects are in visitErrors instead. */
  visits: Visit[];
  /** Warnings the apiserver sent with its answers (`v1 Endpoints is deprecated ...`), each once. */
  warnings: string[];
  /** Errors met while visiting (r.Infos()' error), after the infos that succeeded. */
  visitErrors: KubectlError[];
  singleItemImplied: boolean;
}

const missingResourceError = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const stopValidateMessage = 'if you choose to ignore these errors, turn validation off with --validate=false';

// The "all" category (restmapper CategoryExpander) in discovery order, limited to the kinds the simulator serves.
const allCategory = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
].filter((r) => resolveResource(r) !== undefined);

// The warning kube-apiserver v1.33+ attaches to every v1 Endpoints response (KEP-4974).
const endpointsWarning = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.mappingFor
export function mappingFor(arg: string): ResourceInfo | GoError {
  const r = resolveResource(arg);
  if (r) return r;
  const dot = arg.indexOf('.');
  return new GoError(`the server doesn't have a resource type "${dot >= 0 ? arg.slice(0, dot) : arg}"`);
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go SplitResourceArgument
function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s);
  return out;
}

function replaceAliases(arg: string): string {
  return arg
    .split(',')
    .map((a) => (a === 'all' ? allCategory.join(',') : a))
    .join(',');
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go splitResourceTypeName
function splitResourceTypeName(s: string): [string, string] | undefined | GoError {
  if (!s.includes('/')) return undefined;
  const seg = s.split('/');
  if (seg.length !== 2)
    return new GoError('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg as [string, string];
  if (!resource || !name || splitResourceArgument(resource).length !== 1)
    return new GoError('arguments in resource/name form must have a single resource and name');
  return [resource, name];
}

function sourceName(filename: string): string {
  return filename === '-' ? 'STDIN' : filename;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/openapi/validation getObjectKind (via paramVerifyingSchema)
function validateKind(value: unknown): string | undefined {
  if (!isObject(value)) return 'invalid object to validate';
  const errs: string[] = [];
  const apiVersion = value.apiVersion;
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  const kind = value.kind;
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go mapper.infoForData
function infoForData(value: unknown, source: string): Info | GoError {
  if (!isObject(value) || typeof value.kind !== 'string' || value.kind === '') {
    return new GoError(
      `unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(value)}'`,
    );
  }
  const meta = isObject(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const mapping = resources.find((r) => r.kind === value.kind && apiVersionOf(r) === apiVersion);
  if (!mapping) {
    return new GoError(
      `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${value.kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    );
  }
  return { mapping, namespace, name, source, object: value };
}

/** Reads every `-f` file in order: decoded documents become infos, errors are collected. */
function visitFiles(
  env: CommandEnv,
  opts: BuilderOptions,
  infos: Info[],
  errors: KubectlError[],
): KubectlError | undefined {
  let stdinUsed = false;
  for (const filename of opts.filenames ?? []) {
    let text: string | undefined;
    if (filename === '-') {
      if (stdinUsed) return new GoError('standard input cannot be used for multiple arguments');
      stdinUsed = true;
      text = env.stdin ?? '';
    } else {
      text = env.readFile(filename);
      if (text === undefined) {
        if (/^https?:\/\//.test(filename)) {
          errors.push(
            new GoError(`unable to read URL "${filename}", server reported 404 Not Found, status code=404`),
          );
          continue;
        }
        return new GoError(`the path "${filename}" does not exist`);
      }
    }
    const source = sourceName(filename);
    const decoded = decodeStream(text);
    for (const doc of decoded.docs) {
      if (opts.validation !== 'Ignore') {
        const verr = validateKind(doc.value);
        if (verr) {
          errors.push(
            new GoError(
              `error validating "${source}": error validating data: ${verr}; ${stopValidateMessage}`,
            ),
          );
          decoded.error = undefined;
          break;
        }
      }
      const info = infoForData(doc.value, source);
      if (info instanceof GoError) errors.push(info);
      else infos.push(info);
    }
    if (decoded.error) errors.push(new GoError(`error parsing ${source}: ${decoded.error}`));
  }
  return undefined;
}

/** SetNamespace, RequireNamespace and RetrieveLatest for an info read from a file. */
function decorateFileInfo(env: CommandEnv, opts: BuilderOptions, info: Info): KubectlError | undefined {
  if (!info.mapping.namespaced) {
    info.namespace = '';
  } else {
    const ns = info.namespace;
    if (opts.enforceNamespace && ns && ns !== opts.namespace) {
      return new GoError(
        `the namespace from the provided object "${ns}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
      );
    }
    if (!ns) info.namespace = opts.namespace;
    if (info.object) (info.object.metadata ??= {}).namespace = info.namespace;
  }
  if (opts.latest) {
    const live = env.cluster.api.get(info.mapping.kind, info.namespace || undefined, info.name);
    if (!live) return notFound(info.mapping, info.name);
    info.object = deepCopy(live);
  }
  return undefined;
}

export function notFound(mapping: ResourceInfo, name: string): ApiError {
  const res = mapping.group ? `${mapping.resource}.${mapping.group}` : mapping.resource;
  return new ApiError('NotFound', 404, `${res} "${name}" not found`, {
    kind: mapping.resource,
    name,
    group: mapping.group,
  });
}

type FieldReq = { path: string[]; op: '=' | '!='; value: string };

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/fields/selector.go ParseSelector
function parseFieldSelector(s: string): FieldReq[] | GoError {
  const reqs: FieldReq[] = [];
  for (const part of s.split(',').filter((p) => p.trim() !== '')) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) return new GoError(`invalid selector: '${s}'; can't understand '${part}'`);
    reqs.push({ path: m[1]!.trim().split('.'), op: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() });
  }
  return reqs;
}

function fieldValue(obj: unknown, path: readonly string[]): string {
  let v: unknown = obj;
  for (const p of path) v = isObject(v) ? v[p] : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

const matchesFields = (obj: KubeObject, reqs: readonly FieldReq[]) =>
  reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));

/** A `--field-selector` as a predicate (for watches); undefined when the selector does not parse. */
export function fieldSelectorMatcher(spec: string): ((obj: KubeObject) => boolean) | undefined {
  if (!spec) return undefined;
  const reqs = parseFieldSelector(spec);
  if (reqs instanceof GoError) return undefined;
  return (obj) => matchesFields(obj, reqs);
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.Do
export function build(env: CommandEnv, opts: BuilderOptions): BuilderResult {
  const result: BuilderResult = {
    infos: [],
    visits: [],
    warnings: [],
    visitErrors: [],
    singleItemImplied: false,
  };
  const fail = (err: KubectlError): BuilderResult => ({ ...result, err });
  const read = (m: ResourceInfo) => {
    if (m.kind === 'Endpoints' && !result.warnings.includes(endpointsWarning))
      result.warnings.push(endpointsWarning);
  };
  const visit = (mapping: ResourceInfo, infos: Info[], list: boolean) => {
    result.visits.push({ mapping, infos, list });
    result.infos.push(...infos);
  };
  const names: string[] = [];
  let types: string[] = [];
  const tuples: [string, string][] = [];
  let labelSelector = opts.selector?.trim() || undefined;
  let fieldSelector = opts.fieldSelector?.trim() || undefined;
  if (opts.selectAll && labelSelector)
    return fail(new GoError("setting 'all' parameter but found a non empty selector. "));
  let fields: FieldReq[] | undefined;
  if (fieldSelector) {
    const f = parseFieldSelector(fieldSelector);
    if (f instanceof GoError) return fail(f);
    fields = f;
  }

  // ResourceTypeOrNameArgs
  let args = [...(opts.args ?? [])];
  if (args.length >= 2) {
    const rs = splitResourceArgument(args[0]!);
    if (rs.length > 1) args = rs.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
  }
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes !== args.length) {
    return fail(
      new GoError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      ),
    );
  }
  if (slashes > 0) {
    for (const a of args) {
      const t = splitResourceTypeName(a);
      if (t instanceof GoError) return fail(t);
      if (t) tuples.push(t);
    }
  } else if (args.length > 0) {
    types = splitResourceArgument(replaceAliases(args[0]!));
    names.push(...args.slice(1));
    if (args.length === 1 && labelSelector === undefined && opts.allowEmptySelector) labelSelector = '';
    if (args.length === 1 && fieldSelector === undefined && opts.allowEmptySelector) fieldSelector = '';
  }
  if (opts.selectAll) labelSelector = '';

  const hasPaths = (opts.filenames?.length ?? 0) > 0;
  if (hasPaths) {
    if (types.length > 0)
      return fail(
        new GoError(
          'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
        ),
      );
    if (names.length > 0) return fail(new GoError('name cannot be provided when a path is specified'));
    if (tuples.length > 0)
      return fail(new GoError('resource/name arguments cannot be provided when a path is specified'));
    const fileInfos: Info[] = [];
    const stop = visitFiles(env, opts, fileInfos, result.visitErrors);
    if (stop) return fail(stop);
    let sel: ReturnType<typeof parseSelector>[0] | undefined;
    if (labelSelector) {
      const [s, perr] = parseSelector(labelSelector);
      if (perr) return fail(new GoError(`the provided selector "${labelSelector}" is not valid: ${perr}`));
      sel = s;
    }
    for (const info of fileInfos) {
      const err = decorateFileInfo(env, opts, info);
      if (err) {
        result.visitErrors.push(err);
        continue;
      }
      if (sel && !selectorMatches(sel, info.object?.metadata?.labels)) continue;
      if (opts.latest) read(info.mapping);
      visit(info.mapping, [info], false);
    }
    result.singleItemImplied =
      (opts.filenames?.length ?? 0) === 1 && fileInfos.length <= 1 && opts.filenames?.[0] !== '-';
    return result;
  }

  if (labelSelector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) return fail(new GoError('name cannot be provided when a selector is specified'));
    if (tuples.length > 0)
      return fail(
        new GoError('selectors and the all flag cannot be used when passing resource/name arguments'),
      );
    if (types.length === 0)
      return fail(new GoError('at least one resource must be specified to use a selector'));
    const [sel, perr] = parseSelector(labelSelector ?? '');
    if (perr) return fail(new GoError(perr));
    const mappings = uniqueMappings(types, opts.singleResourceType);
    if (!Array.isArray(mappings)) return fail(mappings);
    for (const m of mappings) {
      const ns = m.namespaced && !opts.allNamespaces ? opts.namespace : undefined;
      read(m);
      const infos: Info[] = [];
      for (const obj of env.cluster.api.list(m.kind, ns, sel)) {
        if (fields && !matchesFields(obj, fields)) continue;
        infos.push({
          mapping: m,
          namespace: obj.metadata.namespace ?? '',
          name: obj.metadata.name,
          source: '',
          object: deepCopy(obj),
        });
      }
      visit(m, infos, true);
    }
    return result;
  }

  const fetch = (m: ResourceInfo, ns: string, name: string): void => {
    const info: Info = { mapping: m, namespace: m.namespaced ? ns : '', name, source: '' };
    if (opts.requireObject !== false) {
      read(m);
      const obj = env.cluster.api.get(m.kind, info.namespace || undefined, name);
      if (!obj) {
        result.visitErrors.push(notFound(m, name));
        return;
      }
      info.object = deepCopy(obj);
    }
    visit(m, [info], false);
  };

  if (tuples.length > 0) {
    if (types.length > 0)
      return fail(
        new GoError('you may not specify individual resources and bulk resources in the same call'),
      );
    const mapped: [ResourceInfo, string][] = [];
    for (const [r, n] of tuples) {
      const m = mappingFor(r);
      if (m instanceof GoError) return fail(m);
      mapped.push([m, n]);
    }
    if (opts.singleResourceType && new Set(mapped.map(([m]) => m.kind)).size > 1) {
      return fail(new GoError('you may only specify a single resource type'));
    }
    if (opts.allNamespaces && mapped.some(([m]) => m.namespaced)) {
      return fail(new GoError('a resource cannot be retrieved by name across all namespaces'));
    }
    result.singleItemImplied = tuples.length === 1;
    for (const [m, n] of mapped) fetch(m, opts.namespace, n);
    return result;
  }

  if (names.length > 0) {
    if (types.length > 1) return fail(new GoError('you must specify only one resource'));
    const m = mappingFor(types[0]!);
    if (m instanceof GoError) return fail(m);
    if (opts.allNamespaces && m.namespaced)
      return fail(new GoError('a resource cannot be retrieved by name across all namespaces'));
    result.singleItemImplied = names.length === 1;
    for (const n of names) fetch(m, opts.namespace, n);
    return result;
  }

  if (types.length > 0) {
    for (const t of types) {
      const m = mappingFor(t);
      if (m instanceof GoError) return fail(m);
    }
    return fail(new GoError('resource(s) were provided, but no name was specified'));
  }
  return fail(new GoError(missingResourceError));
}

function uniqueMappings(types: string[], single?: boolean): ResourceInfo[] | GoError {
  if (single && types.length > 1) return new GoError('you may only specify a single resource type');
  const out: ResourceInfo[] = [];
  for (const t of types) {
    const m = mappingFor(t);
    if (m instanceof GoError) return m;
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** All visit errors as one error (utilerrors.NewAggregate), or undefined. */
export function visitError(r: BuilderResult): KubectlError | undefined {
  return r.visitErrors.length === 0 ? undefined : new Aggregate(r.visitErrors);
}

/** The `Warning: ...` lines of the apiserver's warnings (rest.WarningWriter with deduplication). */
export function warningText(r: Pick<BuilderResult, 'warnings'>): string {
  return r.warnings.map((w) => `Warning: ${w}\n`).join('');
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go multipleGVKsRequested
/** Whether more than one kind was read (a list read counts even when empty: the server returned a Table). */
export function multipleKindsRequested(visits: readonly Visit[]): boolean {
  return new Set(visits.map((v) => v.mapping.kind)).size > 1;
}
