// `kubectl cordon NODE`, `kubectl uncordon NODE` and `kubectl drain NODE`: mark nodes (un)schedulable, and
// drain = cordon + evict every pod the filters let go, waiting (in virtual time) until they are gone.
import { deepCopy, parseSelector, selectorMatches, type Node, type Stored } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagInt, flagString } from '../../command.ts';
import { dryRunFlag, parseGoDuration, selectorFlag } from '../../flags.ts';
import { updateOf, type CommandEnv, type Process } from '../../process.ts';
import { mappingFor, notFound } from '../../resource/builder.ts';
import {
  GoError,
  Output,
  errorString,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  usageErrorf,
  withDryRun,
  type DryRunStrategy,
  type KubectlError,
} from '../util/helpers.ts';
import { interruptedExitCode } from '../util/waiter.ts';
import { deleteOrEvictPods, getPodsForDeletion, type Helper } from './drain-helper.ts';
import { Scheduler, type Routine } from './tasks.ts';

const cordonFlags: FlagSpec[] = [selectorFlag, dryRunFlag];

const drainFlags: FlagSpec[] = [
  { name: 'force', type: 'bool', default: false },
  { name: 'ignore-daemonsets', type: 'bool', default: false },
  { name: 'delete-emptydir-data', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'pod-selector', type: 'string', default: '' },
  { name: 'disable-eviction', type: 'bool', default: false },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
  dryRunFlag,
  selectorFlag,
];

/** kubectl NewDrainCmdOptions: EvictErrorRetryDelay. */
const evictErrorRetryDelayMs = 5_000;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions
interface DrainCmdOptions {
  env: CommandEnv;
  out: Output;
  dryRun: DryRunStrategy;
  nodes: Stored<Node>[];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions.Complete
function complete(cmd: ParsedCommand, env: CommandEnv, out: Output): DrainCmdOptions | KubectlError {
  const use = `${cmd.path.join(' ')} NODE`;
  const cmdPath = `kubectl ${cmd.path.join(' ')}`;
  const selector = flagString(cmd, 'selector');
  if (cmd.args.length === 0 && !cmd.given.has('selector')) {
    return usageErrorf(cmdPath, `USAGE: ${use} [flags]`);
  }
  if (cmd.args.length > 0 && selector !== '') {
    return usageErrorf(cmdPath, 'error: cannot specify both a node name and a --selector option');
  }
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return dryRun;
  const podSelector = flagString(cmd, 'pod-selector');
  if (podSelector !== '' && parseSelector(podSelector)[1]) {
    return new GoError('--pod-selector=<pod_selector> must be a valid label selector');
  }
  const nodes = resourceNamesNodes(cmd, env, selector);
  if (!Array.isArray(nodes)) return nodes;
  return { env, out, dryRun, nodes };
}

/** The builder's ResourceNames("nodes", args...) (+ LabelSelectorParam): the nodes named or selected. */
function resourceNamesNodes(
  cmd: ParsedCommand,
  env: CommandEnv,
  selector: string,
): Stored<Node>[] | KubectlError {
  const api = env.cluster.api;
  if (selector !== '') {
    const [sel, err] = parseSelector(selector);
    if (err) return new GoError(`the provided selector "${selector}" is not valid: ${err}`);
    return api.list<Node>('Node').filter((n) => selectorMatches(sel, n.metadata.labels));
  }
  const nodes: Stored<Node>[] = [];
  for (const arg of cmd.args) {
    const slash = arg.indexOf('/');
    const mapping = mappingFor(slash >= 0 ? arg.slice(0, slash) : 'nodes');
    if (mapping instanceof GoError) return mapping;
    const name = slash >= 0 ? arg.slice(slash + 1) : arg;
    const obj = api.get<Node>(mapping.kind, mapping.namespaced ? cmd.namespace : undefined, name);
    if (!obj) return notFound(mapping, name);
    if (mapping.kind !== 'Node') {
      const gvr = `${mapping.group}/${mapping.version}, Resource=${mapping.resource}`;
      return new GoError(`error: expected resource of type node, got "${gvr}"`);
    }
    nodes.push(obj);
  }
  return nodes;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions.RunCordonOrUncordon
function runCordonOrUncordon(o: DrainCmdOptions, desired: boolean): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of o.nodes) {
    const name = node.metadata.name;
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/cordon.go CordonHelper.UpdateIfRequired
    if ((node.spec?.unschedulable ?? false) === desired) {
      o.out.out(
        nameLine('Node', '', name, withDryRun(desired ? 'already cordoned' : 'already uncordoned', o.dryRun)),
      );
      continue;
    }
    if (o.dryRun !== 'client') {
      // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/cordon.go CordonHelper.PatchOrReplaceWithContext
      const live = o.env.cluster.api.get<Node>('Node', undefined, name);
      const next = deepCopy(live ?? node);
      next.spec ??= {};
      if (desired) next.spec.unschedulable = true;
      else delete next.spec.unschedulable;
      const [, err] = o.env.cluster.api.update(next, { dryRun: o.dryRun === 'server' });
      if (err) {
        o.out.err(`error: unable to ${verb} node "${name}": ${errorString(err)}\n`);
        continue;
      }
    }
    o.out.out(nameLine('Node', '', name, withDryRun(desired ? 'cordoned' : 'uncordoned', o.dryRun)));
  }
}

function helperFor(cmd: ParsedCommand, o: DrainCmdOptions, scheduler: Scheduler): Helper {
  const timeout = parseGoDuration(flagString(cmd, 'timeout'));
  return {
    cluster: o.env.cluster,
    scheduler,
    out: o.out,
    force: flagBool(cmd, 'force'),
    gracePeriodSeconds: flagInt(cmd, 'grace-period'),
    ignoreAllDaemonSets: flagBool(cmd, 'ignore-daemonsets'),
    timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : 0,
    deleteEmptyDirData: flagBool(cmd, 'delete-emptydir-data'),
    podSelector: flagString(cmd, 'pod-selector'),
    disableEviction: flagBool(cmd, 'disable-eviction'),
    skipWaitForDeleteTimeoutSeconds: flagInt(cmd, 'skip-wait-for-delete-timeout'),
    evictErrorRetryDelayMs,
    dryRunStrategy: o.dryRun,
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions.onPodDeletedOrEvicted
    onPodDeletedOrEvicted: (pod, usingEviction) =>
      o.out.out(
        nameLine('Pod', '', pod.metadata.name, withDryRun(usingEviction ? 'evicted' : 'deleted', o.dryRun)),
      ),
  };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions.deleteOrEvictPodsSimple
function* deleteOrEvictPodsSimple(
  o: DrainCmdOptions,
  d: Helper,
  node: Stored<Node>,
): Routine<KubectlError | undefined> {
  const nodeName = node.metadata.name;
  const { list, errs } = getPodsForDeletion(d, nodeName);
  if (errs) return newAggregate(errs);
  const warnings = list!.warnings();
  if (warnings !== '') o.out.warn(warnings);
  if (o.dryRun === 'client') {
    for (const pod of list!.pods()) {
      o.out.out(`evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name} (dry run)\n`);
    }
    return undefined;
  }
  const err = yield* deleteOrEvictPods(d, list!.pods());
  if (err) {
    const pending = getPodsForDeletion(d, nodeName);
    const pods = pending.list?.pods() ?? [];
    if (pods.length > 0) {
      o.out.err(`There are pending pods in node "${nodeName}" when an error occurred: ${errorString(err)}\n`);
      for (const p of pods) o.out.err(`pod/${p.metadata.name}\n`);
    }
    if (pending.errs) {
      o.out.err(
        `Following errors occurred while getting the list of pods to delete:\n${errorString(newAggregate(pending.errs)!)}`,
      );
    }
    return err;
  }
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go DrainCmdOptions.RunDrain
function* runDrain(o: DrainCmdOptions, d: Helper): Routine<KubectlError | undefined> {
  runCordonOrUncordon(o, true);
  const fatal: KubectlError[] = [];
  const remainingNodes: string[] = [];
  for (const node of o.nodes) {
    const err = yield* deleteOrEvictPodsSimple(o, d, node);
    if (!err) {
      o.out.out(nameLine('Node', '', node.metadata.name, withDryRun('drained', o.dryRun)));
      continue;
    }
    o.out.err(
      `error: unable to drain node "${node.metadata.name}" due to error: ${errorString(err)}, continuing command...\n`,
    );
    fatal.push(err);
    remainingNodes.push(node.metadata.name);
  }
  if (remainingNodes.length > 0) {
    o.out.err('There are pending nodes to be drained:\n');
    for (const n of remainingNodes) o.out.err(` ${n}\n`);
  }
  return newAggregate(fatal);
}

function cordonCommand(desired: boolean): KubectlCommand {
  return {
    path: [desired ? 'cordon' : 'uncordon'],
    flags: cordonFlags,
    run(cmd, env) {
      const out = new Output();
      const o = complete(cmd, env, out);
      if (!('nodes' in o)) {
        out.fail(o);
        return out.finish();
      }
      runCordonOrUncordon(o, desired);
      env.cluster.settle();
      return out.finish();
    },
  };
}

/** A drain that runs on the virtual clock until its last pod is gone, or Ctrl-C / `timeout` stops it. */
function runDrainCommand(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const o = complete(cmd, env, out);
  if (!('nodes' in o)) {
    out.fail(o);
    return out.finish();
  }
  const scheduler = new Scheduler(env.cluster.clock);
  let exitCode: number | undefined;
  scheduler.go(runDrain(o, helperFor(cmd, o, scheduler)), (err) => {
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

export const cordonCommands = { cordon: cordonCommand(true), uncordon: cordonCommand(false) };
export const drainCommand: KubectlCommand = { path: ['drain'], flags: drainFlags, run: runDrainCommand };
