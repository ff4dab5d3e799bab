// `sort` and `uniq` from coreutils. Comparison is by bytes, as in the C locale (LC_ALL=C), which is what
// a container's shell usually has; a UTF-8 desktop locale would fold case and skip punctuation.
import { type Chunk, type Job } from '../job.ts';
import type { CommandSpec, Filter } from './command.ts';
import { filterCommand, LineBuffer, out, usage } from './text.ts';

interface Key {
  field: number;
  char: number;
  endField: number | undefined;
  endChar: number;
  opts: string;
}

// Models coreutils src/sort.c key parsing: -k F[.C][OPTS][,F[.C][OPTS]].
function parseKey(spec: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfginrhV]*)(?:,(\d+)(?:\.(\d+))?([bdfginrhV]*))?$/.exec(spec);
  if (!m) return `invalid number at field start: invalid count at start of '${spec}'`;
  const field = Number(m[1]);
  if (field === 0) return `field number is zero: invalid field specification '${spec}'`;
  return {
    field,
    char: m[2] ? Number(m[2]) : 1,
    endField: m[4] ? Number(m[4]) : undefined,
    endChar: m[5] ? Number(m[5]) : 0,
    opts: (m[3] ?? '') + (m[6] ?? ''),
  };
}

/** Fields of a line: split on `sep`, or (default) each field is its leading blanks plus non-blanks. */
function fieldStarts(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(sep, start);
      out.push({ start, end: at < 0 ? line.length : at });
      if (at < 0) return out;
      start = at + sep.length;
    }
  }
  const re = /[ \t]*[^ \t]*/g;
  for (let m = re.exec(line); m && m[0] !== ''; m = re.exec(line))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function keyText(line: string, k: Key, sep: string | undefined, opts: string): string {
  const fields = fieldStarts(line, sep);
  const f = fields[k.field - 1];
  if (!f) return '';
  let start = f.start;
  // With -b the character offset counts from the field's first non-blank.
  if (opts.includes('b')) while (start < f.end && /[ \t]/.test(line[start]!)) start++;
  start += k.char - 1;
  let end = line.length;
  if (k.endField !== undefined) {
    const e = fields[k.endField - 1];
    end = e ? (k.endChar > 0 ? Math.min(e.start + k.endChar, e.end) : e.end) : line.length;
  }
  return line.slice(start, Math.max(start, end));
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d+|-?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Models coreutils src/sort.c: -n -r -u -f -b -k -t; the whole line breaks ties (unless -s).
function sort(args: string[]): { filter: Filter; files: string[] } | Job {
  const g = { n: false, r: false, u: false, f: false, b: false, s: false };
  const keys: Key[] = [];
  let sep: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-k' || a === '--key' || a.startsWith('-k') || a.startsWith('--key=')) {
      const spec = a === '-k' || a === '--key' ? args[++i] : a.startsWith('-k') ? a.slice(2) : a.slice(6);
      if (spec === undefined) return usage('sort', "option requires an argument -- 'k'", 2);
      const k = parseKey(spec);
      if (typeof k === 'string') return usage('sort', k, 2);
      keys.push(k);
    } else if (a === '-t' || a.startsWith('-t')) {
      const v = a === '-t' ? args[++i] : a.slice(2);
      if (v === undefined) return usage('sort', "option requires an argument -- 't'", 2);
      if (v.length !== 1) return usage('sort', `multi-character tab '${v}'`, 2);
      sep = v;
    } else if (a === '--numeric-sort') g.n = true;
    else if (a === '--reverse') g.r = true;
    else if (a === '--unique') g.u = true;
    else if (a === '--ignore-case') g.f = true;
    else if (/^-[nrufbs]+$/.test(a)) for (const c of a.slice(1)) g[c as keyof typeof g] = true;
    else if (a.startsWith('-') && a !== '-') {
      return a.startsWith('--')
        ? usage('sort', `unrecognized option '${a}'`, 2)
        : usage('sort', `invalid option -- '${a[1]}'`, 2);
    } else files.push(a);
  }
  const compareBy = (x: string, y: string, opts: string): number => {
    if (opts.includes('n')) return numeric(x) - numeric(y);
    let a = opts.includes('b') ? x.replace(/^[ \t]+/, '') : x;
    let b = opts.includes('b') ? y.replace(/^[ \t]+/, '') : y;
    if (opts.includes('f')) [a, b] = [a.toUpperCase(), b.toUpperCase()];
    return byteCompare(a, b);
  };
  const globalOpts = `${g.n ? 'n' : ''}${g.f ? 'f' : ''}${g.b ? 'b' : ''}`;
  const compareKeys = (x: string, y: string): number => {
    if (keys.length === 0) return compareBy(x, y, globalOpts);
    for (const k of keys) {
      const opts = k.opts.replace('r', '') || globalOpts;
      const c = compareBy(keyText(x, k, sep, opts), keyText(y, k, sep, opts), opts);
      if (c !== 0) return k.opts.includes('r') ? -c : c;
    }
    return 0;
  };
  const compare = (x: string, y: string): number => {
    const c = compareKeys(x, y);
    if (c !== 0 || g.u || g.s) return g.r ? -c : c;
    const last = byteCompare(x, y);
    return g.r ? -last : last;
  };
  const lines = new LineBuffer();
  const all: string[] = [];
  const filter: Filter = {
    satisfied: false,
    write: (t) => {
      all.push(...lines.push(t).map((l) => l.replace(/\n$/, '')));
      return [];
    },
    end: () => {
      all.push(...lines.flush());
      const sorted = [...all].sort(compare);
      const kept = g.u ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1]!, l) !== 0) : sorted;
      return { chunks: out(kept.map((l) => `${l}\n`).join('')), exitCode: 0 };
    },
  };
  return { filter, files };
}

// Models coreutils src/uniq.c: adjacent equal lines; -c counts ("%7d "), -d only repeated, -u only unique, -i.
function uniq(args: string[]): { filter: Filter; files: string[] } | Job {
  const o = { c: false, d: false, u: false, i: false };
  const files: string[] = [];
  for (const a of args) {
    const long: Record<string, keyof typeof o> = {
      '--count': 'c',
      '--repeated': 'd',
      '--unique': 'u',
      '--ignore-case': 'i',
    };
    if (long[a]) o[long[a]] = true;
    else if (/^-[cdui]+$/.test(a)) for (const c of a.slice(1)) o[c as keyof typeof o] = true;
    else if (a.startsWith('-') && a !== '-') return usage('uniq', `invalid option -- '${a[1]}'`, 1);
    else files.push(a);
  }
  if (files.length > 1) return usage('uniq', `extra operand '${files[2] ?? files[1]}'`, 1);
  const lines = new LineBuffer();
  let current: string | undefined;
  let count = 0;
  const same = (a: string, b: string) => (o.i ? a.toLowerCase() === b.toLowerCase() : a === b);
  const emit = (): string => {
    if (current === undefined) return '';
    if ((o.d && count < 2) || (o.u && count > 1)) return '';
    return `${o.c ? `${String(count).padStart(7)} ` : ''}${current}\n`;
  };
  const take = (ls: string[]): Chunk[] => {
    let text = '';
    for (const raw of ls) {
      const l = raw.replace(/\n$/, '');
      if (current !== undefined && same(current, l)) {
        count++;
        continue;
      }
      text += emit();
      current = l;
      count = 1;
    }
    return out(text);
  };
  const filter: Filter = {
    satisfied: false,
    write: (t) => take(lines.push(t)),
    end: () => {
      const chunks = take(lines.flush());
      chunks.push(...out(emit()));
      current = undefined;
      return { chunks, exitCode: 0 };
    },
  };
  return { filter, files };
}

export const sortUniqCommands: Record<string, CommandSpec> = {
  sort: filterCommand(sort, 'sort'),
  uniq: filterCommand(uniq, 'uniq'),
};
