// `kubectl rolling-update OLD (NEW --image=IMAGE | -f NEW_RC)`: the ReplicationController rolling update of
// kubectl ≤ 1.17 (deprecated since 1.11, hidden since 1.15, removed in 1.18), ported from its last release.
// It runs on the virtual clock like drain: the update is a goroutine that sleeps between steps.
import { ApiError, deepCopy, type ResourceInfo } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import { allowMissingTemplateKeysFlag, outputFlag, parseGoDuration, templateFlag } from '../../flags.ts';
import { updateOf, type CommandEnv, type Process } from '../../process.ts';
import { build } from '../../resource/builder.ts';
import { PrinterError } from '../../printers/errors.ts';
import { GoError, Output, newAggregate, usageErrorf, type KubectlError } from '../util/helpers.ts';
import { printerFor } from '../util/printing.ts';
import { interruptedExitCode } from '../util/waiter.ts';
import { Scheduler, type Routine } from '../drain/tasks.ts';
import { hashObject } from './hash.ts';
import {
  RollingUpdater,
  abortRollingUpdate,
  createNewControllerFromCurrentController,
  findSourceController,
  getNextControllerAnnotation,
  getRc,
  isError,
  loadExistingNextReplicationController,
  rename,
  updateExistingReplicationController,
  type NewControllerConfig,
  type RC,
  type RollingUpdaterConfig,
} from './rolling-updater.ts';

const cmdPath = 'kubectl rolling-update';

/** cobra prints this on stderr before running a command marked Deprecated. */
export const deprecationNotice = 'Command "rolling-update" is deprecated, use "rollout" instead\n';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go updatePeriod, timeout, pollInterval
const updatePeriod = '1m0s';
const timeout = '5m0s';
const timeoutMs = 5 * 60_000;
const pollInterval = '3s';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go NewCmdRollingUpdate (flags)
const flags: FlagSpec[] = [
  outputFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
  { name: 'update-period', type: 'string', default: updatePeriod },
  { name: 'poll-interval', type: 'string', default: pollInterval },
  { name: 'timeout', type: 'string', default: timeout },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'image', type: 'string', default: '' },
  { name: 'deployment-label-key', type: 'string', default: 'deployment' },
  { name: 'container', type: 'string', default: '' },
  { name: 'image-pull-policy', type: 'string', default: '' },
  { name: 'rollback', type: 'bool', default: false },
  // kubectl 1.17's --dry-run was a plain bool (1.18 made it none|client|server).
  { name: 'dry-run', type: 'bool', default: false },
  { name: 'validate', type: 'bool', default: true },
];

/** Flags holding Go durations, for the dispatcher's pflag check. */
export const rollingUpdateDurations = ['update-period', 'poll-interval', 'timeout'] as const;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go validateArguments
export function validateArguments(
  deploymentKey: string,
  image: string,
  rollback: boolean,
  filenames: readonly string[],
  args: readonly string[],
): KubectlError | undefined {
  const errors: KubectlError[] = [];
  if (deploymentKey === '') errors.push(usageErrorf(cmdPath, '--deployment-label-key can not be empty'));
  if (filenames.length > 1) {
    errors.push(usageErrorf(cmdPath, 'May only specify a single filename for new controller'));
  }
  if (!rollback) {
    if (filenames.length === 0 && image === '') {
      errors.push(usageErrorf(cmdPath, 'Must specify --filename or --image for new controller'));
    } else if (filenames.length !== 0 && image !== '') {
      errors.push(usageErrorf(cmdPath, '--filename and --image can not both be specified'));
    }
  } else if (filenames.length !== 0 || image !== '') {
    errors.push(usageErrorf(cmdPath, "Don't specify --filename or --image on rollback"));
  }
  if (args.length < 1) errors.push(usageErrorf(cmdPath, 'Must specify the controller to update'));
  return newAggregate(errors);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go findNewName
export function findNewName(args: readonly string[], oldRc: RC | undefined): string {
  if (args.length >= 2) return args[1]!;
  if (oldRc) return getNextControllerAnnotation(oldRc) ?? '';
  return '';
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go RollingUpdateOptions
interface RollingUpdateOptions {
  cmd: ParsedCommand;
  env: CommandEnv;
  out: Output;
  filenames: string[];
  args: string[];
  oldName: string;
  keepOldName: boolean;
  deploymentKey: string;
  image: string;
  container: string;
  pullPolicy: string;
  rollback: boolean;
  periodMs: number;
  intervalMs: number;
  dryRun: boolean;
  outputFormat: string;
  namespace: string;
  enforceNamespace: boolean;
  shouldValidate: boolean;
}

function durationMs(cmd: ParsedCommand, name: string, def: string): number {
  const d = parseGoDuration(flagString(cmd, name) || def);
  return typeof d === 'number' ? d : 0;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go RollingUpdateOptions.Complete
function complete(cmd: ParsedCommand, env: CommandEnv, out: Output): RollingUpdateOptions {
  return {
    cmd,
    env,
    out,
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    oldName: cmd.args[0] ?? '',
    keepOldName: cmd.args.length === 1,
    deploymentKey: flagString(cmd, 'deployment-label-key'),
    image: flagString(cmd, 'image'),
    container: flagString(cmd, 'container'),
    pullPolicy: flagString(cmd, 'image-pull-policy'),
    rollback: flagBool(cmd, 'rollback'),
    periodMs: durationMs(cmd, 'update-period', updatePeriod),
    intervalMs: durationMs(cmd, 'poll-interval', pollInterval),
    dryRun: flagBool(cmd, 'dry-run'),
    outputFormat: flagString(cmd, 'output'),
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    shouldValidate: flagBool(cmd, 'validate'),
  };
}

/** GroupVersionKind.String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
function gvkString(m: ResourceInfo): string {
  return `${m.group}/${m.version}, Kind=${m.kind}`;
}

/** Prints `obj` through the PrintFlags printer (`replicationcontroller/x rolling updated`, or -o). */
function printObj(o: RollingUpdateOptions, obj: RC, operation: string): string | KubectlError {
  const printer = printerFor(o.cmd, o.env, o.dryRun ? 'client' : 'none');
  if (printer instanceof GoError) return printer;
  try {
    return printer(obj, operation);
  } catch (e) {
    if (e instanceof PrinterError) return new GoError(e.message);
    throw e;
  }
}

/** The new controller read from `-f`: a ReplicationController, and whether it left replicas unset. */
function readNewController(o: RollingUpdateOptions, filename: string): [RC, boolean] | KubectlError {
  const r = build(o.env, {
    namespace: o.namespace,
    enforceNamespace: o.enforceNamespace,
    filenames: [filename],
    validation: o.shouldValidate ? 'Strict' : 'Ignore',
  });
  if (r.err) return r.err;
  const infoErr = newAggregate(r.visitErrors);
  if (infoErr) return infoErr;
  if (r.infos.length > 1) return new GoError(`${filename} specifies multiple items`);
  const info = r.infos[0];
  if (!info) return new GoError(`please make sure ${filename} exists and is not empty`);
  if (info.mapping.kind !== 'ReplicationController' || info.mapping.group !== '') {
    return new GoError(`${filename} contains a ${gvkString(info.mapping)} not a ReplicationController`);
  }
  const rc = deepCopy(info.object ?? {}) as RC;
  return [rc, rc.spec?.replicas === undefined];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go RollingUpdateOptions.Run
function* run(o: RollingUpdateOptions): Routine<KubectlError | undefined> {
  const api = o.env.cluster.api;
  const clock = o.env.cluster.clock;
  const filename = o.filenames[0] ?? '';
  let newRc: RC | undefined;
  const fetched = getRc(api, o.namespace, o.oldName);
  if (isError(fetched)) {
    if (!(fetched instanceof ApiError && fetched.reason === 'NotFound') || !o.image || !o.keepOldName) {
      return fetched;
    }
    // The previous run stopped between deleting the old controller and renaming the new one.
    const source = findSourceController(api, o.namespace, o.oldName);
    if (isError(source)) return source;
    return yield* rename(api, clock, source, o.oldName);
  }
  let oldRc = fetched;
  let replicasDefaulted = false;
  if (filename) {
    const read = readNewController(o, filename);
    if (isError(read)) return read;
    [newRc, replicasDefaulted] = read;
  }
  if (o.image) {
    const newName = findNewName(o.args, oldRc);
    const existing = loadExistingNextReplicationController(api, o.namespace, newName);
    if (isError(existing)) return existing;
    if (existing) {
      newRc = existing;
      const inProgressImage = existing.spec?.template?.spec?.containers[0]?.image ?? '';
      if (inProgressImage !== o.image) {
        return new GoError(
          `Found existing in-progress update to image (${inProgressImage}).\nEither continue in-progress update with --image=${inProgressImage} or rollback with --rollback`,
        );
      }
      o.out.out(`Found existing update in progress (${existing.metadata?.name ?? ''}), resuming.\n`);
    } else {
      const config: NewControllerConfig = {
        namespace: o.namespace,
        oldName: o.oldName,
        newName,
        image: o.image,
        container: o.container,
        deploymentKey: o.deploymentKey,
        pullPolicy: '',
      };
      if (oldRc.spec?.template?.spec?.containers[0]?.image === o.image) {
        if (!o.pullPolicy) {
          return new GoError(
            '--image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image',
          );
        }
        config.pullPolicy = o.pullPolicy;
      }
      const created = createNewControllerFromCurrentController(api, config);
      if (isError(created)) return created;
      newRc = created;
    }
    const oldHash = `${hashObject(oldRc)}-orig`;
    const updated = updateExistingReplicationController(
      api,
      oldRc,
      o.namespace,
      newRc.metadata?.name ?? '',
      o.deploymentKey,
      oldHash,
    );
    if (isError(updated)) return updated;
    oldRc = updated;
  }
  if (o.rollback) {
    const newName = findNewName(o.args, oldRc);
    const existing = loadExistingNextReplicationController(api, o.namespace, newName);
    if (isError(existing)) return existing;
    if (!existing) return new GoError(`Could not find ${newName} to rollback.\n`);
    newRc = existing;
  }
  if (!newRc) return undefined;
  if (o.oldName === newRc.metadata?.name) {
    return new GoError(
      `${filename} cannot have the same name as the existing ReplicationController ${o.oldName}`,
    );
  }
  const updater = new RollingUpdater(newRc.metadata?.namespace ?? '', api, clock);
  const newSelector = newRc.spec?.selector ?? {};
  const hasLabel = Object.entries(oldRc.spec?.selector ?? {}).some(
    ([key, oldValue]) => key in newSelector && newSelector[key] !== oldValue,
  );
  if (!hasLabel) {
    return new GoError(
      `${filename} must specify a matching key with non-equal value in Selector for ${o.oldName}`,
    );
  }
  if (replicasDefaulted) (newRc.spec ??= {}).replicas = oldRc.spec?.replicas;
  if (o.dryRun) {
    let oldRcData: string;
    let newRcData: string;
    if (o.outputFormat === '') {
      oldRcData = oldRc.metadata?.name ?? '';
      newRcData = newRc.metadata?.name ?? '';
    } else {
      const oldText = printObj(o, oldRc, 'rolling updated');
      if (isError(oldText)) return oldText;
      const newText = printObj(o, newRc, 'rolling updated');
      if (isError(newText)) return newText;
      oldRcData = oldText;
      newRcData = newText;
    }
    o.out.out(`Rolling from:\n${oldRcData}\nTo:\n${newRcData}\n`);
    return undefined;
  }
  const config: RollingUpdaterConfig = {
    out: (text) => o.out.out(text),
    oldRc,
    newRc,
    updatePeriodMs: o.periodMs,
    intervalMs: o.intervalMs,
    // Upstream passes the 5-minute constant here, not --timeout (which nothing else reads either).
    timeoutMs,
    minReadySeconds: 0,
    cleanupPolicy: o.keepOldName ? 'Rename' : 'Delete',
    maxUnavailable: 0,
    maxSurge: 1,
  };
  if (o.rollback) {
    const err = abortRollingUpdate(config);
    if (err) return err;
    api.update(config.newRc);
  }
  const err = yield* updater.update(config);
  if (err) return err;
  let message = 'rolling updated';
  const meta = (newRc.metadata ??= {});
  if (o.keepOldName) meta.name = o.oldName;
  else message = `rolling updated to ${JSON.stringify(meta.name ?? '')}`;
  const final = getRc(api, o.namespace, meta.name ?? '');
  if (isError(final)) return final;
  const text = printObj(o, final, message);
  if (isError(text)) return text;
  o.out.out(text);
  return undefined;
}

function runRollingUpdate(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  out.err(deprecationNotice);
  const o = complete(cmd, env, out);
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rollingupdate.go RollingUpdateOptions.Validate
  const invalid = validateArguments(o.deploymentKey, o.image, o.rollback, o.filenames, o.args);
  if (invalid) {
    out.fail(invalid);
    return out.finish();
  }
  const scheduler = new Scheduler(env.cluster.clock);
  let exitCode: number | undefined;
  scheduler.go(run(o), (err) => {
    out.fail(err);
    exitCode = out.exitCode;
  });
  env.cluster.settle();
  const take = () => updateOf(out.take(), exitCode !== undefined, exitCode ?? 0);
  return {
    poll: take,
    interrupt() {
      if (exitCode === undefined) {
        scheduler.stop();
        exitCode = interruptedExitCode;
      }
      return take();
    },
  };
}

export const rollingUpdateCommand: KubectlCommand = {
  path: ['rolling-update'],
  flags,
  run: runRollingUpdate,
};
