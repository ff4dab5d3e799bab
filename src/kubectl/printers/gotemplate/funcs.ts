// text/template's builtin functions (funcs.go) and kubectl's (exists, base64decode), over reflect-like values.
import {
  goPrint,
  goSprint,
  goSprintf,
  goSprintln,
  isTyped,
  utf8Decode,
  utf8Encode,
  type Typed,
} from '../gofmt.ts';
import {
  INVALID,
  boxed,
  iface,
  indirect,
  indirectInterface,
  isMap,
  kindOf,
  numOf,
  truth,
  typeName,
  val,
  type Value,
} from './value.ts';

/** A builtin's failure: execution reports it as `error calling NAME: <message>`. */
export class FuncError extends Error {}

type BasicKind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'other';

function basicKind(x: Value): BasicKind {
  const k = kindOf(x);
  if (k === 'invalid') return 'invalid';
  if (k === 'bool' || k === 'int' || k === 'float' || k === 'string') return k;
  return 'other';
}

const errBadComparison = 'incompatible types for comparison';

// Models golang text/template funcs.go eq
function eq(arg1: Value, rest: Value[]): boolean {
  arg1 = indirectInterface(arg1);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (!arg1.invalid && !arg.invalid) throw new FuncError(errBadComparison);
    } else if (k1 === 'int' || k1 === 'float') t = numOf(arg1) === numOf(arg);
    else if (k1 === 'bool' || k1 === 'string') t = (arg1 as { v: unknown }).v === (arg as { v: unknown }).v;
    else if (k1 === 'invalid') t = true;
    else throw new FuncError(`non-comparable type ${goPrint(iface(arg1))}: ${typeName(arg1)}`);
    if (t) return true;
  }
  return false;
}

// Models golang text/template funcs.go lt
function lt(a: Value, b: Value): boolean {
  a = indirectInterface(a);
  b = indirectInterface(b);
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new FuncError(errBadComparison);
  if (k1 === 'int' || k1 === 'float') return numOf(a) < numOf(b);
  if (k1 === 'string') return (a as { v: string }).v < (b as { v: string }).v;
  throw new FuncError('invalid type for comparison');
}

// Models golang text/template funcs.go indexArg
function indexArg(index: Value, cap: number): number {
  const k = kindOf(index);
  if (k === 'int') {
    const x = numOf(index);
    if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
    return x;
  }
  if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
}

// Models golang text/template funcs.go index
function index(item: Value, indexes: Value[]): Value {
  item = indirectInterface(item);
  if (item.invalid) throw new FuncError('index of untyped nil');
  for (let ix of indexes) {
    ix = indirectInterface(ix);
    const [it, isNil] = indirect(item);
    if (isNil) throw new FuncError('index of nil pointer');
    item = it;
    const k = kindOf(item);
    const v = (item as { v: unknown }).v;
    if (k === 'slice' || k === 'string') {
      const len = k === 'slice' ? (v as unknown[]).length : utf8Encode(v as string).length;
      const x = indexArg(ix, len);
      if (x === len) throw new FuncError(`index out of range: ${x}`);
      item =
        k === 'slice'
          ? boxed((v as unknown[])[x])
          : val({ goType: 'int', value: utf8Encode(v as string)[x]! } satisfies Typed);
    } else if (k === 'map') {
      if (ix.invalid) throw new FuncError('value is nil; should be of type string');
      if (kindOf(ix) !== 'string') throw new FuncError(`value has type ${typeName(ix)}; should be string`);
      const key = (ix as { v: string }).v;
      item = boxed(Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : null);
    } else {
      throw new FuncError(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

// Models golang text/template funcs.go length
function length(item: Value): number {
  const [it, isNil] = indirect(item);
  if (isNil) throw new FuncError('len of nil pointer');
  const k = kindOf(it);
  const v = (it as { v: unknown }).v;
  if (k === 'slice') return (v as unknown[]).length;
  if (k === 'map') return Object.keys(v as object).length;
  if (k === 'string') return utf8Encode(v as string).length;
  if (it.invalid) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  throw new FuncError(`len of type ${typeName(it)}`);
}

function base64decode(s: string): string {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  const body = s.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = b64.indexOf(body[i]!);
    if (c < 0) throw new FuncError(`illegal base64 data at input byte ${i}`);
    acc = ((acc << 6) | c) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return utf8Decode(bytes);
}

/** kubectl's `exists`: whether a path of keys and indexes exists in the item. */
function exists(item: unknown, indices: unknown[]): boolean {
  let v = item;
  for (const i of indices) {
    if (Array.isArray(v) && isTyped(i) && i.goType === 'int') {
      if (i.value < 0 || i.value >= v.length) return false;
      v = v[i.value];
    } else if (isMap(v) && typeof i === 'string') {
      if (!Object.prototype.hasOwnProperty.call(v, i)) return false;
      v = v[i];
    } else return false;
  }
  return true;
}

/** Parameter types: 'value' (reflect.Value), 'any' (interface {}), 'string', 'untyped' (no type: chains). */
export type ParamType = 'value' | 'any' | 'string' | 'untyped';

export interface Builtin {
  fixed: ParamType[];
  variadic?: ParamType;
  call(args: Value[]): Value;
}

const anyArgs = (args: Value[]) => args.map(iface);

export const builtins: Record<string, Builtin> = {
  and: { fixed: ['value'], variadic: 'value', call: () => INVALID },
  or: { fixed: ['value'], variadic: 'value', call: () => INVALID },
  not: { fixed: ['value'], call: ([a]) => val(!truth(a!)) },
  index: { fixed: ['value'], variadic: 'value', call: ([item, ...ix]) => index(item!, ix) },
  len: { fixed: ['value'], call: ([a]) => val({ goType: 'int', value: length(a!) } satisfies Typed) },
  print: { fixed: [], variadic: 'any', call: (args) => val(goSprint(anyArgs(args))) },
  printf: {
    fixed: ['string'],
    variadic: 'any',
    call: ([f, ...args]) => val(goSprintf((f as { v: string }).v, anyArgs(args))),
  },
  println: { fixed: [], variadic: 'any', call: (args) => val(goSprintln(anyArgs(args))) },
  eq: { fixed: ['value'], variadic: 'value', call: ([a, ...rest]) => val(eq(a!, rest)) },
  ne: { fixed: ['value', 'value'], call: ([a, b]) => val(!eq(a!, [b!])) },
  lt: { fixed: ['value', 'value'], call: ([a, b]) => val(lt(a!, b!)) },
  le: { fixed: ['value', 'value'], call: ([a, b]) => val(lt(a!, b!) || eq(a!, [b!])) },
  gt: { fixed: ['value', 'value'], call: ([a, b]) => val(!lt(a!, b!) && !eq(a!, [b!])) },
  ge: { fixed: ['value', 'value'], call: ([a, b]) => val(!lt(a!, b!)) },
  html: {
    fixed: [],
    variadic: 'any',
    call: (args) =>
      val(
        goSprint(anyArgs(args))
          .replaceAll('&', '&amp;')
          .replaceAll("'", '&#39;')
          .replaceAll('<', '&lt;')
          .replaceAll('>', '&gt;')
          .replaceAll('"', '&#34;'),
      ),
  },
  urlquery: {
    fixed: [],
    variadic: 'any',
    call: (args) => val(encodeURIComponent(goSprint(anyArgs(args))).replaceAll('%20', '+')),
  },
  exists: {
    fixed: ['any'],
    variadic: 'any',
    call: ([item, ...ix]) => val(exists(iface(item!), anyArgs(ix))),
  },
  base64decode: { fixed: ['string'], call: ([s]) => val(base64decode((s as { v: string }).v)) },
  js: { fixed: [], variadic: 'any', call: (args) => val(jsEscape(goSprint(anyArgs(args)))) },
  slice: { fixed: ['value'], variadic: 'value', call: ([item, ...ix]) => slice(item!, ix) },
  call: {
    fixed: ['value'],
    variadic: 'value',
    call: ([fn]) => {
      const f = indirectInterface(fn!);
      throw new FuncError(f.invalid ? 'call of nil' : `non-function of type ${typeName(f)}`);
    },
  },
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (c < 0x20) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

// Models golang text/template funcs.go slice
function slice(item: Value, indexes: Value[]): Value {
  item = indirectInterface(item);
  if (item.invalid) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  const v = (item as { v: unknown }).v;
  if (k !== 'string' && k !== 'slice') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  if (k === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  const len = k === 'slice' ? (v as unknown[]).length : (v as string).length;
  const idx = [0, len];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(indirectInterface(ix), len);
  });
  if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  return val(k === 'slice' ? (v as unknown[]).slice(idx[0], idx[1]) : (v as string).slice(idx[0], idx[1]));
}

export const builtinNames: ReadonlySet<string> = new Set(Object.keys(builtins));
