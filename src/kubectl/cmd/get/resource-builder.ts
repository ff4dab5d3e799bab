// How kubectl turns `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME...`, `-l` and `-A` into API reads
// (cli-runtime resource.Builder with ContinueOnError): which objects, in which order, and which errors.
import {
  ApiError,
  parseSelector,
  resolveResource,
  resourceForKind,
  resourceWithGroup,
  type Cluster,
  type KubeObject,
  type ResourceInfo,
  type Selector,
  type Stored,
} from '../../../engine/index.ts';

export interface BuilderOptions {
  namespace: string;
  allNamespaces: boolean;
  /** `-l`: a label selector string. */
  selector?: string;
  /** `--field-selector`: `key=value`, `key==value`, `key!=value`, comma-separated. */
  fieldSelector?: string;
  args: readonly string[];
  /** With one TYPE argument, select everything (`kubectl get pods`). */
  allowEmptySelector: boolean;
  /** `kubectl get -w` accepts a single resource type only. */
  singleResourceType?: boolean;
}

/** One read: a list (by selector) or a single named object, of one resource type. */
export interface Visit {
  resource: ResourceInfo;
  objects: Stored<KubeObject>[];
  /** The object name when the visit reads one object by name. */
  name?: string;
}

export interface BuildResult {
  visits: Visit[];
  /** Per-object errors (NotFound) collected while continuing with the rest. */
  errors: ApiError[];
  /** A single named object was asked for: `-o yaml` prints it alone rather than in a List. */
  singleItemImplied: boolean;
}

/** A client-side error that stops the command before any read (`error: <message>`). */
export class BuilderError {
  constructor(readonly message: string) {}
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (category expansion of `all`)
const allCategory = [
  'Pod',
  'ReplicationController',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'CronJob',
  'Job',
];

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.mappingFor
function mappingsFor(arg: string): ResourceInfo[] | BuilderError {
  if (arg.toLowerCase() === 'all') {
    return allCategory.map((k) => resourceForKind(k)).filter((r): r is ResourceInfo => r !== undefined);
  }
  const r = resolveResource(arg);
  return r ? [r] : new BuilderError(`the server doesn't have a resource type "${arg}"`);
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go SplitResourceArgument
function splitResourceArgument(arg: string): string[] {
  return arg.split(',').filter((s) => s !== '');
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go hasCombinedTypeArgs
function hasCombinedTypeArgs(args: readonly string[]): boolean | BuilderError {
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0 && withSlash === args.length) return true;
  if (withSlash > 0) {
    return new BuilderError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  return false;
}

type FieldReq = { path: string[]; op: '=' | '!='; value: string };

function parseFieldSelector(s: string): FieldReq[] | BuilderError {
  const reqs: FieldReq[] = [];
  for (const part of s.split(',').filter((p) => p.trim() !== '')) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) return new BuilderError(`invalid selector: '${s}'; can't understand '${part}'`);
    reqs.push({ path: m[1]!.trim().split('.'), op: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() });
  }
  return reqs;
}

function fieldValue(obj: unknown, path: readonly string[]): string {
  let v: unknown = obj;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

const matchesFields = (obj: KubeObject, reqs: readonly FieldReq[]) =>
  reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));

/** A `--field-selector` as a predicate (for watches); undefined when the selector does not parse. */
export function fieldSelectorMatcher(spec: string): ((obj: KubeObject) => boolean) | undefined {
  const reqs = parseFieldSelector(spec);
  if (reqs instanceof BuilderError) return undefined;
  return (obj) => matchesFields(obj, reqs);
}

/** Resolves the arguments and reads the objects from the cluster, in kubectl's order. */
export function buildResources(cluster: Cluster, o: BuilderOptions): BuildResult | BuilderError {
  let selector: Selector | undefined;
  if (o.selector) {
    const [sel, err] = parseSelector(o.selector);
    if (err) return new BuilderError(err);
    selector = sel;
  }
  let fields: FieldReq[] | undefined;
  if (o.fieldSelector) {
    const f = parseFieldSelector(o.fieldSelector);
    if (f instanceof BuilderError) return f;
    fields = f;
  }
  const args = o.args;
  const combined = hasCombinedTypeArgs(args);
  if (combined instanceof BuilderError) return combined;

  const ns = (r: ResourceInfo) => (r.namespaced && !o.allNamespaces ? o.namespace : undefined);
  const getOne = (r: ResourceInfo, name: string): Visit | ApiError => {
    const obj = cluster.api.get(r.kind, r.namespaced ? o.namespace : undefined, name);
    if (!obj)
      return new ApiError('NotFound', 404, `${resourceWithGroup(r.kind)} "${name}" not found`, {
        kind: r.resource,
        name,
      });
    return { resource: r, objects: [obj], name };
  };

  if (combined) {
    // Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.visitByResource
    const tuples: [ResourceInfo, string][] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!type || !name || name.includes('/'))
        return new BuilderError('arguments in resource/name form must have a single resource and name');
      const m = mappingsFor(type);
      if (m instanceof BuilderError) return m;
      tuples.push([m[0]!, name]);
    }
    if (selector || fields)
      return new BuilderError(
        'selectors and the all flag cannot be used when passing resource/name arguments',
      );
    if (o.allNamespaces)
      return new BuilderError('a resource cannot be retrieved by name across all namespaces');
    if (o.singleResourceType && new Set(tuples.map(([r]) => r.kind)).size > 1)
      return new BuilderError('you may only specify a single resource type');
    const result: BuildResult = { visits: [], errors: [], singleItemImplied: tuples.length === 1 };
    for (const [r, name] of tuples) {
      const v = getOne(r, name);
      if (v instanceof ApiError) result.errors.push(v);
      else result.visits.push(v);
    }
    return result;
  }

  if (args.length === 0)
    return new BuilderError('You must provide one or more resources by argument or filename.');
  const types: ResourceInfo[] = [];
  for (const t of splitResourceArgument(args[0]!)) {
    const m = mappingsFor(t);
    if (m instanceof BuilderError) return m;
    for (const r of m) if (!types.includes(r)) types.push(r);
  }
  const names = args.slice(1);
  if (o.singleResourceType && types.length > 1)
    return new BuilderError('you may only specify a single resource type');

  if (names.length === 0 && (selector || fields || o.allowEmptySelector)) {
    // Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.visitBySelector
    const visits = types.map((r): Visit => {
      let objs = cluster.api.list(r.kind, ns(r), selector);
      if (fields) objs = objs.filter((obj) => matchesFields(obj, fields));
      return { resource: r, objects: objs };
    });
    return { visits, errors: [], singleItemImplied: false };
  }
  if (names.length > 0 && (selector || fields))
    return new BuilderError('name cannot be provided when a selector is specified');
  if (names.length === 0) return new BuilderError('resource(s) were provided, but no name was specified');

  // Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Builder.visitByName
  if (types.length > 1) return new BuilderError('you must specify only one resource');
  if (o.allNamespaces)
    return new BuilderError('a resource cannot be retrieved by name across all namespaces');
  const r = types[0]!;
  const result: BuildResult = { visits: [], errors: [], singleItemImplied: names.length === 1 };
  for (const name of names) {
    const v = getOne(r, name);
    if (v instanceof ApiError) result.errors.push(v);
    else result.visits.push(v);
  }
  return result;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go multipleGVKsRequested
/** Whether more than one kind was read (a list read counts even when empty: the server returned a Table). */
export function multipleKindsRequested(visits: readonly Visit[]): boolean {
  return new Set(visits.map((v) => v.resource.kind)).size > 1;
}
