// `sleep` and `timeout`, on the cluster's virtual clock. Each sets a no-op timer at its deadline so that a
// driver stepping from timer to timer (the transcript CLI) lands exactly on it even when the cluster is idle.
import type { Cluster } from '../../engine/index.ts';
import { doneJob, INTERRUPTED, type Job, type JobUpdate } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

// Models coreutils src/sleep.c apply_suffix (and xstrtod): a decimal number with an optional s/m/h/d suffix.
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2]!]!);
}

function usage(cmd: string, msg: string, code: number): Job {
  return doneJob('', `${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`, code);
}

/** A timer on the cluster clock; `due()` once virtual time reaches it. */
function virtualTimer(cluster: Cluster, ms: number) {
  const deadline = cluster.now() + ms;
  const id = cluster.clock.setTimeout(() => {}, ms);
  return {
    due: () => cluster.now() >= deadline,
    cancel: () => cluster.clock.clearTimeout(id),
  };
}

// Models coreutils src/sleep.c main: every operand is a duration and they add up.
function sleep(args: string[], ctx: CommandContext): Job {
  if (args.length === 0) return usage('sleep', 'missing operand', 1);
  let ms = 0;
  for (const a of args) {
    const d = parseDuration(a);
    if (d === undefined) return usage('sleep', `invalid time interval '${a}'`, 1);
    ms += d;
  }
  if (ms === 0) return doneJob('');
  const timer = virtualTimer(ctx.cluster, ms);
  let result: JobUpdate | undefined;
  const finish = (exitCode: number): JobUpdate => {
    result = { chunks: [], done: true, exitCode };
    return result;
  };
  return {
    poll: () => result ?? (timer.due() ? finish(0) : { chunks: [], done: false, exitCode: 0 }),
    interrupt: () => {
      if (result) return { ...result, chunks: [] };
      timer.cancel();
      return finish(INTERRUPTED);
    },
  };
}

/** Exit status of a command killed by SIGTERM, reported by `timeout --preserve-status`. */
const TERMINATED = 143;

// Models coreutils src/timeout.c main: run COMMAND, send it TERM after DURATION, exit 124 if that happened.
function timeout(args: string[], ctx: CommandContext): Job {
  let preserve = false;
  let verbose = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--preserve-status') preserve = true;
    else if (a === '--foreground') continue;
    else if (a === '-v' || a === '--verbose') verbose = true;
    else if (a === '-s' || a === '-k') i++;
    else if (/^--(signal|kill-after)=/.test(a) || /^-[sk]./.test(a)) continue;
    else if (a.startsWith('--')) return usage('timeout', `unrecognized option '${a}'`, 125);
    else return usage('timeout', `invalid option -- '${a.slice(1, 2)}'`, 125);
  }
  const [duration, ...command] = args.slice(i);
  if (duration === undefined || command.length === 0) return usage('timeout', 'missing operand', 125);
  const ms = parseDuration(duration);
  if (ms === undefined) return usage('timeout', `invalid time interval '${duration}'`, 125);
  const child = ctx.spawn(command, ctx.stdin);
  if (!child) {
    return doneJob('', `timeout: failed to run command '${command[0]}': No such file or directory\n`, 127);
  }
  if (ms === 0) return child;
  const timer = virtualTimer(ctx.cluster, ms);
  let result: JobUpdate | undefined;
  const finish = (u: JobUpdate, exitCode: number): JobUpdate => {
    timer.cancel();
    result = { chunks: [], done: true, exitCode };
    return { chunks: u.chunks, done: true, exitCode };
  };
  return {
    poll: () => {
      if (result) return result;
      const u = child.poll();
      if (u.done) return finish(u, u.exitCode);
      if (!timer.due()) return u;
      const last = child.interrupt();
      const note = verbose
        ? [{ fd: 2 as const, text: `timeout: sending signal TERM to command '${command[0]}'\n` }]
        : [];
      return finish({ ...last, chunks: [...u.chunks, ...note, ...last.chunks] }, preserve ? TERMINATED : 124);
    },
    interrupt: () => {
      if (result) return result;
      return finish(child.interrupt(), INTERRUPTED);
    },
  };
}

export const timeCommands: Record<string, CommandSpec> = {
  sleep: { run: sleep },
  timeout: { run: timeout },
};
