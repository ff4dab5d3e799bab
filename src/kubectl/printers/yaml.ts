// `-o yaml`: sigs.k8s.io/yaml turns the object's JSON into YAML with go-yaml v2, so the output follows that
// emitter: keys in its natural order, block style, sequences not indented under their key, strings quoted
// only when they would read back as another type, long plain and quoted scalars folded after column 80.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

// Models gopkg.in/yaml.v2 sorter.go keyList.Less (for string keys)
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

const intRe = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const timestampRe =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?))?$/;
const resolveMap = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
]);

// Models gopkg.in/yaml.v2 resolve.go resolve: whether a plain scalar would read back as a string.
function resolvesToString(s: string): boolean {
  if (resolveMap.has(s)) return false;
  const c = s[0] ?? '';
  if (c === '.') return !/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (c === '+' || c === '-' || isDigit(c)) {
    if (timestampRe.test(s)) return false;
    const plain = s.replace(/_/g, '');
    if (intRe.test(plain) || yamlStyleFloat.test(plain)) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}

const isBase60Float = (s: string) => /^[-+0-9]/.test(s) && s.includes(':') && base60float.test(s);

// Code points go-yaml's emitter may write unescaped (with unicode output on).
const isPrintable = (cp: number) =>
  cp === 0x0a ||
  (cp >= 0x20 && cp <= 0x7e) ||
  (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
const isBreakChar = (c: string | undefined) =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined) => c === ' ';
const isBlankz = (c: string | undefined) =>
  c === undefined || c === ' ' || c === '\t' || isBreakChar(c) || c === '\0';

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_analyze_scalar
function analyzeScalar(value: string): ScalarAnalysis {
  const v = [...value];
  if (v.length === 0)
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const followedByWhitespace =
      i + 1 >= v.length || v[i + 1] === ' ' || v[i + 1] === '\t' || isBreakChar(v[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      else if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakChar(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || special) a.blockPlainAllowed = a.singleQuotedAllowed = a.blockAllowed = false;
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_t (the block-style subset kubectl's output needs)
class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  indent = -1;

  text(): string {
    return this.out.join('');
  }

  private put(s: string): void {
    this.out.push(s);
    this.column++;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_select_scalar_style + yaml_emitter_process_scalar
  scalar(value: string, requested: Style, simpleKey: boolean): void {
    const a = analyzeScalar(value);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed || (value.length === 0 && simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.writePlain(value, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(value, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(value, allowBreaks);
    else this.writeLiteral(value);
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const v = [...value];
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1])) this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const v = [...value];
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i > 0 &&
          i < v.length - 1 &&
          !isSpace(v[i + 1])
        )
          this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const v = [...value];
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      const cp = c.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreakChar(c) || c === '"' || c === '\\') {
        this.put('\\');
        const short: Record<number, string> = {
          0x00: '0',
          0x07: 'a',
          0x08: 'b',
          0x09: 't',
          0x0a: 'n',
          0x0b: 'v',
          0x0c: 'f',
          0x0d: 'r',
          0x1b: 'e',
          0x22: '"',
          0x5c: '\\',
          0x85: 'N',
          0xa0: '_',
          0x2028: 'L',
          0x2029: 'P',
        };
        const s = short[cp];
        if (s !== undefined) this.put(s);
        else {
          const [p, w] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(p);
          for (const d of cp.toString(16).toUpperCase().padStart(w, '0')) this.put(d);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1])) this.put('\\');
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const v = [...value];
    let hint = '';
    if (isSpace(v[0]) || isBreakChar(v[0])) hint += String(BEST_INDENT);
    const last = v[v.length - 1];
    if (!isBreakChar(last)) hint += '-';
    else if (v.length === 1 || isBreakChar(v[v.length - 2])) hint += '+';
    if (hint) this.writeIndicator(hint, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreakChar(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

// Models gopkg.in/yaml.v2 encode.go encoder.stringv
function stringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  return resolvesToString(s) && !isBase60Float(s) ? 'plain' : 'double';
}

// Models gopkg.in/yaml.v2 encode.go encoder.floatv
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isNaN(n)) return '.nan';
  return String(n);
}

const sortedKeys = (o: Record<string, unknown>) =>
  Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));

const isEmptyCollection = (v: unknown) =>
  (Array.isArray(v) && v.length === 0) ||
  (v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    sortedKeys(v as Record<string, unknown>).length === 0);

class Encoder {
  readonly e = new Emitter();

  // Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_emit_node
  node(v: unknown, inMapping: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) this.e.writeIndicator('[]', true, false, false);
      else this.sequence(v, inMapping);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (isEmptyCollection(o)) this.e.writeIndicator('{}', true, false, false);
      else this.mapping(o);
    } else {
      this.scalar(v as Json, false);
    }
  }

  private scalar(v: Json, simpleKey: boolean): void {
    const saved = this.e.indent;
    this.e.indent = saved < 0 ? BEST_INDENT : saved + BEST_INDENT;
    if (typeof v === 'string') this.e.scalar(v, stringStyle(v), simpleKey);
    else if (typeof v === 'number') this.e.scalar(numberText(v), 'plain', simpleKey);
    else if (typeof v === 'boolean') this.e.scalar(String(v), 'plain', simpleKey);
    else this.e.scalar('null', 'plain', simpleKey);
    this.e.indent = saved;
  }

  // Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_emit_block_mapping_key/value
  private mapping(o: Record<string, unknown>): void {
    const saved = this.e.indent;
    this.e.indent = saved < 0 ? 0 : saved + BEST_INDENT;
    for (const k of sortedKeys(o)) {
      this.e.writeIndent();
      this.scalar(k, true);
      this.e.writeIndicator(':', false, false, false);
      this.node(o[k], true);
    }
    this.e.indent = saved;
  }

  // Models gopkg.in/yaml.v2 emitterc.go yaml_emitter_emit_block_sequence_item
  private sequence(items: unknown[], inMapping: boolean): void {
    const saved = this.e.indent;
    // After `key:` the emitter is never at an indentation point, so a mapping's sequence is indentless.
    const indentless = inMapping;
    this.e.indent = saved < 0 ? 0 : indentless ? saved : saved + BEST_INDENT;
    for (const item of items) {
      this.e.writeIndent();
      this.e.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    this.e.indent = saved;
  }
}

/** The YAML kubectl prints for an object (sigs.k8s.io/yaml.Marshal), ending with a newline. */
export function printYAML(obj: unknown): string {
  const enc = new Encoder();
  enc.node(JSON.parse(JSON.stringify(obj)) as unknown, false);
  enc.e.writeIndent();
  const text = enc.e.text();
  return text.endsWith('\n') ? text : `${text}\n`;
}
