// `kubectl delete`: by TYPE NAME, TYPE/NAME, -f FILE, -l SELECTOR or --all. Prints one line per object
// (`pod "web-0" deleted from default namespace`, as since v1.34), then waits (`--wait`, the default) until
// the deleted objects are really gone, e.g. until a pod has terminated.
// `--cascade=orphan` is done here by removing the owner references before the delete (upstream the garbage
// collector's orphan finalizer does it); `foreground` behaves as `background`.
import { deepCopy, resources, type KubeObject, type Stored } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagInt, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { dryRunFlag, filenameFlags, outputFlag, parseGoDuration, selectorFlag } from '../../flags.ts';
import { build, type Info } from '../../resource/builder.ts';
import {
  GoError,
  Output,
  addSourceToErr,
  getDryRunStrategy,
  newAggregate,
  type KubectlError,
} from '../util/helpers.ts';
import { waiter } from '../util/waiter.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'force', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'interactive', short: 'i', type: 'bool', default: false },
  { name: 'now', type: 'bool', default: false },
  outputFlag,
  { name: 'raw', type: 'string', default: '' },
  selectorFlag,
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'wait', type: 'bool', default: true },
  dryRunFlag,
];

type Cascade = 'background' | 'foreground' | 'orphan';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetCascadingStrategy
function cascadingStrategy(v: string): Cascade | GoError {
  switch (v) {
    case 'background':
    case 'true':
      return 'background';
    case 'foreground':
      return 'foreground';
    case 'orphan':
    case 'false':
      return 'orphan';
    default:
      return new GoError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

function orphanDependents(env: CommandEnv, obj: Stored<KubeObject>): void {
  // Every kind's dependents (a StatefulSet's pods and ControllerRevisions, a Deployment's ReplicaSets, ...).
  for (const { kind } of resources) {
    for (const dep of env.cluster.api.listOwnedBy(kind, obj.metadata.uid)) {
      const copy = deepCopy(dep);
      copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== obj.metadata.uid,
      );
      env.cluster.api.update(copy);
    }
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go DeleteOptions.RunDelete
function runDelete(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  let gracePeriod = flagInt(cmd, 'grace-period');
  const force = flagBool(cmd, 'force');
  const all = flagBool(cmd, 'all');
  const selector = flagString(cmd, 'selector');
  let ignoreNotFound = flagBool(cmd, 'ignore-not-found');
  if ((all || selector || flagString(cmd, 'field-selector')) && !cmd.given.has('ignore-not-found'))
    ignoreNotFound = true;
  if (flagBool(cmd, 'now')) {
    if (gracePeriod !== -1)
      return fail(out, new GoError('--now and --grace-period cannot be specified together'));
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const cascade = cascadingStrategy(flagString(cmd, 'cascade'));
  if (cascade instanceof GoError) return fail(out, cascade);
  const timeout = parseGoDuration(flagString(cmd, 'timeout'));
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    allNamespaces: cmd.allNamespaces,
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: false,
    selector,
    selectAll: all,
    requireObject: false,
    validation: 'Ignore',
  });
  // Validate
  const output = flagString(cmd, 'output');
  if (output !== '' && output !== 'name')
    return fail(out, new GoError(`unexpected -o output mode: ${output}. We only support '-o name'`));
  if (all && selector) return fail(out, new GoError('cannot set --all and --selector at the same time'));
  if (gracePeriod === 0 && force) {
    out.warn(
      'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  } else if (gracePeriod > 0 && force) {
    return fail(out, new GoError('--force and --grace-period greater than 0 cannot be specified together'));
  }
  if (r.err) return fail(out, r.err);

  const errs: KubectlError[] = [];
  for (const e of r.visitErrors)
    if (!(ignoreNotFound && 'reason' in e && e.reason === 'NotFound')) errs.push(e);
  const deleted: { info: Info; uid: string }[] = [];
  let warnClusterScope = cmd.given.has('namespace') && !cmd.allNamespaces;
  for (const info of r.infos) {
    if (warnClusterScope && !info.mapping.namespaced) {
      out.warn('deleting cluster-scoped resources, not scoped to the provided namespace');
      warnClusterScope = false;
    }
    const ns = info.namespace || undefined;
    if (dryRun !== 'client') {
      const live = env.cluster.api.get(info.mapping.kind, ns, info.name);
      if (live && cascade === 'orphan' && dryRun === 'none') orphanDependents(env, live);
      const [gone, err] = env.cluster.api.delete(info.mapping.kind, ns, info.name, {
        dryRun: dryRun === 'server',
        ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
      });
      if (err) {
        if (!(ignoreNotFound && err.reason === 'NotFound'))
          errs.push(addSourceToErr('deleting', info.source, err));
        continue;
      }
      deleted.push({ info, uid: gone.metadata.uid });
    } else {
      deleted.push({ info, uid: '' });
    }
    out.out(
      printObj(
        info,
        gracePeriod,
        dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '',
        output,
      ),
    );
  }
  env.cluster.settle();
  const err = newAggregate(errs);
  if (err) return fail(out, err);
  if (deleted.length === 0) {
    out.out('No resources found\n');
    return out.finish();
  }
  if (!flagBool(cmd, 'wait') || dryRun !== 'none') return out.finish();
  const gone = (d: { info: Info; uid: string }) =>
    env.cluster.api.get(d.info.mapping.kind, d.info.namespace || undefined, d.info.name)?.metadata.uid !==
    d.uid;
  return waiter({
    cluster: env.cluster,
    stdout: out.stdout,
    stderr: out.stderr,
    check: () => (deleted.every(gone) ? { exitCode: 0 } : {}),
    // A zero timeout means "a week" upstream; only an explicit one arms a clock timer.
    timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : 168 * 3600 * 1000,
    wakeOnTimeout: typeof timeout === 'number' && timeout > 0,
    onTimeout: () => {
      const left = deleted.find((d) => !gone(d))!;
      const res = `${left.info.mapping.resource}${left.info.mapping.group ? `.${left.info.mapping.group}` : ''}`;
      return {
        stderr: `error: timed out waiting for the condition on ${res}/${left.info.name}\n`,
        exitCode: 1,
      };
    },
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go DeleteOptions.PrintObj
function printObj(info: Info, gracePeriod: number, dryRunSuffix: string, output: string): string {
  const kindString = info.mapping.group
    ? `${info.mapping.kind.toLowerCase()}.${info.mapping.group}`
    : info.mapping.kind.toLowerCase();
  if (output === 'name') return `${kindString}/${info.name}\n`;
  let operation = gracePeriod === 0 ? 'force deleted' : 'deleted';
  if (info.mapping.namespaced) operation = `${operation} from ${info.namespace} namespace`;
  return `${kindString} "${info.name}" ${operation}${dryRunSuffix}\n`;
}

export const deleteCommand: KubectlCommand = { path: ['delete'], flags, run: runDelete };
