// `cut` and `tr` from coreutils: both stream, so `kubectl get po -w | cut -d ' ' -f 1` prints as pods change.
import { doneJob, type Chunk, type Job } from '../job.ts';
import type { CommandSpec, Filter } from './command.ts';
import { filterCommand, LineBuffer, out, usage } from './text.ts';

type Range = [number, number];

// Models coreutils src/set-fields.c set_fields: "1,3-5,7-" and "-2" (1-based, inclusive).
function parseList(list: string, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  for (const item of list.split(/[,\s]+/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || item === '' || item === '-') return `invalid field range`;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if ((m[1] && lo === 0) || (m[3] && Number(m[3]) === 0))
      return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}

const selected = (ranges: Range[], n: number) => ranges.some(([lo, hi]) => n >= lo && n <= hi);

// Models coreutils src/cut.c: -f with -d (default tab) and -s, -c/-b by character, --output-delimiter.
function cut(args: string[]): { filter: Filter; files: string[] } | Job {
  let mode: 'f' | 'c' | undefined;
  let list = '';
  let delim: string | undefined;
  let outDelim: string | undefined;
  let onlyDelimited = false;
  let complement = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (flag: string) => (a.length > 2 ? a.slice(2) : args[++i]) ?? flag;
    if (a.startsWith('--output-delimiter=')) outDelim = a.slice(19);
    else if (a.startsWith('--delimiter=')) delim = a.slice(12);
    else if (a.startsWith('--fields=')) [mode, list] = ['f', a.slice(9)];
    else if (a === '--complement') complement = true;
    else if (a === '--only-delimited') onlyDelimited = true;
    else if (/^-[fcbd]/.test(a)) {
      const v = value(a);
      if (v === a && a.length === 2) return usage('cut', `option requires an argument -- '${a[1]}'`, 1);
      if (a[1] === 'd') delim = v;
      else {
        if (mode) return usage('cut', 'only one list may be specified', 1);
        mode = a[1] === 'f' ? 'f' : 'c';
        list = v;
      }
    } else if (a === '-s') onlyDelimited = true;
    else if (a.startsWith('-') && a !== '-') {
      return a.startsWith('--')
        ? usage('cut', `unrecognized option '${a}'`, 1)
        : usage('cut', `invalid option -- '${a[1]}'`, 1);
    } else files.push(a);
  }
  if (!mode) return usage('cut', 'you must specify a list of bytes, characters, or fields', 1);
  if (delim !== undefined && mode !== 'f')
    return usage('cut', 'an input delimiter may be specified only when operating on fields', 1);
  if (delim !== undefined && [...delim].length !== 1)
    return usage('cut', 'the delimiter must be a single character', 1);
  const ranges = parseList(list, mode === 'f');
  if (typeof ranges === 'string') return usage('cut', ranges, 1);
  const d = delim ?? '\t';
  const lines = new LineBuffer();
  const pick = (n: number) => selected(ranges, n) !== complement;
  const cutLine = (line: string): string | undefined => {
    const body = line.endsWith('\n') ? line.slice(0, -1) : line;
    if (mode === 'c') return [...body].filter((_, k) => pick(k + 1)).join(outDelim ?? '');
    if (!body.includes(d)) return onlyDelimited ? undefined : body;
    return body
      .split(d)
      .filter((_, k) => pick(k + 1))
      .join(outDelim ?? d);
  };
  const run = (ls: string[]): Chunk[] =>
    out(
      ls
        .map(cutLine)
        .filter((l) => l !== undefined)
        .map((l) => `${l}\n`)
        .join(''),
    );
  const filter: Filter = {
    satisfied: false,
    write: (t) => run(lines.push(t)),
    end: () => ({ chunks: run(lines.flush()), exitCode: 0 }),
  };
  return { filter, files };
}

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
};
CLASSES.alpha = CLASSES.upper! + CLASSES.lower!;
CLASSES.alnum = CLASSES.digit! + CLASSES.alpha;

// Models coreutils src/tr.c build_spec_list: ranges, backslash escapes and [:class:] in a SET.
function expandSet(set: string): string[] | string {
  const chars: string[] = [];
  const src = [...set];
  const at = (i: number): [string, number] => {
    const c = src[i]!;
    if (c !== '\\' || i + 1 >= src.length) return [c, 1];
    const n = src[i + 1]!;
    const esc: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (esc[n]) return [esc[n], 2];
    const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4).join(''));
    if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 1 + oct[0].length];
    return [n, 2];
  };
  for (let i = 0; i < src.length;) {
    const cls = /^\[:(\w+):\]/.exec(src.slice(i).join(''));
    if (cls) {
      const members = CLASSES[cls[1]!];
      if (!members) return `invalid character class '${cls[1]}'`;
      chars.push(...members);
      i += cls[0].length;
      continue;
    }
    const [c, len] = at(i);
    if (src[i + len] === '-' && i + len + 1 < src.length) {
      const [hi, hlen] = at(i + len + 1);
      if (hi.charCodeAt(0) < c.charCodeAt(0))
        return `range-endpoints of '${c}-${hi}' are in reverse collating sequence order`;
      for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      i += len + 1 + hlen;
      continue;
    }
    chars.push(c);
    i += len;
  }
  return chars;
}

// Models coreutils src/tr.c main: translate, -d delete, -s squeeze, -c complement of SET1.
function tr(args: string[]): Job | { filter: Filter; files: string[] } {
  const opts = { d: false, s: false, c: false };
  const sets: string[] = [];
  for (const a of args) {
    if (/^-[dscC]+$/.test(a)) {
      for (const f of a.slice(1)) opts[f === 'C' ? 'c' : (f as 'd' | 's' | 'c')] = true;
    } else if (a.startsWith('-') && a.length > 1 && sets.length === 0) {
      return usage('tr', `invalid option -- '${a[1]}'`, 1);
    } else sets.push(a);
  }
  const translating = !opts.d && sets.length >= 2;
  if (sets.length === 0) return usage('tr', 'missing operand', 1);
  if (sets.length === 1 && !opts.d && !opts.s)
    return doneJob(
      '',
      `tr: missing operand after '${sets[0]}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`,
      1,
    );
  const max = opts.d && opts.s ? 2 : opts.d || (opts.s && !translating) ? 1 : 2;
  if (sets.length > max) return usage('tr', `extra operand '${sets[max]}'`, 1);
  const s1 = expandSet(sets[0]!);
  const s2 = sets[1] !== undefined ? expandSet(sets[1]) : [];
  if (typeof s1 === 'string') return usage('tr', s1, 1);
  if (typeof s2 === 'string') return usage('tr', s2, 1);
  const in1 = (ch: string) => s1.includes(ch) !== opts.c;
  const map = new Map<string, string>();
  if (translating && !opts.c) s1.forEach((ch, k) => map.set(ch, s2[Math.min(k, s2.length - 1)] ?? ch));
  const squeezeSet = opts.d || translating ? s2 : s1;
  const squeezeIn = (ch: string) => (squeezeSet === s1 ? in1(ch) : squeezeSet.includes(ch));
  let last: string | undefined;
  const conv = (text: string): Chunk[] => {
    let o = '';
    for (const ch of text) {
      if (opts.d && in1(ch)) continue;
      let t = ch;
      if (translating) t = opts.c ? (in1(ch) ? (s2[s2.length - 1] ?? ch) : ch) : (map.get(ch) ?? ch);
      if (opts.s && t === last && squeezeIn(t)) continue;
      o += t;
      last = t;
    }
    return out(o);
  };
  const filter: Filter = { satisfied: false, write: conv, end: () => ({ chunks: [], exitCode: 0 }) };
  return { filter, files: [] };
}

export const cutTrCommands: Record<string, CommandSpec> = {
  cut: filterCommand(cut, 'cut'),
  tr: filterCommand(tr, 'tr'),
};
