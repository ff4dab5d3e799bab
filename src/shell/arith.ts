// `$((expression))`: bash's integer arithmetic (expr.c) for the operators scripts use: + - * / % **, comparisons,
// && || !, bitwise operators, ?:, parentheses, variables (by name, an unset or empty one is 0), and = += -= ++ --.

/** An arithmetic error, worded as bash prints it after `bash: `. */
export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { kind: 'num'; value: number; at: number } | { kind: 'name' | 'op'; text: string; at: number };

const OPS = [
  '**=',
  '<<=',
  '>>=',
  '**',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
];

function lex(expr: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9][0-9A-Za-z_#@]*)/.exec(expr.slice(i));
    if (num) {
      toks.push({ kind: 'num', value: parseNumber(num[0], expr.slice(i)), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (name) {
      toks.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i)) ?? c;
    if (!'+-*/%<>=!~&|^?:(),'.includes(op[0]!)) {
      throw new ArithError(
        `${expr.trim()}: syntax error: invalid arithmetic operator (error token is "${expr.slice(i).trimEnd()}")`,
      );
    }
    toks.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  return toks;
}

function parseNumber(text: string, rest: string): number {
  let n: number;
  if (/^0[xX]/.test(text)) n = parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) n = parseInt(text, 8);
  else if (/^[1-9][0-9]*$/.test(text)) n = Number(text);
  else n = NaN;
  if (Number.isNaN(n))
    throw new ArithError(`${text}: value too great for base (error token is "${rest.trimEnd()}")`);
  return n;
}

/** Models bash expr.c evalexp: evaluates `expr`, reading and assigning variables through `vars`. */
export function evaluate(expr: string, vars: ArithVars, depth = 0): number {
  if (expr.trim() === '') return 0;
  const toks = lex(expr);
  let k = 0;
  const peek = (): Tok | undefined => toks[k];
  const isOp = (...ops: string[]) => {
    const t = peek();
    return t?.kind === 'op' && ops.includes(t.text);
  };
  const rest = (t: Tok | undefined) => {
    const at = t ?? toks[k - 1];
    return at ? expr.slice(at.at).trimEnd() : '';
  };
  const fail = (what: string, t: Tok | undefined): never => {
    throw new ArithError(`${expr.trim()}: ${what} (error token is "${rest(t)}")`);
  };
  const valueOf = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0;
    if (depth > 32) throw new ArithError(`${name}: expression recursion level exceeded`);
    return evaluate(v, vars, depth + 1);
  };
  const assign = (name: string, v: number): number => {
    vars.set(name, String(v));
    return v;
  };
  const int = (n: number) => (Object.is(n, -0) ? 0 : Math.trunc(n));
  const binary = (op: string, a: number, b: number, at: Tok | undefined): number => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${rest(at)}")`);
        return int(op === '/' ? a / b : a % b);
      case '**':
        if (b < 0)
          throw new ArithError(`${expr.trim()}: exponent less than 0 (error token is "${rest(at)}")`);
        return a ** b;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
    }
    return fail('syntax error: invalid arithmetic operator', at);
  };

  const primary = (): number => {
    const t = peek();
    if (!t) return fail('syntax error: operand expected', t);
    if (t.kind === 'num') {
      k++;
      return t.value;
    }
    if (t.kind === 'name') {
      k++;
      if (isOp('++', '--')) {
        const op = (peek() as { text: string }).text;
        k++;
        const v = valueOf(t.text);
        assign(t.text, op === '++' ? v + 1 : v - 1);
        return v;
      }
      if (isOp('=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=', '**=')) {
        const op = (peek() as { text: string }).text;
        const at = peek();
        k++;
        const rhs = assignment();
        return assign(t.text, op === '=' ? rhs : binary(op.slice(0, -1), valueOf(t.text), rhs, at));
      }
      return valueOf(t.text);
    }
    if (t.text === '(') {
      k++;
      const v = comma();
      if (!isOp(')')) fail("missing `)'", peek());
      k++;
      return v;
    }
    if (t.text === '++' || t.text === '--') {
      k++;
      const n = peek();
      if (n?.kind !== 'name') return fail('syntax error: operand expected', n);
      k++;
      return assign(n.text, valueOf(n.text) + (t.text === '++' ? 1 : -1));
    }
    if (['-', '+', '!', '~'].includes(t.text)) {
      k++;
      const v = unary();
      if (t.text === '-') return -v;
      if (t.text === '+') return v;
      if (t.text === '!') return v === 0 ? 1 : 0;
      return ~v;
    }
    return fail('syntax error: operand expected', t);
  };
  const unary = (): number => primary();
  const power = (): number => {
    const a = unary();
    if (isOp('**')) {
      const at = peek();
      k++;
      return binary('**', a, power(), at);
    }
    return a;
  };
  const level = (ops: string[], next: () => number) => (): number => {
    let a = next();
    while (isOp(...ops)) {
      const t = peek() as { text: string; at: number };
      k++;
      const b = next();
      a = compare(t.text, a, b) ?? binary(t.text, a, b, toks[k - 1]);
    }
    return a;
  };
  const compare = (op: string, a: number, b: number): number | undefined => {
    const r: Record<string, (x: number, y: number) => boolean> = {
      '<': (x, y) => x < y,
      '<=': (x, y) => x <= y,
      '>': (x, y) => x > y,
      '>=': (x, y) => x >= y,
      '==': (x, y) => x === y,
      '!=': (x, y) => x !== y,
    };
    const f = r[op];
    return f ? (f(a, b) ? 1 : 0) : undefined;
  };
  const mul = level(['*', '/', '%'], power);
  const add = level(['+', '-'], mul);
  const shift = level(['<<', '>>'], add);
  const rel = level(['<', '<=', '>', '>='], shift);
  const eq = level(['==', '!='], rel);
  const band = level(['&'], eq);
  const bxor = level(['^'], band);
  const bor = level(['|'], bxor);
  const and = (): number => {
    let a = bor();
    while (isOp('&&')) {
      k++;
      const b = bor();
      a = a !== 0 && b !== 0 ? 1 : 0;
    }
    return a;
  };
  const or = (): number => {
    let a = and();
    while (isOp('||')) {
      k++;
      const b = and();
      a = a !== 0 || b !== 0 ? 1 : 0;
    }
    return a;
  };
  const ternary = (): number => {
    const c = or();
    if (!isOp('?')) return c;
    k++;
    const a = comma();
    if (!isOp(':')) fail("`:' expected for conditional expression", peek());
    k++;
    const b = ternary();
    return c !== 0 ? a : b;
  };
  const assignment = (): number => ternary();
  const comma = (): number => {
    let v = assignment();
    while (isOp(',')) {
      k++;
      v = assignment();
    }
    return v;
  };
  const v = comma();
  if (k < toks.length) fail('syntax error in expression', toks[k]);
  return int(v);
}
