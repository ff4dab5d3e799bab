// `xargs` (GNU findutils): builds command lines from its input and runs them one after another, each for as long
// as it takes (`… | xargs -n1 kubectl rollout status` blocks on virtual time like the command itself).
import { chunksOf, doneJob, type Chunk, type Job, type JobUpdate } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';

function usageError(msg: string): Job {
  return doneJob('', `xargs: ${msg}\nTry 'xargs --help' for more information.\n`, 1);
}

// Models findutils xargs/xargs.c read_line: blanks and newlines separate items; quotes and backslash group.
function splitItems(text: string): string[] | string {
  const items: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) items.push(cur);
      cur = '';
      has = false;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        const which = c === "'" ? 'single' : 'double';
        return `unmatched ${which} quote; by default quotes are special to xargs unless you use the -0 option`;
      }
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) items.push(cur);
  return items;
}

/** Runs jobs made on demand one after another; `next()` returns undefined when there are no more. */
class SequenceJob implements Job {
  private current?: Job;
  private status = 0;
  private result?: number;

  constructor(
    private readonly next: () => Job | { chunks: Chunk[]; exitCode: number } | undefined,
    private readonly finish: (statuses: number) => number,
  ) {}

  poll(): JobUpdate {
    if (this.result !== undefined) return { chunks: [], done: true, exitCode: this.result };
    const chunks: Chunk[] = [];
    for (;;) {
      if (!this.current) {
        const n = this.next();
        if (n === undefined || !('poll' in n)) {
          if (n) chunks.push(...n.chunks);
          this.result = n ? n.exitCode : this.finish(this.status);
          return { chunks, done: true, exitCode: this.result };
        }
        this.current = n;
      }
      const u = this.current.poll();
      chunks.push(...u.chunks);
      if (!u.done) return { chunks, done: false, exitCode: 0 };
      this.current = undefined;
      if (u.exitCode === 255) {
        this.result = 124;
        return { chunks, done: true, exitCode: 124 };
      }
      if (u.exitCode !== 0) this.status = u.exitCode;
    }
  }

  interrupt(): JobUpdate {
    if (this.result !== undefined) return { chunks: [], done: true, exitCode: this.result };
    const u = this.current?.interrupt();
    this.result = u?.exitCode ?? 130;
    return { chunks: u?.chunks ?? [], done: true, exitCode: this.result };
  }
}

// Models findutils xargs/xargs.c main: -n, -L, -I/-i, -r, -t, -0, -d; the command defaults to echo.
function xargs(args: string[], ctx: CommandContext): Job {
  let maxArgs: number | undefined;
  let maxLines: number | undefined;
  let replace: string | undefined;
  let noRunIfEmpty = false;
  let verbose = false;
  let delimiter: string | undefined;
  let i = 0;
  const num = (flag: string, v: string | undefined): number | Job => {
    if (v === undefined) return usageError(`option requires an argument -- '${flag}'`);
    if (!/^\d+$/.test(v) || Number(v) < 1)
      return doneJob('', `xargs: invalid number "${v}" for -${flag} option\n`, 1);
    return Number(v);
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    let m: RegExpExecArray | null;
    if ((m = /^-([nLP])(.*)$/.exec(a)) || (m = /^--(max-args|max-lines|max-procs)=(.*)$/.exec(a))) {
      const flag = m[1]!.startsWith('max-args') ? 'n' : m[1]!.startsWith('max-lines') ? 'L' : m[1]!;
      const n = num(flag[0]!, m[2] || args[++i]);
      if (typeof n !== 'number') return n;
      if (flag[0] === 'n') maxArgs = n;
      else if (flag[0] === 'L') maxLines = n;
    } else if (a === '-I') {
      replace = args[++i];
      if (replace === undefined) return usageError("option requires an argument -- 'I'");
    } else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-i' || a === '--replace') replace = '{}';
    else if (a.startsWith('-i') || a.startsWith('--replace=')) replace = a.slice(a.indexOf('=') + 1 || 2);
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-t' || a === '--verbose') verbose = true;
    else if (a === '-0' || a === '--null') delimiter = '\0';
    else if (a === '-d') delimiter = args[++i];
    else if (a.startsWith('-d')) delimiter = a.slice(2);
    else if (a.startsWith('--')) return usageError(`unrecognized option '${a}'`);
    else return usageError(`invalid option -- '${a[1]}'`);
  }
  const command = args.length > i ? args.slice(i) : ['echo'];
  const input = ctx.stdin ?? '';
  let groups: string[][];
  if (replace !== undefined) {
    groups = input
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, ''))
      .filter((l) => l !== '')
      .map((l) => [l]);
  } else if (delimiter !== undefined) {
    const parts = input.split(delimiter === '\\n' ? '\n' : delimiter);
    if (parts[parts.length - 1] === '' || parts[parts.length - 1] === '\n') parts.pop();
    groups = chunk(parts, maxArgs);
  } else if (maxLines !== undefined) {
    const lines: string[][] = [];
    for (const l of input.split('\n')) {
      const items = splitItems(l);
      if (typeof items === 'string') return doneJob('', `xargs: ${items}\n`, 1);
      if (items.length > 0) lines.push(items);
    }
    groups = chunk(lines, maxLines).map((g) => g.flat());
  } else {
    const items = splitItems(input);
    if (typeof items === 'string') return doneJob('', `xargs: ${items}\n`, 1);
    groups = chunk(items, maxArgs);
  }
  if (groups.length === 0 && !noRunIfEmpty && replace === undefined) groups = [[]];
  let k = 0;
  return new SequenceJob(
    () => {
      const g = groups[k++];
      if (!g) return undefined;
      const argv =
        replace !== undefined ? command.map((w) => w.split(replace).join(g[0] ?? '')) : [...command, ...g];
      const trace: Chunk[] = verbose ? chunksOf('', `${argv.join(' ')}\n`) : [];
      const job = ctx.spawn(argv, '');
      if (!job)
        return {
          chunks: [...trace, ...chunksOf('', `xargs: ${argv[0]}: No such file or directory\n`)],
          exitCode: 127,
        };
      if (trace.length === 0) return job;
      let first = true;
      const withTrace = (u: JobUpdate): JobUpdate => {
        if (!first) return u;
        first = false;
        return { ...u, chunks: [...trace, ...u.chunks] };
      };
      return { poll: () => withTrace(job.poll()), interrupt: () => withTrace(job.interrupt()) };
    },
    (status) => (status === 0 ? 0 : 123),
  );
}

function chunk<T>(items: T[], size: number | undefined): T[][] {
  if (items.length === 0) return [];
  if (size === undefined) return [items];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const xargsCommands: Record<string, CommandSpec> = { xargs: { run: xargs } };
