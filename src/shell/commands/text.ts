// Line filters for pipes: grep, head, tail, wc. Each streams (`kubectl get po -w | grep web` prints as pods
// change); `head` stops its writer once it has its lines, as SIGPIPE would.
import { chunkJob, doneJob, type Chunk, type Job } from '../job.ts';
import { runFilter, type CommandContext, type CommandSpec, type Filter } from './command.ts';

/** Splits a stream into whole lines (each with its "\n"); the last line may lack one at end of input. */
export class LineBuffer {
  private rest = '';
  push(text: string): string[] {
    const all = this.rest + text;
    const lines = all.split(/(?<=\n)/);
    this.rest = lines[lines.length - 1]!.endsWith('\n') ? '' : lines.pop()!;
    return lines;
  }
  flush(): string[] {
    const r = this.rest;
    this.rest = '';
    return r ? [r] : [];
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export const out = (text: string): Chunk[] => (text ? [{ fd: 1, text }] : []);

export function usage(cmd: string, msg: string, code: number): Job {
  return doneJob('', `${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`, code);
}

/** Makes a CommandSpec from a filter factory: files named on the command line are read instead of stdin. */
export function filterCommand(
  make: (args: string[], ctx: CommandContext) => { filter: Filter; files: string[] } | Job,
  name: string,
): CommandSpec {
  const whole = (args: string[], ctx: CommandContext): Job => {
    const made = make(args, ctx);
    if (!('filter' in made)) return made;
    if (made.files.length === 0) {
      const r = runFilter(made.filter, ctx.stdin ?? '');
      return chunkJob(r.chunks, r.exitCode);
    }
    let input = '';
    let err = '';
    for (const f of made.files) {
      const text = f === '-' ? (ctx.stdin ?? '') : ctx.readFile(f);
      if (text === undefined) err += `${name}: ${f}: No such file or directory\n`;
      else input += text;
    }
    const r = runFilter(made.filter, input);
    const chunks = err ? [...r.chunks, { fd: 2 as const, text: err }] : r.chunks;
    return chunkJob(chunks, err ? 2 : r.exitCode);
  };
  return {
    run: whole,
    filter: (args, ctx) => {
      const made = make(args, ctx);
      if (!('filter' in made)) return made;
      return made.files.length === 0 ? made.filter : whole(args, ctx);
    },
  };
}

// Translates a POSIX basic (or extended) regular expression into a JavaScript one.
export function posixToJs(pattern: string, extended: boolean): string {
  const classes: Record<string, string> = {
    alpha: 'A-Za-z',
    digit: '0-9',
    alnum: 'A-Za-z0-9',
    upper: 'A-Z',
    lower: 'a-z',
    space: ' \\t\\n\\r\\f\\v',
    blank: ' \\t',
    punct: '!-\\/:-@\\[-`{-~',
    xdigit: '0-9A-Fa-f',
  };
  let js = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') body += pattern[j++];
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = /^\[:(\w+):\]/.exec(pattern.slice(j));
        if (cls && classes[cls[1]!]) {
          body += classes[cls[1]!];
          j += cls[0].length - 1;
        } else {
          body += pattern[j] === '\\' ? '\\\\' : pattern[j];
        }
      }
      js += `[${body}]`;
      i = j;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (n === '<' || n === '>') js += '\\b';
      else if (!extended && '(){}|+?'.includes(n)) js += n;
      else js += `\\${n}`;
    } else if (!extended && '(){}|+?'.includes(c)) {
      js += `\\${c}`;
    } else {
      js += c;
    }
  }
  return js;
}

// Models GNU grep's matching options: -i -v -c -q -n -w -x -E -F -e.
function grep(args: string[]): { filter: Filter; files: string[] } | Job {
  const opts = { i: false, v: false, c: false, q: false, n: false, w: false, x: false, E: false, F: false };
  const patterns: string[] = [];
  const operands: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      operands.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith('--')) {
      if (a.startsWith('--color') || a.startsWith('--colour')) continue;
      const long: Record<string, keyof typeof opts> = {
        '--ignore-case': 'i',
        '--invert-match': 'v',
        '--count': 'c',
        '--quiet': 'q',
        '--silent': 'q',
        '--line-number': 'n',
        '--word-regexp': 'w',
        '--line-regexp': 'x',
        '--extended-regexp': 'E',
        '--fixed-strings': 'F',
      };
      if (a.startsWith('--regexp=')) patterns.push(a.slice(9));
      else if (long[a]) opts[long[a]] = true;
      else return usage('grep', `unrecognized option '${a}'`, 2);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'e') {
          const v = a.slice(j + 1) || args[++k];
          if (v === undefined) return usage('grep', "option requires an argument -- 'e'", 2);
          patterns.push(v);
          break;
        }
        if (!(f in opts)) return usage('grep', `invalid option -- '${f}'`, 2);
        opts[f as keyof typeof opts] = true;
      }
      continue;
    }
    operands.push(a);
  }
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined)
      return doneJob(
        '',
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
        2,
      );
    patterns.push(p);
  }
  const sources = patterns.flatMap((p) => p.split('\n'));
  let re: RegExp;
  try {
    const alts = sources.map((p) =>
      opts.F ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : posixToJs(p, opts.E),
    );
    let body = alts.map((a) => `(?:${a})`).join('|');
    if (opts.w) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
    if (opts.x) body = `^(?:${body})$`;
    re = new RegExp(body, opts.i ? 'i' : '');
  } catch {
    return doneJob('', 'grep: Invalid regular expression\n', 2);
  }
  const lines = new LineBuffer();
  let count = 0;
  let lineNo = 0;
  const select = (ls: string[]): Chunk[] => {
    let text = '';
    for (const l of ls) {
      lineNo++;
      const body = l.endsWith('\n') ? l.slice(0, -1) : l;
      if (re.test(body) === opts.v) continue;
      count++;
      if (!opts.c && !opts.q) text += `${opts.n ? `${lineNo}:` : ''}${body}\n`;
    }
    return out(text);
  };
  const filter: Filter = {
    get satisfied() {
      return opts.q && count > 0;
    },
    write: (text) => select(lines.push(text)),
    end: () => {
      const chunks = select(lines.flush());
      if (opts.c) chunks.push({ fd: 1, text: `${count}\n` });
      return { chunks, exitCode: count > 0 ? 0 : 1 };
    },
  };
  return { filter, files: operands };
}

/** `-n N`, `-nN`, `--lines=N`, `-N` (and `+N` for tail). */
function lineCount(cmd: string, args: string[]): { n: string; files: string[] } | Job {
  let n = '10';
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '-n' || a === '--lines') {
      const v = args[++k];
      if (v === undefined) return usage(cmd, "option requires an argument -- 'n'", 1);
      n = v;
    } else if (a.startsWith('--lines=')) n = a.slice(8);
    else if (/^-n.+/.test(a)) n = a.slice(2);
    else if (/^-\d+$/.test(a)) n = a.slice(1);
    else if (a.startsWith('-') && a !== '-') return usage(cmd, `invalid option -- '${a.slice(1, 2)}'`, 1);
    else files.push(a);
  }
  if (!/^[-+]?\d+$/.test(n)) return doneJob('', `${cmd}: invalid number of lines: '${n}'\n`, 1);
  return { n, files };
}

// Models coreutils src/head.c head_lines (and elide_tail_lines for -n -N).
function head(args: string[]): { filter: Filter; files: string[] } | Job {
  const parsed = lineCount('head', args);
  if (!('n' in parsed)) return parsed;
  const n = Number(parsed.n);
  const lines = new LineBuffer();
  let seen = 0;
  const kept: string[] = [];
  const take = (ls: string[]): Chunk[] => {
    if (n < 0) {
      kept.push(...ls);
      return [];
    }
    const room = ls.slice(0, Math.max(0, n - seen));
    seen += room.length;
    return out(room.join(''));
  };
  const filter: Filter = {
    get satisfied() {
      return n >= 0 && seen >= n;
    },
    write: (text) => take(lines.push(text)),
    end: () => {
      const chunks = take(lines.flush());
      if (n < 0) chunks.push(...out(kept.slice(0, Math.max(0, kept.length + n)).join('')));
      return { chunks, exitCode: 0 };
    },
  };
  return { filter, files: parsed.files };
}

// Models coreutils src/tail.c tail_lines (from the end, or from line N with +N).
function tail(args: string[]): { filter: Filter; files: string[] } | Job {
  const parsed = lineCount('tail', args);
  if (!('n' in parsed)) return parsed;
  const fromStart = parsed.n.startsWith('+');
  const n = Math.abs(Number(parsed.n));
  const lines = new LineBuffer();
  const all: string[] = [];
  const filter: Filter = {
    satisfied: false,
    write: (text) => {
      all.push(...lines.push(text));
      return [];
    },
    end: () => {
      all.push(...lines.flush());
      const picked = fromStart ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n);
      return { chunks: out(picked.join('')), exitCode: 0 };
    },
  };
  return { filter, files: parsed.files };
}

// Models coreutils src/wc.c: counts in the order lines, words, chars, bytes; width 7 when reading a pipe.
function wc(args: string[]): { filter: Filter; files: string[] } | Job {
  const want = { l: false, w: false, m: false, c: false };
  const files: string[] = [];
  const long: Record<string, keyof typeof want> = {
    '--lines': 'l',
    '--words': 'w',
    '--chars': 'm',
    '--bytes': 'c',
  };
  for (const a of args) {
    if (long[a]) want[long[a]] = true;
    else if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (!(f in want)) return usage('wc', `invalid option -- '${f}'`, 1);
        want[f as keyof typeof want] = true;
      }
    } else files.push(a);
  }
  if (!want.l && !want.w && !want.m && !want.c) want.l = want.w = want.c = true;
  let text = '';
  const filter: Filter = {
    satisfied: false,
    write: (t) => {
      text += t;
      return [];
    },
    end: () => {
      const counts: number[] = [];
      if (want.l) counts.push((text.match(/\n/g) ?? []).length);
      if (want.w) counts.push(text.split(/\s+/).filter(Boolean).length);
      if (want.m) counts.push([...text].length);
      if (want.c) counts.push(utf8Length(text));
      const width = counts.length === 1 ? 1 : files.length > 0 ? String(utf8Length(text)).length : 7;
      const line = counts.map((c) => String(c).padStart(width)).join(' ');
      return { chunks: out(`${line}${files.length === 1 ? ` ${files[0]}` : ''}\n`), exitCode: 0 };
    },
  };
  return { filter, files };
}

export const textCommands: Record<string, CommandSpec> = {
  grep: filterCommand(grep, 'grep'),
  head: filterCommand(head, 'head'),
  tail: filterCommand(tail, 'tail'),
  wc: filterCommand(wc, 'wc'),
};
