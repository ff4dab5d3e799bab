// kubectl's JSONPath (client-go util/jsonpath): `{.items[*].metadata.name}`, `{range ...}{end}`, filters,
// over plain JSON values. Used by `-o jsonpath=`, `-o custom-columns=` and `--sort-by`.
import { printJSON, printJSONCompact } from './json.ts';
import { goQuote, goSharpV, goTypeName } from './gofmt.ts';
import { PrinterError } from './errors.ts';

type Value = unknown;

type Step =
  | { t: 'field'; names: string[] }
  | { t: 'array'; start?: number; end?: number; step?: number; index?: number }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'filter'; left: Step[]; op: string; right: Step[] }
  | { t: 'literal'; value: Value };

type Segment =
  { t: 'text'; text: string } | { t: 'expr'; steps: Step[] } | { t: 'range'; steps: Step[]; body: Segment[] };

export class JSONPathError extends Error {}

const identChar = /[A-Za-z0-9_\-/$]/;

// Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/parser.go Parser
class Parser {
  private pos = 0;
  constructor(private readonly s: string) {}

  private err(msg: string): JSONPathError {
    return new JSONPathError(msg);
  }

  parseExpr(end: number): Step[] {
    const steps: Step[] = [];
    while (this.pos < end) {
      const c = this.s[this.pos]!;
      if (c === ' ') {
        this.pos++;
      } else if (c === '.') {
        if (this.s[this.pos + 1] === '.') {
          steps.push({ t: 'recursive' });
          this.pos += 2;
          continue;
        }
        this.pos++;
        if (this.s[this.pos] === '*') {
          this.pos++;
          steps.push({ t: 'wildcard' });
          continue;
        }
        const start = this.pos;
        while (this.pos < end && (identChar.test(this.s[this.pos]!) || this.s[this.pos] === '\\')) {
          if (this.s[this.pos] === '\\') this.pos++;
          this.pos++;
        }
        const name = this.s.slice(start, this.pos).replace(/\\(.)/g, '$1');
        if (name !== '') steps.push({ t: 'field', names: [name] });
      } else if (c === '[') {
        steps.push(this.parseBracket());
      } else if (c === '*') {
        this.pos++;
        steps.push({ t: 'wildcard' });
      } else if (c === '"' || c === "'") {
        steps.push({ t: 'literal', value: this.parseQuoted() });
      } else if (c === '@') {
        this.pos++;
      } else if (/[0-9-]/.test(c)) {
        const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.s.slice(this.pos))!;
        this.pos += m[0].length;
        steps.push({ t: 'literal', value: Number(m[0]) });
      } else if (this.s.startsWith('true', this.pos) || this.s.startsWith('false', this.pos)) {
        const v = this.s.startsWith('true', this.pos);
        this.pos += v ? 4 : 5;
        steps.push({ t: 'literal', value: v });
      } else if (identChar.test(c)) {
        const start = this.pos;
        while (this.pos < end && identChar.test(this.s[this.pos]!)) this.pos++;
        steps.push({ t: 'field', names: [this.s.slice(start, this.pos)] });
      } else {
        throw this.err(
          `unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
        );
      }
    }
    return steps;
  }

  private parseQuoted(): string {
    const q = this.s[this.pos]!;
    let out = '';
    this.pos++;
    while (this.pos < this.s.length && this.s[this.pos] !== q) {
      if (this.s[this.pos] === '\\') {
        const n = this.s[this.pos + 1];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : (n ?? '');
        this.pos += 2;
      } else {
        out += this.s[this.pos++];
      }
    }
    if (this.s[this.pos] !== q) throw this.err('unterminated quoted string');
    this.pos++;
    return out;
  }

  private matchingBracket(from: number): number {
    let depth = 0;
    let quote = '';
    for (let i = from; i < this.s.length; i++) {
      const c = this.s[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    throw this.err('unterminated array');
  }

  private parseBracket(): Step {
    const close = this.matchingBracket(this.pos);
    const inner = this.s.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inner === '*') return { t: 'wildcard' };
    if (inner.startsWith('?(') && inner.endsWith(')')) return this.parseFilter(inner.slice(2, -1));
    if (/^['"]/.test(inner)) {
      const names = inner.split(',').map((p) => p.trim().replace(/^['"]|['"]$/g, ''));
      return { t: 'field', names };
    }
    const m = /^(-?\d*)\s*(?::\s*(-?\d*)\s*(?::\s*(-?\d*))?)?$/.exec(inner);
    if (!m) throw this.err(`invalid array index ${inner}`);
    const num = (x: string | undefined) => (x === undefined || x === '' ? undefined : Number(x));
    if (m[2] === undefined && !inner.includes(':')) {
      if (m[1] === '') throw this.err('invalid array index');
      return { t: 'array', index: Number(m[1]) };
    }
    return { t: 'array', start: num(m[1]), end: num(m[2]), step: num(m[3]) };
  }

  private parseFilter(expr: string): Step {
    const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(expr);
    const sub = (text: string) => new Parser(text).parseExpr(text.length);
    if (!m) return { t: 'filter', left: sub(expr), op: 'exists', right: [] };
    return { t: 'filter', left: sub(m[1]!), op: m[2]!, right: sub(m[3]!) };
  }
}

// Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/parser.go Parser.parseText/parseLeftDelim
export function parseJSONPath(template: string): Segment[] {
  const root: Segment[] = [];
  const stack: Segment[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i, open) });
    let close = -1;
    let quote = '';
    for (let j = open + 1; j < template.length; j++) {
      const c = template[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) throw new JSONPathError('unclosed action');
    const action = template.slice(open + 1, close).trim();
    if (action === 'end') {
      if (stack.length === 1) throw new JSONPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ') || action === 'range') {
      const expr = action.slice(5).trim();
      const seg: Segment = { t: 'range', steps: new Parser(expr).parseExpr(expr.length), body: [] };
      stack[stack.length - 1]!.push(seg);
      stack.push(seg.body);
    } else {
      stack[stack.length - 1]!.push({ t: 'expr', steps: new Parser(action).parseExpr(action.length) });
    }
    i = close + 1;
  }
  if (stack.length > 1) throw new JSONPathError('unclosed range');
  return root;
}

const isMap = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function compare(a: Value, b: Value, op: string): boolean {
  if (op === '==') return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
  if (op === '!=') return a !== b;
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a;
  const y = b as number | string;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function recursiveValues(v: Value, out: Value[]): void {
  out.push(v);
  if (Array.isArray(v)) for (const x of v) recursiveValues(x, out);
  else if (isMap(v)) for (const k of Object.keys(v).sort()) recursiveValues(v[k], out);
}

// Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go JSONPath.walk
export function evalSteps(input: Value[], steps: readonly Step[], allowMissingKeys: boolean): Value[] {
  let cur = input;
  for (const step of steps) {
    const next: Value[] = [];
    for (const v of cur) {
      switch (step.t) {
        case 'literal':
          next.push(step.value);
          break;
        case 'field':
          for (const name of step.names) {
            if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined)
              next.push(v[name]);
            else if (!allowMissingKeys) throw new JSONPathError(`${name} is not found`);
          }
          break;
        case 'wildcard':
          if (Array.isArray(v)) next.push(...(v as Value[]));
          else if (isMap(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
          break;
        case 'recursive':
          recursiveValues(v, next);
          break;
        case 'array': {
          // Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go JSONPath.evalArray
          if (v === null || v === undefined) break;
          if (!Array.isArray(v)) throw new JSONPathError(`${goTypeName(v)} is not array or slice`);
          const len = v.length;
          let start: number;
          let end: number;
          if (step.index !== undefined) {
            start = step.index < 0 ? step.index + len : step.index;
            end = start + 1;
          } else {
            start = step.start ?? 0;
            if (start < 0) start += len;
            end = step.end ?? len;
            if (end < 0) end += len;
          }
          if (end !== start) {
            if (start >= len || start < 0)
              throw new JSONPathError(`array index out of bounds: index ${start}, length ${len}`);
            if (end > len)
              throw new JSONPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
          }
          const inc = step.step ?? 1;
          for (let i = start; i < end; i += inc > 0 ? inc : 1) next.push(v[i]);
          break;
        }
        case 'filter': {
          const items = Array.isArray(v)
            ? v
            : isMap(v)
              ? Object.keys(v)
                  .sort()
                  .map((k) => v[k])
              : [];
          for (const item of items) {
            const left = evalSteps([item], step.left, true);
            if (step.op === 'exists') {
              if (left.length > 0) next.push(item);
              continue;
            }
            const right = evalSteps([item], step.right, true);
            if (left.length === 0 || right.length === 0) continue;
            if (compare(left[0], right[0], step.op)) next.push(item);
          }
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}

// Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go JSONPath.evalToText
function valueText(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return printJSONCompact(v);
}

// Models kubernetes/staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go JSONPath.PrintResults
function printResults(results: readonly Value[]): string {
  return results.map(valueText).join(' ');
}

function execute(segments: readonly Segment[], data: Value, allowMissingKeys: boolean, out: string[]): void {
  for (const seg of segments) {
    if (seg.t === 'text') out.push(seg.text);
    else if (seg.t === 'expr') {
      const only = seg.steps.length === 1 ? seg.steps[0] : undefined;
      if (only?.t === 'literal') out.push(String(only.value));
      else out.push(printResults(evalSteps([data], seg.steps, allowMissingKeys)));
    } else {
      for (const item of evalSteps([data], seg.steps, allowMissingKeys))
        execute(seg.body, item, allowMissingKeys, out);
    }
  }
}

/** Evaluates a JSONPath template (`{.metadata.name}`) against `data`. Throws JSONPathError. */
export function executeJSONPath(template: string, data: Value, allowMissingKeys = true): string {
  const out: string[] = [];
  execute(parseJSONPath(template), data, allowMissingKeys, out);
  return out.join('');
}

/** The values an expression selects (the first action of the template), as --sort-by and custom columns use. */
export function findJSONPathResults(template: string, data: Value): Value[] {
  const segs = parseJSONPath(template);
  const first = segs.find((s) => s.t === 'expr');
  return first && first.t === 'expr' ? evalSteps([data], first.steps, true) : [];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go RelaxedJSONPathExpression
export function relaxedJSONPathExpression(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    throw new JSONPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go NewJSONPathPrinter + PrintObj
/** The printer for a JSONPath template, or the parse error message. */
export function newJSONPathPrinter(
  template: string,
  allowMissingKeys: boolean,
  asJSON: boolean,
): ((obj: unknown) => string) | string {
  let segs: Segment[];
  try {
    segs = parseJSONPath(template);
  } catch (e) {
    return (e as Error).message;
  }
  return (obj) => {
    try {
      if (asJSON) {
        return printJSON(
          segs.flatMap((s) => (s.t === 'expr' ? evalSteps([obj], s.steps, allowMissingKeys) : [])),
        );
      }
      const out: string[] = [];
      execute(segs, obj, allowMissingKeys, out);
      return out.join('');
    } catch (e) {
      if (!(e instanceof JSONPathError)) throw e;
      const debug =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new PrinterError(`error executing jsonpath ${goQuote(template)}: ${debug}\n`);
    }
  };
}
