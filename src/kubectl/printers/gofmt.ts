// Go's fmt for the values kubectl's printers handle (JSON-decoded objects: float64 numbers, strings, bools,
// map[string]interface {}, []interface {}, nil): %v (Print), %#v, and Sprintf with the common verbs.

/** A Go value with its dynamic type, when the JS value alone does not tell (int versus float64). */
export interface Typed {
  goType: 'int' | 'float64';
  value: number;
}

export const isTyped = (v: unknown): v is Typed =>
  v !== null && typeof v === 'object' && 'goType' in v && 'value' in v && Object.keys(v).length === 2;

/** UTF-8 bytes of a string (Go strings are bytes). */
export function utf8Encode(s: string): number[] {
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

/** A string from UTF-8 bytes (invalid sequences become U+FFFD, as Go prints them). */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const cont = bytes.slice(i + 1, i + len);
    if (len === 0 || cont.length !== len - 1 || cont.some((c) => (c & 0xc0) !== 0x80)) {
      out += '\uFFFD';
      i++;
      continue;
    }
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (const k of cont) c = (c << 6) | (k & 63);
    out += String.fromCodePoint(c);
    i += len;
  }
  return out;
}

// Models golang strconv ftoa.go FormatFloat(f, 'g', -1, 64), which fmt's %v uses for a float64
/** Shortest digits; exponent form when the exponent is below -4 or at least 6 (`1e+06`). */
export function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [m, e] = n.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  // Below 1e21 JavaScript's shortest form is positional, as Go's is for these exponents.
  return String(n);
}

/** The Go type name of a JSON-decoded value (`%T`). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (isTyped(v)) return v.goType;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

// Models golang fmt print.go pp.printValue (%v)
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (isTyped(v)) return v.goType === 'int' ? String(v.value) : goFloat(v.value);
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goPrint(o[k])}`)
    .join(' ')}]`;
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

// Models golang fmt print.go pp.printValue (%#v, unstructured content as kubectl's JSONPath printer shows it)
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (isTyped(v)) return v.goType === 'int' ? String(v.value) : goFloat(v.value);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${Object.keys(o)
    .sort()
    .map((k) => `${goQuote(k)}:${goSharpV(o[k])}`)
    .join(', ')}}`;
}

// Models golang fmt print.go Sprint (spaces between operands when neither is a string)
export function goSprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goPrint(a);
  });
  return out;
}

export function goSprintln(args: readonly unknown[]): string {
  return `${args.map(goPrint).join(' ')}\n`;
}

function pad(s: string, width: number | undefined, minus: boolean, zero: boolean): string {
  if (width === undefined || [...s].length >= width) return s;
  const n = width - [...s].length;
  if (minus) return s + ' '.repeat(n);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

const numberOf = (a: unknown): { n: number; int: boolean } | undefined => {
  if (isTyped(a)) return { n: a.value, int: a.goType === 'int' };
  if (typeof a === 'number') return { n: a, int: false };
  return undefined;
};

function badVerb(verb: string, a: unknown): string {
  if (a === null || a === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(a)}=${goPrint(a)})`;
}

// Models golang fmt print.go Sprintf (the verbs templates use: v s q d f e g t x X o b c %, flags, width, precision)
export function goSprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let argi = 0;
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])?/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const flags = m[1] ?? '';
    const verb = m[4];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      continue;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    const width = m[2] && m[2] !== '*' ? Number(m[2]) : undefined;
    const precText = m[3];
    const hasPrec = m[0].includes('.');
    const prec = hasPrec ? (precText && precText !== '*' ? Number(precText) : 0) : undefined;
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++];
    const minus = flags.includes('-');
    const zero = flags.includes('0') && !minus;
    const plus = flags.includes('+');
    let s: string;
    const num = numberOf(a);
    switch (verb) {
      case 'v':
        s = flags.includes('#') ? goSharpV(a) : goPrint(a);
        break;
      case 's':
        s =
          typeof a === 'string'
            ? a
            : a === null || a === undefined
              ? '%!s(<nil>)'
              : num
                ? badVerb('s', a)
                : goPrint(a);
        if (prec !== undefined && typeof a === 'string') s = [...s].slice(0, prec).join('');
        break;
      case 'q':
        s = typeof a === 'string' ? goQuote(a) : badVerb('q', a);
        break;
      case 'd':
        if (num?.int) s = `${plus && num.n >= 0 ? '+' : ''}${num.n}`;
        else s = badVerb('d', a);
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'g':
        if (num && !num.int) {
          if (verb === 'g')
            s = prec === undefined ? goFloat(num.n) : String(Number(num.n.toPrecision(prec || 1)));
          else if (verb === 'e') s = num.n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
          else s = num.n.toFixed(prec ?? 6);
          if (plus && num.n >= 0) s = `+${s}`;
        } else s = badVerb(verb, a);
        break;
      case 't':
        s = typeof a === 'boolean' ? String(a) : badVerb('t', a);
        break;
      case 'x':
      case 'X':
        if (num?.int) s = num.n.toString(16);
        else if (typeof a === 'string')
          s = utf8Encode(a)
            .map((b) => b.toString(16).padStart(2, '0'))
            .join('');
        else s = badVerb(verb, a);
        if (verb === 'X') s = s.toUpperCase();
        break;
      case 'o':
        s = num?.int ? num.n.toString(8) : badVerb('o', a);
        break;
      case 'b':
        s = num?.int ? num.n.toString(2) : badVerb('b', a);
        break;
      case 'c':
        s = num?.int ? String.fromCodePoint(num.n) : badVerb('c', a);
        break;
      case 'T':
        s = goTypeName(a);
        break;
      default:
        s = badVerb(verb, a);
    }
    out += pad(s, width, minus, zero && verb !== 's' && verb !== 'q');
  }
  out += format.slice(last);
  if (argi < args.length) {
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => `${goTypeName(a)}=${goPrint(a)}`)
      .join(', ')})`;
  }
  return out;
}

// Models golang encoding/json Marshal of a map[string]interface{} (sorted keys, HTML-safe escaping)
export function goJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isTyped(v)) return String(v.value);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goJSONString(k)}:${goJSON(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goJSONString(v);
  return JSON.stringify(v);
}

function goJSONString(s: string): string {
  return JSON.stringify(s)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
