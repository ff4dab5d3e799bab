// `kubectl scale --replicas=N TYPE NAME | TYPE/NAME | -f FILE`: writes spec.replicas through the scale
// subresource of Deployments, ReplicaSets and StatefulSets. (`--timeout` is accepted; the command does not
// wait for the new size.)
import { ApiError, deepCopy, type Deployment } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagInt, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  dryRunFlag,
  filenameFlags,
  outputFlag,
  recordFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { build } from '../../resource/builder.ts';
import {
  GoError,
  Output,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  withDryRun,
  type KubectlError,
} from '../util/helpers.ts';
import { record } from '../util/invocation.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'all', type: 'bool', default: false },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'replicas', type: 'int', default: 0 },
  { name: 'resource-version', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '0s' },
  selectorFlag,
  dryRunFlag,
  outputFlag,
  recordFlag,
  showManagedFieldsFlag,
  templateFlag,
];

const scalable = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go ScaleOptions.RunScale
function runScale(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const replicas = flagInt(cmd, 'replicas');
  const currentReplicas = flagInt(cmd, 'current-replicas');
  if (replicas < 0)
    return fail(
      out,
      new GoError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'),
    );
  if (currentReplicas < -1)
    return fail(out, new GoError('The --current-replicas must specify an integer of -1 or greater'));
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: flagBool(cmd, 'all'),
    selector: flagString(cmd, 'selector'),
    latest: true,
    validation: 'Ignore',
  });
  if (r.err) return fail(out, r.err);
  const infoErr = newAggregate(r.visitErrors);
  const resourceVersion = flagString(cmd, 'resource-version');
  if (resourceVersion && r.infos.length > 1)
    return fail(out, new GoError('cannot use --resource-version with multiple resources'));
  if (r.infos.length === 0) return fail(out, infoErr ?? new GoError('no objects passed to scale'));
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    const live = env.cluster.api.get<Deployment>(info.mapping.kind, info.namespace || undefined, info.name);
    if (!scalable.has(info.mapping.kind) || !live) {
      return fail(out, new ApiError('NotFound', 404, 'the server could not find the requested resource'));
    }
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go ScalePrecondition.validate
    const size = live.spec?.replicas ?? 0;
    if (currentReplicas !== -1 && size !== currentReplicas) {
      return fail(out, new GoError(`Expected replicas to be ${currentReplicas}, was ${size}`));
    }
    if (resourceVersion && resourceVersion !== live.metadata.resourceVersion) {
      return fail(
        out,
        new GoError(
          `Expected resource version to be ${resourceVersion}, was ${live.metadata.resourceVersion}`,
        ),
      );
    }
    if (dryRun !== 'client') {
      const copy = record(deepCopy(live), flagBool(cmd, 'record'));
      (copy.spec ??= { selector: {}, template: {} }).replicas = replicas;
      const [, err] = env.cluster.api.update(copy, { dryRun: dryRun === 'server' });
      if (err) return fail(out, err);
    }
    out.out(
      nameLine(info.mapping.kind, info.mapping.group, info.name, short ? '' : withDryRun('scaled', dryRun)),
    );
  }
  env.cluster.settle();
  if (infoErr) out.fail(infoErr);
  return out.finish();
}

export const scaleCommand: KubectlCommand = { path: ['scale'], flags, run: runScale };
