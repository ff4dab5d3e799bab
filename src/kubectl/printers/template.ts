// `-o go-template=...` / `--template`: a subset of Go's text/template over the object as kubectl passes it
// (JSON-decoded, so every number is a float64). Fields, variables, pipelines, parentheses, if/else/range/with,
// and the builtins kubectl templates use (index, len, printf, eq, ...).

type Value = unknown;
/** The result of a missing map key: printed as `<no value>`. */
const NO_VALUE = Symbol('no value');

export class TemplateError extends Error {}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; body: Node[]; else: Node[] }
  | { t: 'range'; pipe: Pipe; body: Node[]; else: Node[] };

interface Pipe {
  decl: string[];
  cmds: Arg[][];
}

type Arg =
  | { t: 'field'; /** `dot` or a variable name (`$`, `$c`). */ base: string; path: string[] }
  | { t: 'lit'; value: Value }
  | { t: 'ident'; name: string }
  | { t: 'paren'; pipe: Pipe; path: string[] };

// Models golang text/template/parse lex.go (the token classes a kubectl template needs)
function tokenize(s: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' && c === '"' ? 2 : 1;
      toks.push(s.slice(i, j + 1));
      i = j + 1;
    } else if (c === '(' || c === ')' || c === '|' || c === ',') {
      toks.push(c);
      i++;
    } else if (s.startsWith(':=', i) || (c === '=' && s[i - 1] !== '!')) {
      const op = s.startsWith(':=', i) ? ':=' : '=';
      toks.push(op);
      i += op.length;
    } else {
      let j = i;
      while (j < s.length && !/[\s()|,]/.test(s[j]!) && !s.startsWith(':=', j)) j++;
      toks.push(s.slice(i, j));
      i = j;
    }
  }
  return toks;
}

function parseArgToken(tok: string): Arg {
  if (tok.startsWith('"')) return { t: 'lit', value: JSON.parse(tok) as string };
  if (tok.startsWith('`')) return { t: 'lit', value: tok.slice(1, -1) };
  if (/^-?[0-9]/.test(tok)) return { t: 'lit', value: Number(tok) };
  if (tok === 'true' || tok === 'false') return { t: 'lit', value: tok === 'true' };
  if (tok === 'nil') return { t: 'lit', value: null };
  if (tok === '.') return { t: 'field', base: 'dot', path: [] };
  if (tok.startsWith('.')) return { t: 'field', base: 'dot', path: tok.slice(1).split('.') };
  if (tok.startsWith('$')) {
    const [v, ...path] = tok.split('.');
    return { t: 'field', base: v!, path };
  }
  return { t: 'ident', name: tok };
}

function parsePipe(toks: string[]): Pipe {
  let pos = 0;
  const decl: string[] = [];
  const assign = toks.findIndex((t) => t === ':=' || t === '=');
  if (assign > 0 && toks.slice(0, assign).every((t) => t.startsWith('$') || t === ',')) {
    for (const t of toks.slice(0, assign)) if (t !== ',') decl.push(t);
    pos = assign + 1;
  }
  const parseCmds = (stopAtParen: boolean): Arg[][] => {
    const cmds: Arg[][] = [[]];
    while (pos < toks.length) {
      const tok = toks[pos++]!;
      if (tok === ')') {
        if (stopAtParen) return cmds;
        throw new TemplateError('unexpected right paren');
      }
      if (tok === '|') cmds.push([]);
      else if (tok === '(') {
        const inner = parseCmds(true);
        let path: string[] = [];
        if (pos < toks.length && toks[pos]!.startsWith('.') && !/\s/.test(toks[pos]!)) {
          path = toks[pos++]!.slice(1).split('.');
        }
        cmds[cmds.length - 1]!.push({ t: 'paren', pipe: { decl: [], cmds: inner }, path });
      } else cmds[cmds.length - 1]!.push(parseArgToken(tok));
    }
    if (stopAtParen) throw new TemplateError('unclosed left paren');
    return cmds;
  };
  return { decl, cmds: parseCmds(false) };
}

// Models golang text/template/parse parse.go Tree.parse (itemList, control structures)
function parseTemplate(src: string): Node[] {
  const root: Node[] = [];
  type Frame = { node: Node & { body: Node[]; else: Node[] }; inElse: boolean };
  const stack: Frame[] = [];
  const target = () => {
    const f = stack[stack.length - 1];
    return f ? (f.inElse ? f.node.else : f.node.body) : root;
  };
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (open < 0) {
      if (text) target().push({ t: 'text', text });
      break;
    }
    const close = src.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError('unclosed action');
    let inner = src.slice(open + 2, close);
    if (inner.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    let trimAfter = false;
    if (inner.endsWith(' -')) {
      trimAfter = true;
      inner = inner.slice(0, -1);
    }
    if (text) target().push({ t: 'text', text });
    i = close + 2;
    if (trimAfter) while (i < src.length && /\s/.test(src[i]!)) i++;
    inner = inner.trim();
    if (inner.startsWith('/*')) continue;
    const toks = tokenize(inner);
    const kw = toks[0];
    if (kw === 'if' || kw === 'with' || kw === 'range') {
      const node = { t: kw, pipe: parsePipe(toks.slice(1)), body: [], else: [] } as Node & {
        body: Node[];
        else: Node[];
      };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (kw === 'else') {
      const f = stack[stack.length - 1];
      if (!f) throw new TemplateError('unexpected {{else}}');
      f.inElse = true;
      if (toks[1] === 'if' || toks[1] === 'with') {
        const node = { t: toks[1], pipe: parsePipe(toks.slice(2)), body: [], else: [] } as Node & {
          body: Node[];
          else: Node[];
        };
        f.node.else.push(node);
        stack.push({ node, inElse: false });
        (node as { chained?: boolean }).chained = true;
      }
    } else if (kw === 'end') {
      let f = stack.pop();
      if (!f) throw new TemplateError('unexpected {{end}}');
      while ((f.node as { chained?: boolean }).chained) f = stack.pop()!;
    } else {
      target().push({ t: 'action', pipe: parsePipe(toks) });
    }
  }
  if (stack.length > 0) throw new TemplateError('unexpected EOF');
  return root;
}

const isMap = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// Models golang text/template exec.go isTrue
function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** Go's %v of a float64 (strconv 'g' with the shortest digits: exponent form from 1e+06). */
export function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = n.toExponential().split('e');
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(n);
}

// Models golang fmt print.go printValue (%v of JSON-decoded data)
export function goPrint(v: Value): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  const o = v as Record<string, Value>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goPrint(o[k])}`)
    .join(' ')}]`;
}

function printf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([vsdqfgtx%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const a = args[i++];
    if (verb === 'q') return JSON.stringify(typeof a === 'string' ? a : goPrint(a));
    if (verb === 'd' && typeof a === 'number') return String(Math.trunc(a));
    return goPrint(a);
  });
}

function field(v: Value, name: string): Value {
  if (isMap(v)) return Object.prototype.hasOwnProperty.call(v, name) ? v[name] : NO_VALUE;
  if (v === NO_VALUE || v === null || v === undefined) return NO_VALUE;
  throw new TemplateError(
    `can't evaluate field ${name} in type ${Array.isArray(v) ? '[]interface {}' : typeof v}`,
  );
}

const cmp = (a: Value, b: Value): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new TemplateError('incompatible types for comparison');
};

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function base64Encode(s: string): string {
  const bytes = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += b64[(n >> 18) & 63]! + b64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? b64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? b64[n & 63]! : '=';
  }
  return out;
}

function base64Decode(s: string): string {
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s.replace(/=+$/, '')) {
    const v = b64.indexOf(ch);
    if (v < 0) throw new TemplateError('error calling base64decode: illegal base64 data');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63);
    out += String.fromCodePoint(c);
    i += len;
  }
  return out;
}

const funcs: Record<string, (args: Value[]) => Value> = {
  index: ([x, ...keys]) => {
    let v = x;
    for (const k of keys) {
      if (Array.isArray(v)) {
        const n = k as number;
        if (n < 0 || n >= v.length) throw new TemplateError(`error calling index: index out of range: ${n}`);
        v = v[n];
      } else if (isMap(v))
        v = Object.prototype.hasOwnProperty.call(v, k as string) ? v[k as string] : NO_VALUE;
      else if (v === NO_VALUE || v === null)
        throw new TemplateError('error calling index: index of untyped nil');
    }
    return v;
  },
  len: ([x]) => (Array.isArray(x) || typeof x === 'string' ? x.length : isMap(x) ? Object.keys(x).length : 0),
  printf: ([f, ...rest]) => printf(String(f), rest),
  print: (args) => args.map(goPrint).join(''),
  println: (args) => `${args.map(goPrint).join(' ')}\n`,
  not: ([x]) => !truth(x),
  and: (args) => args.find((a) => !truth(a)) ?? args[args.length - 1],
  or: (args) => args.find((a) => truth(a)) ?? args[args.length - 1],
  eq: ([a, ...bs]) => bs.some((b) => a === b),
  ne: ([a, b]) => a !== b,
  lt: ([a, b]) => cmp(a, b) < 0,
  le: ([a, b]) => cmp(a, b) <= 0,
  gt: ([a, b]) => cmp(a, b) > 0,
  ge: ([a, b]) => cmp(a, b) >= 0,
  base64decode: ([s]) => base64Decode(String(s)),
  base64encode: ([s]) => base64Encode(String(s)),
};

class Exec {
  private readonly vars: Map<string, Value>[];
  constructor(
    root: Value,
    private readonly out: string[],
  ) {
    this.vars = [new Map([['$', root]])];
  }

  private lookup(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.has(name)) return this.vars[i]!.get(name);
    throw new TemplateError(`undefined variable: ${name}`);
  }

  private arg(a: Arg, dot: Value): Value {
    switch (a.t) {
      case 'lit':
        return a.value;
      case 'field': {
        let v = a.base === 'dot' ? dot : this.lookup(a.base);
        for (const p of a.path) v = field(v, p);
        return v;
      }
      case 'paren': {
        let v = this.pipe(a.pipe, dot);
        for (const p of a.path) v = field(v, p);
        return v;
      }
      case 'ident':
        throw new TemplateError(`function "${a.name}" not defined`);
    }
  }

  private cmd(cmd: Arg[], dot: Value, prev: Value, hasPrev: boolean): Value {
    const head = cmd[0];
    if (!head) throw new TemplateError('empty command');
    if (head.t === 'ident') {
      const fn = funcs[head.name];
      if (!fn) throw new TemplateError(`function "${head.name}" not defined`);
      const args = cmd.slice(1).map((x) => this.arg(x, dot));
      if (hasPrev) args.push(prev);
      return fn(args);
    }
    return this.arg(head, dot);
  }

  pipe(p: Pipe, dot: Value): Value {
    let v: Value;
    p.cmds.forEach((c, i) => {
      v = this.cmd(c, dot, v, i > 0);
    });
    if (p.decl.length === 1) this.vars[this.vars.length - 1]!.set(p.decl[0]!, v);
    return v;
  }

  run(nodes: readonly Node[], dot: Value): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          this.out.push(n.text);
          break;
        case 'action': {
          const v = this.pipe(n.pipe, dot);
          if (n.pipe.decl.length === 0) this.out.push(goPrint(v));
          break;
        }
        case 'if':
        case 'with': {
          this.vars.push(new Map());
          const v = this.pipe(n.pipe, dot);
          if (truth(v)) this.run(n.body, n.t === 'with' ? v : dot);
          else this.run(n.else, dot);
          this.vars.pop();
          break;
        }
        case 'range': {
          this.vars.push(new Map());
          const decl = n.pipe.decl;
          const v = this.pipe({ decl: [], cmds: n.pipe.cmds }, dot);
          const entries: [Value, Value][] = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : isMap(v)
              ? Object.keys(v)
                  .sort()
                  .map((k) => [k, v[k]])
              : typeof v === 'number'
                ? Array.from({ length: v }, (_x, i) => [i, i])
                : [];
          if (entries.length === 0) this.run(n.else, dot);
          for (const [k, x] of entries) {
            const scope = this.vars[this.vars.length - 1]!;
            if (decl.length === 1) scope.set(decl[0]!, x);
            if (decl.length === 2) {
              scope.set(decl[0]!, k);
              scope.set(decl[1]!, x);
            }
            this.run(n.body, x);
          }
          this.vars.pop();
          break;
        }
      }
    }
  }
}

/** Executes a Go template against the object's JSON form. Throws TemplateError. */
export function executeGoTemplate(template: string, obj: unknown): string {
  const data = JSON.parse(JSON.stringify(obj)) as Value;
  const out: string[] = [];
  new Exec(data, out).run(parseTemplate(template), data);
  return out.join('');
}
