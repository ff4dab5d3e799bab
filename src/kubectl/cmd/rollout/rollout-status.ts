// `kubectl rollout status TYPE/NAME`: watches the object and prints a status line for every watch event
// (the initial list counts as one) until the rollout is done, fails, or `--timeout` passes.
import { deepCopy, type KubeObject, type WatchEvent } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagInt, flagString } from '../../command.ts';
import { finished, type CommandEnv, type Process } from '../../process.ts';
import { parseGoDuration } from '../../flags.ts';
import { statusViewerFor } from '../../polymorphichelpers/rollout-status.ts';
import { GoError, Output, checkErr, newAggregate, type KubectlError } from '../util/helpers.ts';
import { waiter, type WaitStep } from '../util/waiter.ts';
import { requireResource, rolloutBuild, rolloutFilenameFlags } from './common.ts';

const flags: FlagSpec[] = [
  ...rolloutFilenameFlags,
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'timeout', type: 'string', default: '0s' },
];

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go RolloutStatusOptions.Run
function runStatus(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const missing = requireResource(cmd);
  if (missing) return fail(out, missing);
  const revision = flagInt(cmd, 'revision');
  if (revision < 0) return fail(out, new GoError(`revision must be a positive integer: ${revision}`));
  const r = rolloutBuild(cmd, env, { single: true });
  if (r.err) return fail(out, r.err);
  const infoErr = newAggregate(r.visitErrors);
  if (infoErr) return fail(out, infoErr);
  if (r.infos.length !== 1) {
    return fail(
      out,
      new GoError(
        `rollout status is only supported on individual resources and resource collections - ${r.infos.length} resources were found`,
      ),
    );
  }
  const info = r.infos[0]!;
  const viewer = statusViewerFor(info.mapping.kind, info.mapping.group);
  if (viewer instanceof GoError) return fail(out, viewer);
  const watch = flagBool(cmd, 'watch');
  const timeout = parseGoDuration(flagString(cmd, 'timeout'));

  // One step per watch event, as watchtools.UntilWithSync calls the condition.
  const onEvent = (type: WatchEvent['type'], obj: KubeObject): WaitStep => {
    if (type === 'DELETED') return { stderr: checkErr(new GoError('object has been deleted')), exitCode: 1 };
    const s = viewer(obj, revision);
    if (s instanceof GoError) return { stderr: checkErr(s), exitCode: 1 };
    if (s.done || !watch) return { stdout: s.status, exitCode: 0 };
    return { stdout: s.status };
  };
  const first = onEvent('ADDED', info.object!);
  if (first.exitCode !== undefined) return finished(first.stdout ?? '', first.stderr ?? '', first.exitCode);

  let pending: WaitStep = {};
  let over = false;
  const unwatch = env.cluster.api.watch(info.mapping.kind, (e) => {
    if (
      over ||
      e.object.metadata.name !== info.name ||
      (e.object.metadata.namespace ?? '') !== info.namespace
    )
      return;
    const step = onEvent(e.type, deepCopy(e.object));
    pending = {
      stdout: (pending.stdout ?? '') + (step.stdout ?? ''),
      stderr: (pending.stderr ?? '') + (step.stderr ?? ''),
      ...(step.exitCode !== undefined ? { exitCode: step.exitCode } : {}),
    };
    if (step.exitCode !== undefined) over = true;
  });
  return waiter({
    cluster: env.cluster,
    stdout: first.stdout ?? '',
    stderr: '',
    check: () => {
      const step = pending;
      pending = {};
      return step;
    },
    ...(typeof timeout === 'number' && timeout > 0 ? { timeoutMs: timeout } : {}),
    onTimeout: () => ({ stderr: checkErr(new GoError('timed out waiting for the condition')), exitCode: 1 }),
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go (interrupt.New(nil, cancel))
    interruptExitCode: 1,
    cleanup: () => {
      over = true;
      unwatch();
    },
  });
}

export const rolloutStatusCommand: KubectlCommand = { path: ['rollout', 'status'], flags, run: runStatus };
