// The awk subset's lexer and parser (see awk.ts): patterns, actions, print/printf, if, next, expressions.
import { unescape } from './printf.ts';

export class AwkError extends Error {
  constructor(
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

/** An expression of the program. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: RegExp }
  | { k: 'field'; e: Expr }
  | { k: 'var'; name: string }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incr'; delta: number; prefix: boolean; target: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; name: string; args: Expr[] };

export type Stmt =
  | { k: 'print'; printf: boolean; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else: Stmt | undefined }
  | { k: 'next' }
  | { k: 'block'; body: Stmt[] };

export interface Rule {
  when: 'BEGIN' | 'END' | 'main';
  pattern: Expr | undefined;
  action: Stmt[] | undefined;
}

type Tok = { t: 'num' | 'str' | 're' | 'name' | 'func' | 'op' | 'nl' | 'eof'; v: string; at: number };

const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'tolower',
  'toupper',
  'sprintf',
  'int',
  'split',
  'sub',
  'gsub',
]);
const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'print',
  'printf',
  'if',
  'else',
  'next',
  'for',
  'while',
  'do',
  'function',
  'in',
  'delete',
  'getline',
  'exit',
  'return',
]);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const operandEnded = () => {
    const last = toks[toks.length - 1];
    return (
      last !== undefined && (['num', 'str', 'name', 're'].includes(last.t) || [')', '$'].includes(last.v))
    );
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '\n' || c === ';') {
      toks.push({ t: 'nl', v: c, at: i++ });
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+)/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+)/.exec(src.slice(i))!;
      toks.push({ t: 'num', v: m[0], at: i });
      i += m[0].length;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          v += src.slice(j, j + 2);
          j += 2;
        } else v += src[j++];
      }
      if (j >= src.length) throw new AwkError('runaway string constant "' + v.slice(0, 10) + ' ...');
      toks.push({ t: 'str', v: unescape(v.replace(/\\\//g, '/'), { c: false }), at: i });
      i = j + 1;
    } else if (c === '/' && !operandEnded()) {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '/' && src[j] !== '\n') {
        if (src[j] === '\\' && src[j + 1] === '/') {
          v += '/';
          j += 2;
        } else v += src[j++];
      }
      if (src[j] !== '/') throw new AwkError(`runaway regular expression /${v.slice(0, 10)} ...`);
      toks.push({ t: 're', v, at: i });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: BUILTINS.has(m[0]) ? 'func' : 'name', v: m[0], at: i });
      i += m[0].length;
    } else {
      const ops = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^='];
      const op = ops.find((o) => src.startsWith(o, i)) ?? c;
      if (!'{}()[]$,+-*/%^!<>=~?:|'.includes(op[0]!)) throw new AwkError(`syntax error at or near ${op}`);
      toks.push({ t: 'op', v: op, at: i });
      i += op.length;
    }
  }
  toks.push({ t: 'eof', v: 'end of file', at: src.length });
  return toks;
}

export function parseProgram(src: string): Rule[] {
  const toks = lex(src);
  let k = 0;
  const peek = () => toks[k]!;
  const is = (v: string) => peek().t === 'op' && peek().v === v;
  const fail = (): never => {
    const t = peek();
    throw new AwkError(`syntax error at or near ${t.t === 'nl' && t.v === '\n' ? 'end of line' : t.v}`);
  };
  const expect = (v: string) => {
    if (!is(v)) fail();
    k++;
  };
  const skipNl = () => {
    while (peek().t === 'nl') k++;
  };
  const unsupported = (what: string): never => {
    throw new AwkError(`${what} is not supported by this awk (a small subset for one-liners)`);
  };

  const primary = (): Expr => {
    const t = peek();
    if (t.t === 'num') return (k++, { k: 'num', v: Number(t.v) });
    if (t.t === 'str') return (k++, { k: 'str', v: t.v });
    if (t.t === 're') return (k++, { k: 're', re: toRegExp(t.v) });
    if (t.t !== 'op' && t.t !== 'func' && t.t !== 'name') return fail();
    if (t.v === '$' && t.t === 'op') {
      k++;
      return { k: 'field', e: incdec() };
    }
    if (t.v === '(' && t.t === 'op') {
      k++;
      const e = expr(false);
      expect(')');
      return e;
    }
    if (t.t === 'op' && (t.v === '-' || t.v === '+' || t.v === '!')) {
      k++;
      return { k: 'unary', op: t.v, e: unaryLevel() };
    }
    if (t.t === 'op' && (t.v === '++' || t.v === '--')) {
      k++;
      return { k: 'incr', delta: t.v === '++' ? 1 : -1, prefix: true, target: lvalue(primary()) };
    }
    if (t.t === 'func') {
      k++;
      if (t.v === 'split' || t.v === 'sub' || t.v === 'gsub') unsupported(`${t.v}()`);
      const args: Expr[] = [];
      if (is('(')) {
        k++;
        if (!is(')')) {
          args.push(expr(false));
          while (is(',')) {
            k++;
            args.push(expr(false));
          }
        }
        expect(')');
      } else if (t.v !== 'length') fail();
      return { k: 'call', name: t.v, args };
    }
    if (t.t === 'name') {
      if (KEYWORDS.has(t.v)) fail();
      k++;
      if (is('[')) unsupported('arrays');
      if (is('(')) unsupported('user-defined functions');
      return { k: 'var', name: t.v };
    }
    if (t.v === '[') unsupported('arrays');
    return fail();
  };
  const lvalue = (e: Expr): Expr => (e.k === 'var' || e.k === 'field' ? e : fail());
  const incdec = (): Expr => {
    const e = primary();
    if ((is('++') || is('--')) && (e.k === 'var' || e.k === 'field')) {
      const delta = peek().v === '++' ? 1 : -1;
      k++;
      return { k: 'incr', delta, prefix: false, target: e };
    }
    return e;
  };
  const power = (): Expr => {
    const a = incdec();
    if (is('^')) {
      k++;
      return { k: 'bin', op: '^', a, b: unaryLevel() };
    }
    return a;
  };
  const unaryLevel = (): Expr => power();
  const binary = (ops: string[], next: () => Expr) => (): Expr => {
    let a = next();
    while (peek().t === 'op' && ops.includes(peek().v)) {
      const op = peek().v;
      k++;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const mul = binary(['*', '/', '%'], unaryLevel);
  const add = binary(['+', '-'], mul);
  const startsOperand = () => {
    const t = peek();
    return (
      ['num', 'str', 're', 'name', 'func'].includes(t.t) ||
      (t.t === 'op' && ['$', '(', '!', '++', '--'].includes(t.v))
    );
  };
  const concat = (): Expr => {
    let a = add();
    while (startsOperand() && !(peek().t === 'name' && KEYWORDS.has(peek().v))) {
      a = { k: 'bin', op: 'concat', a, b: add() };
    }
    return a;
  };
  const compare = (noGt: boolean) => (): Expr => {
    const a = concat();
    const ops = ['<', '<=', '==', '!=', '>=', ...(noGt ? [] : ['>'])];
    if (peek().t === 'op' && ops.includes(peek().v)) {
      const op = peek().v;
      k++;
      return { k: 'bin', op, a, b: concat() };
    }
    return a;
  };
  const match = (noGt: boolean) => (): Expr => {
    let a = compare(noGt)();
    while (is('~') || is('!~')) {
      const neg = peek().v === '!~';
      k++;
      a = { k: 'match', neg, a, re: compare(noGt)() };
    }
    return a;
  };
  const logical = (op: string, next: () => Expr) => (): Expr => {
    let a = next();
    while (is(op)) {
      k++;
      skipNl();
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const expr = (noGt: boolean): Expr => {
    const or = logical('||', logical('&&', match(noGt)));
    const c = or();
    if (is('?')) {
      k++;
      const a = expr(noGt);
      expect(':');
      return { k: 'cond', c, a, b: expr(noGt) };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v)) {
      const op = peek().v;
      k++;
      return { k: 'assign', op, target: lvalue(c), e: expr(noGt) };
    }
    return c;
  };

  const simpleStatement = (): Stmt => {
    const t = peek();
    if (t.v === 'print' || t.v === 'printf') {
      k++;
      const args: Expr[] = [];
      if (!is('}') && peek().t !== 'nl' && peek().t !== 'eof') {
        args.push(expr(true));
        while (is(',')) {
          k++;
          args.push(expr(true));
        }
      }
      if (is('>') || is('|')) unsupported('output redirection');
      return { k: 'print', printf: t.v === 'printf', args };
    }
    if (t.v === 'next') return (k++, { k: 'next' });
    if (
      ['for', 'while', 'do', 'delete', 'getline', 'exit', 'return', 'function'].includes(t.v) &&
      t.t === 'name'
    )
      unsupported(`\`${t.v}'`);
    return { k: 'expr', e: expr(false) };
  };
  const statement = (): Stmt => {
    skipNl();
    if (is('{')) {
      k++;
      return { k: 'block', body: statements() };
    }
    if (peek().t === 'name' && peek().v === 'if') {
      k++;
      expect('(');
      const c = expr(false);
      expect(')');
      const then = statement();
      const save = k;
      skipNl();
      if (peek().t === 'name' && peek().v === 'else') {
        k++;
        return { k: 'if', c, then, else: statement() };
      }
      k = save;
      return { k: 'if', c, then, else: undefined };
    }
    const s = simpleStatement();
    if (peek().t === 'nl') k++;
    else if (!is('}') && peek().t !== 'eof') fail();
    return s;
  };
  const statements = (): Stmt[] => {
    const body: Stmt[] = [];
    for (;;) {
      skipNl();
      if (is('}')) {
        k++;
        return body;
      }
      if (peek().t === 'eof') throw new AwkError('missing } near end of file', src.split('\n').length + 1);
      body.push(statement());
    }
  };

  const rules: Rule[] = [];
  for (;;) {
    skipNl();
    const t = peek();
    if (t.t === 'eof') return rules;
    if (t.t === 'name' && t.v === 'function') unsupported('user-defined functions');
    let when: Rule['when'] = 'main';
    let pattern: Expr | undefined;
    if (t.t === 'name' && (t.v === 'BEGIN' || t.v === 'END')) {
      when = t.v;
      k++;
    } else if (!is('{')) {
      pattern = expr(false);
      if (is(',')) unsupported('range patterns');
    }
    let action: Stmt[] | undefined;
    if (is('{')) {
      k++;
      action = statements();
    } else if (when !== 'main') fail();
    rules.push({ when, pattern, action });
  }
}

export function toRegExp(src: string): RegExp {
  try {
    return new RegExp(src);
  } catch {
    throw new AwkError(`regular expression compile failed (${src})`);
  }
}
