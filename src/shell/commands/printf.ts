// `printf` (bash's builtin) and `seq` (coreutils): formatted numbers and strings.
import { chunkJob, chunksOf, doneJob, type Job } from '../job.ts';
import type { CommandSpec } from './command.ts';
import { usage } from './text.ts';

/** Backslash escapes of printf formats and `%b` arguments (`\c` stops all output). */
export function unescape(s: string, stop: { c: boolean }): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
      '\\': '\\',
      '"': '"',
      "'": "'",
    };
    if (n in simple) out += simple[n];
    else if (n === 'c') {
      stop.c = true;
      return out;
    } else if (/[0-7]/.test(n)) {
      const from = n === '0' ? i + 1 : i;
      const digits = /^[0-7]{0,3}/.exec(s.slice(from))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i = from + digits.length - 1;
    } else if (n === 'x' && /[0-9A-Fa-f]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 1))!;
      out += String.fromCharCode(parseInt(m[0], 16));
      i += m[0].length;
    } else out += `\\${n}`;
  }
  return out;
}

/** A printf numeric argument: decimal, 0x hex, 0 octal, or 'c (the character's code). */
function toNumber(arg: string, float: boolean): number | undefined {
  const t = arg.trim();
  if (t === '') return 0;
  if (/^['"]/.test(t)) return t.length > 1 ? t.codePointAt(1)! : 0;
  if (float) {
    const n = Number(t);
    return Number.isNaN(n) ? undefined : n;
  }
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (!m) return undefined;
  const body = m[2]!;
  const v = /^0[xX]/.test(body)
    ? parseInt(body, 16)
    : body.startsWith('0')
      ? parseInt(body, 8)
      : Number(body);
  return m[1] === '-' ? -v : v;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[+ -]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** %g: shortest of %e and %f at `p` significant digits, trailing zeros removed (unless `#`). */
function formatG(n: number, p: number, alt: boolean, upper: boolean): string {
  const prec = p === 0 ? 1 : p;
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  let s =
    exp < -4 || exp >= prec
      ? n.toExponential(prec - 1).replace(/e([+-])(\d)$/, 'e$10$2')
      : n.toFixed(Math.max(0, prec - 1 - exp));
  if (!alt) s = s.replace(/\.?0+(?=e|$)/, '');
  return upper ? s.toUpperCase() : s;
}

export interface Formatted {
  out: string;
  err: string;
}

// Models bash builtins/printf.def printf_builtin: the format is reused until the arguments run out.
export function formatPrintf(format: string, args: string[], cmd = 'printf'): Formatted {
  let out = '';
  let err = '';
  let k = 0;
  const stop = { c: false };
  const next = () => args[k++];
  for (;;) {
    const before = k;
    for (let i = 0; i < format.length && !stop.c; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9A-Fa-f]{1,2}|.)/s.exec(format.slice(i))!;
        out += unescape(m[0], stop);
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGsbcq%])/.exec(format.slice(i));
      if (!m) {
        err += `bash: ${cmd}: \`${format[i + 1] ?? ''}': invalid format character\n`;
        return { out, err };
      }
      i += m[0].length - 1;
      const flags = m[1]!;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = m[2] === '*' ? Number(next() ?? 0) : Number(m[2] ?? 0);
      const precRaw = m[3] === '*' ? (next() ?? '0') : m[3];
      const prec = precRaw === undefined ? undefined : Number(precRaw || 0);
      const left = flags.includes('-') || width < 0;
      const zero = flags.includes('0') && !left;
      const arg = next();
      let s: string;
      if (conv === 's' || conv === 'q') {
        s = arg ?? '';
        if (prec !== undefined) s = s.slice(0, prec);
      } else if (conv === 'b') {
        s = unescape(arg ?? '', stop);
      } else if (conv === 'c') {
        s = (arg ?? '').slice(0, 1);
      } else {
        const float = 'eEfFgG'.includes(conv);
        let n = toNumber(arg ?? '', float);
        if (n === undefined) {
          err += `bash: ${cmd}: ${arg}: invalid number\n`;
          n = 0;
        }
        const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        const a = Math.abs(n);
        if (conv === 'd' || conv === 'i' || conv === 'u') s = String(Math.trunc(a));
        else if (conv === 'o') s = Math.trunc(a).toString(8);
        else if (conv === 'x') s = Math.trunc(a).toString(16);
        else if (conv === 'X') s = Math.trunc(a).toString(16).toUpperCase();
        else if (conv === 'e' || conv === 'E') {
          s = a.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') s = s.toUpperCase();
        } else if (conv === 'f' || conv === 'F') s = a.toFixed(prec ?? 6);
        else s = formatG(a, prec ?? 6, flags.includes('#'), conv === 'G');
        if (prec !== undefined && 'diouxX'.includes(conv)) s = s.padStart(prec, '0');
        s = sign + s;
      }
      out += pad(s, Math.abs(width), left, zero && !'sbcq'.includes(conv));
    }
    if (stop.c || k >= args.length || k === before) break;
  }
  return { out, err };
}

function printf(args: string[]): Job {
  const a = args[0] === '--' ? args.slice(1) : args;
  if (a.length === 0 || (a[0]!.startsWith('-') && a[0] !== '-')) {
    const bad = a[0] !== undefined ? `bash: printf: ${a[0].slice(0, 2)}: invalid option\n` : '';
    return doneJob('', `${bad}printf: usage: printf [-v var] format [arguments]\n`, 2);
  }
  const r = formatPrintf(a[0]!, a.slice(1));
  // bash reports bad arguments at once; the output is flushed when printf ends.
  return chunkJob([...chunksOf('', r.err), ...chunksOf(r.out, '')], r.err ? 1 : 0);
}

// Models coreutils src/seq.c: FIRST, INCREMENT and LAST may be decimals; the output uses their largest precision.
function seq(args: string[]): Job {
  let sep = '\n';
  let equalWidth = false;
  let format: string | undefined;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-s' || a === '--separator') sep = args[++i] ?? '';
    else if (a.startsWith('-s') && !/^-s\d/.test(a)) sep = a.slice(2);
    else if (a.startsWith('--separator=')) sep = a.slice(12);
    else if (a === '-w' || a === '--equal-width') equalWidth = true;
    else if (a === '-f' || a === '--format') format = args[++i];
    else if (a.startsWith('-') && !/^-\.?\d/.test(a)) return usage('seq', `invalid option -- '${a[1]}'`, 1);
    else nums.push(a);
  }
  if (nums.length === 0) return usage('seq', 'missing operand', 1);
  if (nums.length > 3) return usage('seq', `extra operand '${nums[3]}'`, 1);
  for (const n of nums) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(n))
      return usage('seq', `invalid floating point argument: '${n}'`, 1);
  }
  const [first, inc, last] =
    nums.length === 1 ? ['1', '1', nums[0]!] : nums.length === 2 ? [nums[0]!, '1', nums[1]!] : nums;
  const step = Number(inc);
  if (step === 0) return usage('seq', `invalid Zero increment value: '${inc}'`, 1);
  const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
  const prec = Math.max(decimals(first!), decimals(inc!));
  const from = Number(first);
  const to = Number(last);
  const values: string[] = [];
  for (let i = 0; ; i++) {
    const v = from + i * step;
    if (step > 0 ? v > to + 1e-9 : v < to - 1e-9) break;
    if (values.length >= 1_000_000) break;
    values.push(format ? formatPrintf(format, [String(v)]).out : v.toFixed(prec));
  }
  if (equalWidth && !format) {
    const w = Math.max(...values.map((v) => v.replace('-', '').length));
    for (let i = 0; i < values.length; i++) values[i] = pad(values[i]!, w, false, true);
  }
  return doneJob(values.length > 0 ? `${values.join(sep)}\n` : '');
}

export const printfCommands: Record<string, CommandSpec> = {
  printf: { run: printf },
  seq: { run: seq },
};
