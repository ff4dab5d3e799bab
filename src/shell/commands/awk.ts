// A small awk for one-liners over kubectl output: `awk '{print $1}'`, `awk -F: 'NR>1 && $3 ~ /Run/ {print $1, $NF}'`,
// BEGIN/END, variables, `printf`, `if`, `next`, and length/substr/index/tolower/toupper/sprintf/int. No arrays,
// loops or user functions: those report that this awk does not support them.
import { doneJob, type Chunk, type Job } from '../job.ts';
import type { CommandSpec, Filter } from './command.ts';
import { AwkError, parseProgram, toRegExp, type Expr, type Rule, type Stmt } from './awk-parse.ts';
import { formatPrintf, unescape } from './printf.ts';
import { filterCommand, LineBuffer, out } from './text.ts';

/** A field or `-v` value: a string that compares as a number when it looks like one. */
class StrNum {
  constructor(readonly s: string) {}
}
const UNINIT = Symbol('uninitialized');
type Value = number | string | StrNum | typeof UNINIT;

const looksNumeric = (s: string) => /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/.test(s);

function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === UNINIT) return 0;
  const s = typeof v === 'string' ? v : v.s;
  const m = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+)/.exec(s);
  return m ? Number(m[0]) : 0;
}

function numStr(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  return formatPrintf('%.6g', [String(n)]).out;
}

function toStr(v: Value): string {
  if (typeof v === 'number') return numStr(v);
  if (v === UNINIT) return '';
  return typeof v === 'string' ? v : v.s;
}

const truthy = (v: Value): boolean =>
  typeof v === 'number'
    ? v !== 0
    : v === UNINIT
      ? false
      : v instanceof StrNum && looksNumeric(v.s)
        ? toNum(v) !== 0
        : toStr(v) !== '';

class NextRecord extends Error {}

// Models the POSIX awk execution model for the subset above (fields split on FS, $0 rebuilt with OFS).
function awk(args: string[]): { filter: Filter; files: string[] } | Job {
  const vars = new Map<string, Value>([
    ['FS', ' '],
    ['OFS', ' '],
    ['ORS', '\n'],
    ['NR', 0],
    ['NF', 0],
  ]);
  let program: string | undefined;
  const files: string[] = [];
  const assignments: [string, Value][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (program === undefined && (a === '-F' || (a.startsWith('-F') && a.length > 2))) {
      const fs = a === '-F' ? args[++i] : a.slice(2);
      if (fs === undefined) return doneJob('', "awk: option requires an argument -- 'F'\n", 2);
      vars.set('FS', fs === 't' ? '\t' : unescape(fs, { c: false }));
    } else if (program === undefined && (a === '-v' || (a.startsWith('-v') && a.length > 2))) {
      const assign = a === '-v' ? args[++i] : a.slice(2);
      const m = assign === undefined ? null : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(assign);
      if (!m) return doneJob('', `awk: improper assignment: -v ${assign ?? ''}\n`, 2);
      vars.set(m[1]!, new StrNum(unescape(m[2]!, { c: false })));
    } else if (program === undefined && a === '--') continue;
    else if (program === undefined && a.startsWith('-') && a.length > 1)
      return doneJob('', `awk: not an option: ${a}\n`, 2);
    else if (program === undefined) program = a;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      // An operand `NAME=value` assigns before the input that follows it is read.
      const eq = a.indexOf('=');
      assignments.push([a.slice(0, eq), new StrNum(unescape(a.slice(eq + 1), { c: false }))]);
    } else files.push(a);
  }
  if (program === undefined)
    return doneJob('', "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n", 2);
  let rules: Rule[];
  try {
    rules = parseProgram(program);
  } catch (e) {
    if (e instanceof AwkError) return doneJob('', `awk: line ${e.line}: ${e.message}\n`, 2);
    throw e;
  }
  let fields: string[] = [];
  let record = '';
  const split = (line: string) => {
    const fs = toStr(vars.get('FS')!);
    if (line === '') fields = [];
    else if (fs === ' ') fields = line.split(/[ \t\n]+/).filter((f) => f !== '');
    else if (fs.length === 1 && fs !== '\\') fields = line.split(fs);
    else fields = line.split(toRegExp(fs));
    vars.set('NF', fields.length);
  };
  const rebuild = () => {
    record = fields.join(toStr(vars.get('OFS')!));
  };
  const getField = (n: number): Value => {
    if (n < 0) throw new AwkError(`trying to access out of range field ${n}`);
    if (n === 0) return new StrNum(record);
    return n <= fields.length ? new StrNum(fields[n - 1]!) : UNINIT;
  };
  const setLvalue = (target: Expr, v: Value): Value => {
    if (target.k === 'var') {
      vars.set(target.name, v);
      if (target.name === 'NF') {
        fields.length = Math.max(0, Math.trunc(toNum(v)));
        for (let i = 0; i < fields.length; i++) fields[i] ??= '';
        rebuild();
      }
    } else if (target.k === 'field') {
      const n = Math.trunc(toNum(evaluate(target.e)));
      if (n === 0) {
        record = toStr(v);
        split(record);
      } else {
        while (fields.length < n) fields.push('');
        fields[n - 1] = toStr(v);
        vars.set('NF', fields.length);
        rebuild();
      }
    }
    return v;
  };
  const compare = (op: string, a: Value, b: Value): boolean => {
    const numeric = (v: Value) =>
      typeof v === 'number' || v === UNINIT || (v instanceof StrNum && looksNumeric(v.s));
    const c =
      numeric(a) && numeric(b) ? toNum(a) - toNum(b) : toStr(a) < toStr(b) ? -1 : toStr(a) > toStr(b) ? 1 : 0;
    return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[op] ?? false;
  };
  const regexOf = (e: Expr): RegExp => (e.k === 're' ? e.re : toRegExp(toStr(evaluate(e))));
  function evaluate(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return e.re.test(record) ? 1 : 0;
      case 'field':
        return getField(Math.trunc(toNum(evaluate(e.e))));
      case 'var':
        return vars.get(e.name) ?? UNINIT;
      case 'assign': {
        const v = evaluate(e.e);
        if (e.op === '=') return setLvalue(e.target, typeof v === 'number' ? v : v === UNINIT ? '' : v);
        return setLvalue(e.target, arith(e.op[0]!, toNum(evaluate(e.target)), toNum(v)));
      }
      case 'incr': {
        const old = toNum(evaluate(e.target));
        setLvalue(e.target, old + e.delta);
        return e.prefix ? old + e.delta : old;
      }
      case 'unary': {
        const v = evaluate(e.e);
        return e.op === '!' ? (truthy(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'match': {
        const r = regexOf(e.re).test(toStr(evaluate(e.a)));
        return r !== e.neg ? 1 : 0;
      }
      case 'cond':
        return truthy(evaluate(e.c)) ? evaluate(e.a) : evaluate(e.b);
      case 'bin': {
        if (e.op === '&&') return truthy(evaluate(e.a)) && truthy(evaluate(e.b)) ? 1 : 0;
        if (e.op === '||') return truthy(evaluate(e.a)) || truthy(evaluate(e.b)) ? 1 : 0;
        const a = evaluate(e.a);
        const b = evaluate(e.b);
        if (e.op === 'concat') return toStr(a) + toStr(b);
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return compare(e.op, a, b) ? 1 : 0;
        return arith(e.op, toNum(a), toNum(b));
      }
      case 'call':
        return call(e.name, e.args);
    }
  }
  function arith(op: string, a: number, b: number): number {
    if ((op === '/' || op === '%') && b === 0)
      throw new AwkError(`division by zero${op === '%' ? ' in %' : ''}`);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return a / b;
      case '%':
        return a % b;
      default:
        return a ** b;
    }
  }
  function call(name: string, args: Expr[]): Value {
    const v = args.map(evaluate);
    const s = (i: number) => toStr(v[i] ?? '');
    switch (name) {
      case 'length':
        return [...(args.length === 0 ? record : s(0))].length;
      case 'substr': {
        const str = [...s(0)];
        const start = Math.round(toNum(v[1] ?? 1));
        const len = v[2] === undefined ? Infinity : Math.round(toNum(v[2]));
        const from = Math.max(1, start);
        const to = Math.min(str.length + 1, start + len);
        return to > from ? str.slice(from - 1, to - 1).join('') : '';
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(toNum(v[0] ?? 0));
      case 'sprintf':
        return formatPrintf(s(0), v.slice(1).map(toStr), 'awk').out;
    }
    throw new AwkError(`function ${name} never defined`);
  }
  let skipped = false;
  /** Runs an action; `skipped` tells whether it ended with `next`. */
  const run = (stmts: Stmt[]): string => {
    let o = '';
    skipped = false;
    const exec = (st: Stmt): void => {
      switch (st.k) {
        case 'print':
          if (st.printf) {
            if (st.args.length === 0) throw new AwkError('printf: no format');
            const [fmt, ...rest] = st.args.map((a) => evaluate(a));
            o += formatPrintf(
              toStr(fmt!),
              rest.map((x) => (typeof x === 'number' ? numStr(x) : toStr(x))),
              'awk',
            ).out;
          } else {
            const parts = st.args.length === 0 ? [record] : st.args.map((a) => toStr(evaluate(a)));
            o += parts.join(toStr(vars.get('OFS')!)) + toStr(vars.get('ORS')!);
          }
          return;
        case 'expr':
          evaluate(st.e);
          return;
        case 'if':
          if (truthy(evaluate(st.c))) exec(st.then);
          else if (st.else) exec(st.else);
          return;
        case 'next':
          throw new NextRecord();
        case 'block':
          st.body.forEach(exec);
      }
    };
    try {
      stmts.forEach(exec);
    } catch (e) {
      if (!(e instanceof NextRecord)) throw e;
      skipped = true;
    }
    return o;
  };
  let failed: string | undefined;
  const guard = (f: () => string): Chunk[] => {
    if (failed !== undefined) return [];
    try {
      return out(f());
    } catch (e) {
      if (!(e instanceof AwkError)) throw e;
      failed = `awk: run time error: ${e.message}\n\tFILENAME="-" FNR=${toStr(vars.get('NR')!)} NR=${toStr(vars.get('NR')!)}\n`;
      return [{ fd: 2, text: failed }];
    }
  };
  const begin = guard(() =>
    rules
      .filter((r) => r.when === 'BEGIN')
      .map((r) => run(r.action ?? []))
      .join(''),
  );
  const onlyBegin = rules.every((r) => r.when === 'BEGIN');
  for (const [name, v] of assignments) vars.set(name, v);
  const lines = new LineBuffer();
  let pendingBegin = begin;
  const records = (ls: string[]): Chunk[] => {
    const chunks = pendingBegin;
    pendingBegin = [];
    if (onlyBegin) return chunks;
    for (const l of ls) {
      chunks.push(
        ...guard(() => {
          record = l.replace(/\n$/, '');
          vars.set('NR', toNum(vars.get('NR')!) + 1);
          split(record);
          let o = '';
          for (const r of rules) {
            if (r.when !== 'main') continue;
            if (r.pattern && !truthy(evaluate(r.pattern))) continue;
            o += r.action ? run(r.action) : `${record}${toStr(vars.get('ORS')!)}`;
            if (r.action && skipped) break;
          }
          return o;
        }),
      );
    }
    return chunks;
  };
  const filter: Filter = {
    get satisfied() {
      return onlyBegin || failed !== undefined;
    },
    write: (t) => records(lines.push(t)),
    end: () => {
      const chunks = records(lines.flush());
      if (!onlyBegin)
        chunks.push(
          ...guard(() =>
            rules
              .filter((r) => r.when === 'END')
              .map((r) => run(r.action ?? []))
              .join(''),
          ),
        );
      return { chunks, exitCode: failed !== undefined ? 2 : 0 };
    },
  };
  return { filter, files };
}

export const awkCommands: Record<string, CommandSpec> = { awk: filterCommand(awk, 'awk') };
