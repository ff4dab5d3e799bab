// `sim`: the simulator's own verbs, for what a learner would do outside kubectl (create a cluster, power a
// node off or on). The UI's buttons run these same commands.
import { parseImageRef, type Cluster, type ClusterOptions } from '../../engine/index.ts';
import { doneJob, type Job } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';
import { unescape } from './printf.ts';

export const SIM_USAGE = `Usage:
  sim cluster create [--workers N] [--ready-after SECONDS] [--terminate-after SECONDS] [--seed N]
  sim node stop NAME
  sim node start NAME
  sim host alias NAME NODE
  sim image add IMAGE[:TAG] [--port N] [--response TEXT] [--size MB]
                    (TEXT is what curl gets; {pod} becomes the pod's name, \\n a newline)
`;

const fail = (msg: string): Job => doneJob('', `error: ${msg}\n`, 1);

interface FlagDef {
  name: string;
  integer: boolean;
  max: number;
}

const CREATE_FLAGS: FlagDef[] = [
  { name: 'workers', integer: true, max: 500 },
  { name: 'ready-after', integer: false, max: 86_400 },
  { name: 'terminate-after', integer: false, max: 86_400 },
  { name: 'seed', integer: true, max: 2 ** 31 - 1 },
];

function parseFlags(args: string[], defs: FlagDef[]): Map<string, number> | string {
  const values = new Map<string, number>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) return `unexpected argument "${a}"`;
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const def = defs.find((d) => d.name === name);
    if (!def) return `unknown flag: --${name}`;
    const raw = eq < 0 ? args[++i] : a.slice(eq + 1);
    if (raw === undefined) return `flag needs an argument: --${name}`;
    const n = Number(raw);
    const ok =
      raw.trim() !== '' &&
      Number.isFinite(n) &&
      n >= 0 &&
      n <= def.max &&
      (!def.integer || Number.isInteger(n));
    if (!ok) {
      const kind = def.integer ? 'an integer' : 'a number of seconds';
      return `invalid argument "${raw}" for "--${name}" flag: must be ${kind} between 0 and ${def.max}`;
    }
    values.set(name, n);
  }
  return values;
}

function nodeNames(cluster: Cluster): string[] {
  return cluster.api.list('Node').map((n) => n.metadata.name);
}

function clusterCreate(args: string[], ctx: CommandContext): Job {
  const flags = parseFlags(args, CREATE_FLAGS);
  if (typeof flags === 'string') return fail(flags);
  const options: ClusterOptions = {};
  if (flags.has('workers')) options.workers = flags.get('workers');
  if (flags.has('ready-after')) options.readyAfterSeconds = flags.get('ready-after');
  if (flags.has('terminate-after')) options.terminateAfterSeconds = flags.get('terminate-after');
  if (flags.has('seed')) options.seed = flags.get('seed');
  const cluster = ctx.session.replaceCluster(options);
  const workers = cluster.options.workers;
  const names = nodeNames(cluster);
  const controlPlane = cluster.options.controlPlaneName ?? 'control-plane';
  const others = names.filter((n) => n !== controlPlane);
  const list = others.length > 0 ? ` (${others.join(', ')})` : '';
  return doneJob(
    `Cluster created: 1 control-plane node (${controlPlane}) and ${workers} worker node${workers === 1 ? '' : 's'}${list}.\n`,
  );
}

type PowerMethod = 'stopNode' | 'startNode';

function nodePower(args: string[], ctx: CommandContext, method: PowerMethod, verb: string): Job {
  if (args.length !== 1)
    return fail(`sim node ${verb} takes exactly one node name\n\n${SIM_USAGE}`.trimEnd());
  const name = args[0]!;
  if (!ctx.cluster.api.get('Node', undefined, name)) return fail(`node "${name}" not found`);
  const fn = (ctx.cluster as unknown as Partial<Record<PowerMethod, (name: string) => unknown>>)[method];
  if (typeof fn !== 'function')
    return fail(`sim node ${verb} is not available yet: this cluster cannot power nodes off and on`);
  const err = fn.call(ctx.cluster, name);
  if (typeof err === 'string') return fail(err);
  ctx.cluster.settle();
  return doneJob(`node/${name} ${verb === 'stop' ? 'powered off' : 'powered on'}\n`);
}

/** `sim host alias NAME NODE`: NAME (e.g. the tutorial's `host01`) then resolves to that node for curl. */
function hostAlias(args: string[], ctx: CommandContext): Job {
  if (args.length !== 2)
    return fail(`sim host alias takes a host name and a node name\n\n${SIM_USAGE}`.trimEnd());
  const [alias, target] = args as [string, string];
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(alias)) return fail(`invalid host name "${alias}"`);
  const node = ctx.cluster.api
    .list('Node')
    .find(
      (n) =>
        n.metadata.name === target ||
        (n as { status?: { addresses?: { address: string }[] } }).status?.addresses?.some(
          (a) => a.address === target,
        ),
    );
  if (!node) return fail(`node "${target}" not found`);
  ctx.cluster.hostAliases.set(alias, node.metadata.name);
  return doneJob(`host ${alias} now resolves to node/${node.metadata.name}\n`);
}

const IMAGE_FLAGS: FlagDef[] = [
  { name: 'port', integer: true, max: 65_535 },
  { name: 'size', integer: false, max: 100_000 },
];

/** `sim image add IMAGE[:TAG]`: makes an image pullable, optionally serving HTTP on a port (`{pod}` expands). */
function imageAdd(args: string[], ctx: CommandContext): Job {
  const ref = args[0];
  if (ref === undefined || ref.startsWith('-'))
    return fail(`sim image add needs an image reference\n\n${SIM_USAGE}`.trimEnd());
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/.test(ref))
    return fail(`invalid reference format: "${ref}"`);
  const rest = args.slice(1);
  let response: string | undefined;
  const i = rest.findIndex((a) => a === '--response' || a.startsWith('--response='));
  if (i >= 0) {
    const a = rest[i]!;
    response = a === '--response' ? rest[i + 1] : a.slice('--response='.length);
    if (response === undefined) return fail('flag needs an argument: --response');
    rest.splice(i, a === '--response' ? 2 : 1);
  }
  const flags = parseFlags(rest, IMAGE_FLAGS);
  if (typeof flags === 'string') return fail(flags);
  const port = flags.get('port') ?? (response !== undefined ? 80 : undefined);
  const sizeBytes = Math.round((flags.get('size') ?? 10) * 1_000_000);
  const info: Parameters<Cluster['images']['add']>[1] = { sizeBytes, stopSeconds: 1 };
  if (port !== undefined) {
    info.port = port;
    info.httpResponse = response !== undefined ? unescape(response, { c: false }) : 'Hello from {pod}\n';
  }
  ctx.cluster.images.add(ref, info);
  const canonical = parseImageRef(ref).canonical;
  return doneJob(`image ${canonical} added${port !== undefined ? ` (serves HTTP on port ${port})` : ''}\n`);
}

function sim(args: string[], ctx: CommandContext): Job {
  const [group, verb, ...rest] = args;
  if (group === undefined || group === 'help' || group === '--help' || group === '-h')
    return doneJob(SIM_USAGE);
  if (group === 'cluster' && verb === 'create') return clusterCreate(rest, ctx);
  if (group === 'node' && verb === 'stop') return nodePower(rest, ctx, 'stopNode', 'stop');
  if (group === 'node' && verb === 'start') return nodePower(rest, ctx, 'startNode', 'start');
  if (group === 'host' && verb === 'alias') return hostAlias(rest, ctx);
  if (group === 'image' && verb === 'add') return imageAdd(rest, ctx);
  const what = verb === undefined || verb.startsWith('-') ? group : `${group} ${verb}`;
  return doneJob('', `error: unknown command "${what}" for "sim"\n\n${SIM_USAGE}`, 1);
}

export const simCommands: Record<string, CommandSpec> = { sim: { run: sim } };
