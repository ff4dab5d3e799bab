// `kubectl apply -f FILE`: client-side apply. Objects that do not exist are created with the
// last-applied-configuration annotation; existing ones get the three-way strategic merge patch of
// (last applied, file, live) — `unchanged` when that patch is empty, `configured` otherwise.
// `--server-side` is treated as client-side apply that prints `serverside-applied` (no field managers here).
import { ApiError, deepCopy, type KubeObject } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  goQuote,
  outputFlag,
  recordFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { build, type Info } from '../../resource/builder.ts';
import {
  checkFields,
  strictDecodingError,
  validationDirective,
  type ValidationDirective,
} from '../../resource/field-validation.ts';
import { applyStrategicPatch, createThreeWayMergePatch, goSprint } from '../../resource/strategic-merge.ts';
import {
  GoError,
  Output,
  addSourceToErr,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  usageErrorf,
  withDryRun,
  type DryRunStrategy,
  type KubectlError,
} from '../util/helpers.ts';
import { decodeForServer, goJSON, infoString, objectName } from '../util/objects.ts';
import { record } from '../util/invocation.ts';

export const lastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation
const warningNoLastApplied = (name: string) =>
  `Warning: resource ${name} is missing the ${lastAppliedConfigAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

export const validateFlag: FlagSpec = { name: 'validate', type: 'string', default: 'strict' };

const flags: FlagSpec[] = [
  ...filenameFlags,
  selectorFlag,
  { name: 'all', type: 'bool', default: false },
  { name: 'prune', type: 'bool', default: false },
  { name: 'prune-allowlist', type: 'stringArray', default: [] },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'openapi-patch', type: 'bool', default: true },
  validateFlag,
  dryRunFlag,
  outputFlag,
  recordFlag,
  { name: 'server-side', type: 'bool', default: false },
  { name: 'force-conflicts', type: 'bool', default: false },
  fieldManagerFlag('kubectl-client-side-apply'),
  { name: 'force', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'wait', type: 'bool', default: false },
  { name: 'cascade', type: 'string', default: 'background' },
  showManagedFieldsFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration
/** The configuration kubectl records: the object as given, without the annotation, as Go's JSON, plus "\n". */
export function modifiedConfiguration(obj: KubeObject): string {
  const copy = deepCopy(obj);
  const meta = (copy.metadata ??= {});
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[lastAppliedConfigAnnotation];
  meta.annotations = annotations;
  return `${goJSON(copy)}\n`;
}

/** The object with the last-applied annotation set to its own configuration (CreateApplyAnnotation). */
export function withApplyAnnotation<T extends KubeObject>(obj: T): T {
  const config = modifiedConfiguration(obj);
  const copy = deepCopy(obj);
  ((copy.metadata ??= {}).annotations ??= {})[lastAppliedConfigAnnotation] = config;
  return copy;
}

interface ApplyContext {
  env: CommandEnv;
  out: Output;
  dryRun: DryRunStrategy;
  directive: ValidationDirective;
  operationSuffix: (op: string) => string;
  shortOutput: boolean;
  serverSide: boolean;
  record: boolean;
}

function print(ctx: ApplyContext, info: Info, op: string): void {
  ctx.out.out(
    nameLine(
      info.mapping.kind,
      info.mapping.group,
      info.name,
      ctx.shortOutput ? '' : ctx.operationSuffix(op),
    ),
  );
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go ApplyOptions.applyOneObject
function applyOneObject(ctx: ApplyContext, info: Info): KubectlError | undefined {
  const { env, out } = ctx;
  const obj = record(info.object!, ctx.record);
  if (!info.name) {
    const generateName = obj.metadata?.generateName;
    if (generateName) return new GoError(`from ${generateName}: cannot use generate name with apply`);
    return addSourceToErr(
      `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`,
      info.source,
      new GoError('resource name may not be empty'),
    );
  }
  const kind = info.mapping.kind;
  const live = env.cluster.api.get(kind, info.namespace || undefined, info.name);
  if (!live) {
    const toCreate = withApplyAnnotation(obj);
    if (ctx.dryRun !== 'client') {
      const decoded = decodeForServer(toCreate, ctx.directive, out);
      if (decoded instanceof ApiError) return addSourceToErr('creating', info.source, decoded);
      const [, err] = env.cluster.api.create(decoded, { dryRun: ctx.dryRun === 'server' });
      if (err) return addSourceToErr('creating', info.source, err);
    }
    print(ctx, info, ctx.serverSide ? 'serverside-applied' : 'created');
    return undefined;
  }
  if (ctx.dryRun === 'client') {
    print(ctx, info, ctx.serverSide ? 'serverside-applied' : 'configured');
    return undefined;
  }
  const liveAnnotation = live.metadata.annotations?.[lastAppliedConfigAnnotation];
  if (liveAnnotation === undefined && !ctx.serverSide) out.err(warningNoLastApplied(objectName(info)));
  const modified = JSON.parse(JSON.stringify(withApplyAnnotation(obj))) as Record<string, unknown>;
  let original: Record<string, unknown> | undefined;
  if (liveAnnotation) {
    try {
      original = JSON.parse(liveAnnotation) as Record<string, unknown>;
    } catch {
      original = undefined;
    }
  }
  const current = JSON.parse(JSON.stringify(live)) as Record<string, unknown>;
  const patch = createThreeWayMergePatch(kind, original, modified, current);
  if (Object.keys(patch).length === 0) {
    print(ctx, info, ctx.serverSide ? 'serverside-applied' : 'unchanged');
    return undefined;
  }
  const patched = applyStrategicPatch(kind, current, patch);
  const patchFail = (err: KubectlError) =>
    addSourceToErr(
      `applying patch:\n${goJSON(patch)}\nto:\n${infoString(info)}\nfor:`,
      info.source,
      addSourceToErr('patching', info.source, err),
    );
  const { unknown, typeError } = checkFields(kind, patched);
  let toUpdate: KubeObject = patched;
  if (typeError || unknown.length > 0) {
    if (typeError || ctx.directive === 'Strict') {
      // Models kubernetes/staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go applyPatchToObject
      return patchFail(
        new ApiError('Invalid', 422, '', {
          kind: '',
          name: '',
          causes: [
            {
              type: 'Invalid',
              field: 'patch',
              value: goQuote(goSprint(patch)),
              detail: typeError ?? strictDecodingError(unknown),
            },
          ],
        }),
      );
    }
    const decoded = decodeForServer(toUpdate, ctx.directive, out);
    if (!(decoded instanceof ApiError)) toUpdate = decoded;
  }
  const [, err] = env.cluster.api.update(toUpdate, { dryRun: ctx.dryRun === 'server' });
  if (err) return patchFail(err);
  print(ctx, info, ctx.serverSide ? 'serverside-applied' : 'configured');
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go ApplyOptions.Run
function runApply(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const serverSide = flagBool(cmd, 'server-side');
  if (flagBool(cmd, 'force-conflicts') && !serverSide)
    return fail(out, new GoError('--force-conflicts only works with --server-side'));
  if (dryRun === 'client' && serverSide) {
    return fail(
      out,
      new GoError(
        "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
      ),
    );
  }
  const filenames = flagStrings(cmd, 'filename');
  if (filenames.length === 0 && !flagString(cmd, 'kustomize'))
    return fail(out, new GoError('must specify one of -f and -k'));
  const directive = validationDirective(flagString(cmd, 'validate'));
  if (typeof directive !== 'string') return fail(out, new GoError(directive.error));
  if (cmd.args.length > 0)
    return fail(out, usageErrorf('kubectl apply', `Unexpected args: [${cmd.args.join(' ')}]`));
  if (flagBool(cmd, 'all') && flagString(cmd, 'selector'))
    return fail(out, new GoError('cannot set --all and --selector at the same time'));
  const output = flagString(cmd, 'output');
  const ctx: ApplyContext = {
    env,
    out,
    dryRun,
    directive,
    operationSuffix: (op) => withDryRun(op, dryRun),
    shortOutput: output === 'name',
    serverSide,
    record: flagBool(cmd, 'record'),
  };
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames,
    selector: flagString(cmd, 'selector'),
    validation: directive,
  });
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [];
  const visitErr = newAggregate(r.visitErrors);
  if (visitErr) errs.push(visitErr);
  if (r.infos.length === 0 && errs.length === 0) return fail(out, new GoError('no objects passed to apply'));
  for (const info of r.infos) {
    const err = applyOneObject(ctx, info);
    if (err) errs.push(err);
  }
  env.cluster.settle();
  if (errs.length === 1) out.fail(errs[0]);
  else out.fail(newAggregate(errs));
  return out.finish();
}

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

export const applyCommand: KubectlCommand = {
  path: ['apply'],
  flags,
  run: runApply,
};
