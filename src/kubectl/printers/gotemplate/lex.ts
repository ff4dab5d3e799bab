// Go's text/template lexer: turns `{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}` into items with their
// byte positions and lines, with the lexer's own error texts (`unclosed action`, `bad character U+0023 '#'`).

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // Keywords.
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  typ: ItemType;
  /** Byte offset of the item in the input. */
  pos: number;
  val: string;
  line: number;
}

const keywords: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

export const isKeyword = (t: ItemType) => Object.values(keywords).includes(t);

// Models golang text/template/parse lex.go item.String
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  if ([...i.val].length > 10) return `${goQuote([...i.val].slice(0, 10).join(''))}...`;
  return goQuote(i.val);
}

/** Go's strconv.Quote for the text of a template. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `U+0023 '#'` (Go's %#U). */
export function goRuneU(ch: string): string {
  const c = ch.codePointAt(0)!;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined) => c !== undefined && (c === '_' || /[\p{L}\p{Nd}]/u.test(c));
const spaceChars = ' \t\r\n';
const trimMarker = '-';
/** The marker plus the space before or after it. */
const trimMarkerLen = 2;
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === trimMarker && isSpace(s[1]);
const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s[0]) && s[1] === trimMarker;
const leftDelim = '{{';
const rightDelim = '}}';
const leftComment = '/*';
const rightComment = '*/';

function utf8Len(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

type StateFn = ((l: Lexer) => StateFn) | undefined;

// Models golang text/template/parse lex.go lexer (positions are string indexes, reported as byte offsets)
export class Lexer {
  pos = 0;
  start = 0;
  private atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  private item: Item | undefined;
  insideAction = false;
  private done = false;

  constructor(readonly input: string) {}

  /** Byte offset of a string index. */
  bytePos(i: number): number {
    return utf8Len(this.input.slice(0, i));
  }

  next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return '';
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += ch.length;
    if (ch === '\n') this.line++;
    return ch;
  }

  peek(): string {
    const save = { pos: this.pos, line: this.line, atEOF: this.atEOF };
    const r = this.next();
    Object.assign(this, save);
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const prev = this.input.codePointAt(this.pos - 1)!;
      const w = prev >= 0xdc00 && prev <= 0xdfff && this.pos >= 2 ? 2 : 1;
      this.pos -= w;
      if (this.input[this.pos] === '\n') this.line--;
    }
    this.atEOF = false;
  }

  thisItem(t: ItemType): Item {
    const i: Item = {
      typ: t,
      pos: this.bytePos(this.start),
      val: this.input.slice(this.start, this.pos),
      line: this.startLine,
    };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(t: ItemType): StateFn {
    return this.emitItem(this.thisItem(t));
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return undefined;
  }

  ignore(): void {
    this.line += (this.input.slice(this.start, this.pos).match(/\n/g) ?? []).length;
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== '' && valid.includes(r)) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || !valid.includes(r)) break;
    }
    this.backup();
  }

  /** Emits an error item; the input is then exhausted (later items are EOF). */
  errorf(msg: string): StateFn {
    this.item = { typ: 'error', pos: this.bytePos(this.start), val: msg, line: this.startLine };
    this.done = true;
    return undefined;
  }

  // Models golang text/template/parse lex.go lexer.nextItem
  nextItem(): Item {
    this.item = { typ: 'EOF', pos: this.bytePos(this.pos), val: 'EOF', line: this.startLine };
    if (this.done) return this.item;
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  atRightDelim(): [boolean, boolean] {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.slice(2).startsWith(rightDelim)) return [true, true];
    if (rest.startsWith(rightDelim)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === '' || r === '.' || r === ',' || r === '|' || r === ':' || r === ')' || r === '(') return true;
    return this.input.slice(this.pos).startsWith(rightDelim);
  }
}

const countNewlines = (s: string) => (s.match(/\n/g) ?? []).length;
const trimRightLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length;
const trimLeftLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;
void spaceChars;

// Models golang text/template/parse lex.go lexText
function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + leftDelim.length;
      if (hasLeftTrimMarker(l.input.slice(delimEnd))) {
        trimLength = trimRightLength(l.input.slice(l.start, l.pos));
      }
      l.pos -= trimLength;
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      const i = l.thisItem('text');
      l.pos += trimLength;
      l.ignore();
      if (i.val.length > 0) return l.emitItem(i);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    return l.emit('text');
  }
  return l.emit('EOF');
}

// Models golang text/template/parse lex.go lexLeftDelim
function lexLeftDelim(l: Lexer): StateFn {
  l.pos += leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input.slice(l.pos));
  const afterMarker = trimSpace ? trimMarkerLen : 0;
  if (l.input.slice(l.pos + afterMarker).startsWith(leftComment)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem('leftDelim');
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(i);
}

// Models golang text/template/parse lex.go lexComment
function lexComment(l: Lexer): StateFn {
  l.pos += leftComment.length;
  const x = l.input.indexOf(rightComment, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + rightComment.length;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.thisItem('comment');
  if (trimSpace) l.pos += trimMarkerLen;
  l.pos += rightDelim.length;
  if (trimSpace) l.pos += trimLeftLength(l.input.slice(l.pos));
  l.ignore();
  return lexText;
}

// Models golang text/template/parse lex.go lexRightDelim
function lexRightDelim(l: Lexer): StateFn {
  const [, trimSpace] = l.atRightDelim();
  if (trimSpace) {
    l.pos += trimMarkerLen;
    l.ignore();
  }
  l.pos += rightDelim.length;
  const i = l.thisItem('rightDelim');
  if (trimSpace) {
    l.pos += trimLeftLength(l.input.slice(l.pos));
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(i);
}

// Models golang text/template/parse lex.go lexInsideAction
function lexInsideAction(l: Lexer): StateFn {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === '') return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case '=':
      return l.emit('assign');
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=');
      return l.emit('declare');
    case '|':
      return l.emit('pipe');
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '(':
      l.parenDepth++;
      return l.emit('leftParen');
    case ')':
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit('rightParen');
  }
  if (r === '.') {
    const c = l.input[l.pos];
    if (l.pos < l.input.length && (c! < '0' || c! > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  const c = r.codePointAt(0)!;
  if (c <= 0x7f && c >= 0x20 && c !== 0x7f) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${goRuneU(r)}`);
}

// Models golang text/template/parse lex.go lexSpace
function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input.slice(l.pos - 1)) && l.input.slice(l.pos + 1).startsWith(rightDelim)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit('space');
}

// Models golang text/template/parse lex.go lexIdentifier
function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${goRuneU(r || '\u0000')}`);
    const kw = keywords[word];
    if (kw && kw !== 'dot') return l.emit(kw);
    if (word[0] === '.') return l.emit('field');
    if (word === 'true' || word === 'false') return l.emit('bool');
    return l.emit('identifier');
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit('variable');
  return lexFieldOrVariable(l, 'variable');
}

// Models golang text/template/parse lex.go lexFieldOrVariable
function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn {
  if (l.atTerminator()) return l.emit(typ === 'variable' ? 'variable' : 'dot');
  let r: string;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${goRuneU(r || '\u0000')}`);
  return l.emit(typ);
}

// Models golang text/template/parse lex.go lexChar
function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
    }
    if (r === '' || r === '\n') return l.errorf('unterminated character constant');
    if (r === "'") break;
  }
  return l.emit('charConstant');
}

// Models golang text/template/parse lex.go lexNumber and scanNumber
function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i')
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    return l.emit('complex');
  }
  return l.emit('number');
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

// Models golang text/template/parse lex.go lexQuote
function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
    }
    if (r === '' || r === '\n') return l.errorf('unterminated quoted string');
    if (r === '"') break;
  }
  return l.emit('string');
}

// Models golang text/template/parse lex.go lexRawQuote
function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === '') return l.errorf('unterminated raw quoted string');
    if (r === '`') break;
  }
  return l.emit('rawString');
}
