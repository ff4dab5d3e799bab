// Splits shell input into words, operators and redirections, as bash's tokenizer does for the subset we
// support: quotes, backslash escapes, `$VAR`/`${VAR}` (kept as parts for expansion later), `$(…)` and
// backquotes (their text lexed and parsed on the spot), `$((…))`, comments, `;` `&&` `||` `|` `&`,
// redirections and here-documents (whose bodies follow the line that names them).
import type { HeredocRedirect, List, RedirectOp, Word, WordPart } from './ast.ts';

export type Operator = '&&' | '||' | '|' | ';' | ';;' | '&' | '\n' | '(' | ')';

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: Operator }
  | { type: 'redirect'; fd: number; op: RedirectOp }
  | { type: 'heredoc'; redirect: HeredocRedirect };

/** A syntax error. `incomplete` errors go away when more input is typed (open quote, pending heredoc). */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete: boolean,
  ) {
    super(message);
  }
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export interface Tokens {
  tokens: Token[];
  /** The input ended with a backslash: an interactive shell would read a continuation line. */
  continued: boolean;
}

/** Turns the tokens of a command substitution into its list (the parser, passed in to avoid an import cycle). */
export type ParseTokens = (tokens: Token[]) => List;

export function tokenize(src: string, parseTokens?: ParseTokens): Tokens {
  const lexer = new Lexer(src, parseTokens);
  const tokens = lexer.run();
  return { tokens, continued: lexer.continued };
}

class Lexer {
  continued = false;
  private readonly tokens: Token[] = [];
  private pending: HeredocRedirect[] = [];
  /** Open `(` of a command substitution's text (which ends at the `)` matching its `$(`). */
  private depth = 0;

  /**
   * `subst`: lex the text of a `$(` whose `(` is just before `i`, stopping after the matching `)`.
   */
  constructor(
    private readonly src: string,
    private readonly parseTokens: ParseTokens | undefined,
    public i = 0,
    private readonly subst = false,
  ) {}

  run(): Token[] {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.src.length) break;
      const c = this.src[this.i]!;
      if (c === '\n') {
        this.i++;
        this.tokens.push({ type: 'op', op: '\n' });
        this.readHeredocBodies();
      } else if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      } else if (this.subst && c === ')' && this.depth === 0) {
        this.i++;
        for (const h of this.pending) h.unterminated = true;
        return this.tokens;
      } else if (!this.operator()) {
        this.tokens.push({ type: 'word', word: this.word() });
      }
    }
    if (this.subst) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", true);
    // The input ended on the line naming a here-document: its body is still to come.
    for (const h of this.pending) h.unterminated = true;
    return this.tokens;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else return;
    }
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.i);
  }

  /** Reads an operator or redirection at the cursor; false when a word starts here. */
  private operator(): boolean {
    // An io-number: digits directly followed by `<` or `>` (`2>&1`).
    const m = /^(\d+)(?=[<>])/.exec(this.src.slice(this.i, this.i + 12));
    let fd: number | undefined;
    if (m) {
      fd = Number(m[1]);
      this.i += m[1]!.length;
    }
    const ops: [string, () => void][] = [
      ['&>>', () => this.redirect(1, '&>>')],
      ['&>', () => this.redirect(1, '&>')],
      ['&&', () => this.op('&&')],
      ['||', () => this.op('||')],
      ['<<<', () => this.redirect(fd ?? 0, '<<<')],
      ['<<-', () => this.heredoc(fd ?? 0, true)],
      ['<<', () => this.heredoc(fd ?? 0, false)],
      ['>>', () => this.redirect(fd ?? 1, '>>')],
      ['>&', () => this.redirect(fd ?? 1, '>&')],
      ['<&', () => this.redirect(fd ?? 0, '<&')],
      ['>|', () => this.redirect(fd ?? 1, '>')],
      ['>', () => this.redirect(fd ?? 1, '>')],
      ['<', () => this.redirect(fd ?? 0, '<')],
      ['|', () => this.op('|')],
      [';;', () => this.op(';;')],
      [';', () => this.op(';')],
      ['&', () => this.op('&')],
      ['(', () => this.op('(')],
      [')', () => this.op(')')],
    ];
    for (const [text, emit] of ops) {
      if (this.startsWith(text)) {
        this.i += text.length;
        emit();
        return true;
      }
    }
    return false;
  }

  private op(op: Operator): void {
    if (op === '(') this.depth++;
    else if (op === ')') this.depth--;
    this.tokens.push({ type: 'op', op });
  }

  private redirect(fd: number, op: RedirectOp): void {
    this.tokens.push({ type: 'redirect', fd, op });
  }

  private heredoc(fd: number, stripTabs: boolean): void {
    this.skipBlanks();
    const c = this.src[this.i];
    if (c === undefined || META.has(c)) {
      throw new ShellSyntaxError(
        `syntax error near unexpected token \`${c === undefined || c === '\n' ? 'newline' : c}'`,
        false,
      );
    }
    const word = this.word();
    const delimiter = word.parts
      .map((p) =>
        p.type === 'text'
          ? p.value
          : p.type === 'param'
            ? `$${p.name}`
            : p.type === 'subst'
              ? p.raw
              : `$((${p.expr}))`,
      )
      .join('');
    const quoted = word.parts.some((p) => p.quoted);
    const line = this.src.slice(0, this.i).split('\n').length;
    const redirect: HeredocRedirect = {
      type: 'heredoc',
      fd,
      delimiter,
      quoted,
      stripTabs,
      body: '',
      unterminated: false,
      line,
    };
    this.pending.push(redirect);
    this.tokens.push({ type: 'heredoc', redirect });
  }

  /** After a newline: the bodies of the here-documents named on the line just ended, in order. */
  private readHeredocBodies(): void {
    for (const h of this.pending) {
      let body = '';
      let found = false;
      while (this.i < this.src.length) {
        const nl = this.src.indexOf('\n', this.i);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.i, end);
        this.i = nl < 0 ? end : end + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          found = true;
          break;
        }
        body += `${line}\n`;
      }
      h.body = body;
      h.unterminated = !found;
    }
    this.pending = [];
  }

  /** Reads one word: quoted strings, escapes and parameter references up to the next unquoted metacharacter. */
  private word(): Word {
    const start = this.i;
    const parts: WordPart[] = [];
    const text = (value: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.type === 'text' && last.quoted === quoted) last.value += value;
      else parts.push({ type: 'text', value, quoted });
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (META.has(c)) break;
      if (c === '\\') {
        const next = this.src[this.i + 1];
        if (next === undefined) {
          // At the very end of the input a backslash stays literal (bash -c); a console asks for another line.
          this.continued = true;
          text('\\', true);
          this.i++;
          continue;
        }
        this.i += 2;
        if (next !== '\n') text(next, true);
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''", true);
        text(this.src.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(parts, text);
      } else if (c === '$') {
        const p = this.param(false);
        if (p) parts.push(p);
        else text('$', false);
      } else if (c === '`') {
        parts.push(this.backquote(false));
      } else {
        text(c, false);
        this.i++;
      }
    }
    // A word made only of quotes ("" or '') is an empty argument, not nothing.
    if (parts.length === 0 && this.i > start) parts.push({ type: 'text', value: '', quoted: true });
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private doubleQuoted(parts: WordPart[], text: (v: string, q: boolean) => void): void {
    let touched = false;
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '"') {
        this.i++;
        if (!touched) text('', true);
        return;
      }
      touched = true;
      if (c === '\\') {
        const next = this.src[this.i + 1];
        if (next === undefined) break;
        this.i += 2;
        if (next === '\n') continue;
        text('$`"\\'.includes(next) ? next : `\\${next}`, true);
      } else if (c === '$') {
        const p = this.param(true);
        if (p) parts.push(p);
        else text('$', true);
      } else if (c === '`') {
        parts.push(this.backquote(true));
      } else {
        text(c, true);
        this.i++;
      }
    }
    throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'', true);
  }

  /** `$NAME`, `${NAME}`, `${NAME:-word}`, `$?` at the cursor (which is on `$`), or undefined for a lone `$`. */
  param(quoted: boolean): WordPart | undefined {
    const s = this.src;
    const c = s[this.i + 1];
    if (c === undefined) {
      this.i++;
      return undefined;
    }
    if (c === '(') {
      const start = this.i;
      if (s[this.i + 2] === '(') {
        const end = arithEnd(s, this.i + 3);
        this.i = end + 2;
        return { type: 'arith', expr: s.slice(start + 3, end), quoted };
      }
      const sub = new Lexer(s, this.parseTokens, this.i + 2, true);
      const tokens = sub.run();
      this.i = sub.i;
      return { type: 'subst', list: parseSub(this.parseTokens, tokens), quoted, raw: s.slice(start, this.i) };
    }
    if ('?$#@*!'.includes(c) || /\d/.test(c)) {
      this.i += 2;
      return { type: 'param', name: c, quoted };
    }
    if (NAME_START.test(c)) {
      let j = this.i + 1;
      while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
      const name = s.slice(this.i + 1, j);
      this.i = j;
      return { type: 'param', name, quoted };
    }
    if (c === '{') {
      const close = s.indexOf('}', this.i + 2);
      if (close < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'", true);
      const inner = s.slice(this.i + 2, close);
      this.i = close + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])(?::-(.*))?$/s.exec(inner);
      if (!m) throw new ShellSyntaxError(`\${${inner}}: bad substitution`, false);
      const fallback = m[2] !== undefined ? lexFallback(m[2], quoted, this.parseTokens) : undefined;
      return fallback
        ? { type: 'param', name: m[1]!, quoted, fallback }
        : { type: 'param', name: m[1]!, quoted };
    }
    this.i++;
    return undefined;
  }

  /** A backquoted command substitution at the cursor: `\$`, `` \` `` and `\\` (and `\"` in quotes) unescape. */
  backquote(quoted: boolean): WordPart {
    const s = this.src;
    const start = this.i;
    let body = '';
    let j = this.i + 1;
    for (;;) {
      const c = s[j];
      if (c === undefined) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'", true);
      if (c === '`') break;
      const next = s[j + 1];
      if (c === '\\' && next !== undefined && ('$`\\'.includes(next) || (quoted && next === '"'))) {
        body += next;
        j += 2;
      } else {
        body += c;
        j++;
      }
    }
    this.i = j + 1;
    const tokens = new Lexer(body, this.parseTokens).run();
    return { type: 'subst', list: parseSub(this.parseTokens, tokens), quoted, raw: s.slice(start, this.i) };
  }
}

function parseSub(parseTokens: ParseTokens | undefined, tokens: Token[]): List {
  if (!parseTokens) throw new ShellSyntaxError('command substitution is not supported here', false);
  try {
    return parseTokens(tokens);
  } catch (e) {
    // The substitution's text is closed: what is missing inside it can no longer be typed.
    if (e instanceof ShellSyntaxError && e.incomplete)
      throw new ShellSyntaxError("syntax error near unexpected token `)'", false);
    throw e;
  }
}

/** Index of the `))` closing a `$((` whose text starts at `from`. */
function arithEnd(s: string, from: number): number {
  let depth = 0;
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0 && s[j + 1] === ')') return j;
      if (depth === 0) throw new ShellSyntaxError(`${s.slice(from, j)}: arithmetic syntax error`, false);
      depth--;
    }
  }
  throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", true);
}

/** The `word` of `${X:-word}`: parsed as a word of its own (quotes and `$` work inside it). */
function lexFallback(text: string, quoted: boolean, parseTokens: ParseTokens | undefined): Word {
  if (quoted) return { parts: lexHeredocBody(text, parseTokens), raw: text };
  const lexer = new Lexer(text.replace(/[ \t]/g, '\\$&'), parseTokens);
  const toks = lexer.run();
  const first = toks[0];
  return first?.type === 'word'
    ? first.word
    : { parts: [{ type: 'text', value: '', quoted: true }], raw: text };
}

/**
 * The parts of an unquoted here-document body: `$VAR`, `${VAR}`, `$(…)`, `` `…` `` and `$((…))` expand;
 * backslash escapes only `$`, `` ` ``, `\` and newline; quotes are ordinary characters. All parts count as
 * quoted (no field splitting).
 */
export function lexHeredocBody(body: string, parseTokens?: ParseTokens): WordPart[] {
  const parts: WordPart[] = [];
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ type: 'text', value: buf, quoted: true });
    buf = '';
  };
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '$`\\\n'.includes(body[i + 1]!)) {
      if (body[i + 1] !== '\n') buf += body[i + 1];
      i += 2;
    } else if ((c === '$' && body[i + 1] === '(') || c === '`') {
      // Lexed as in a double-quoted word; the quotes around it only mark it as not split.
      const lexer = new Lexer(body, parseTokens, i);
      const part = c === '`' ? lexer.backquote(true) : lexer.param(true);
      flush();
      if (part) parts.push(part);
      i = lexer.i;
    } else if (c === '$') {
      const m =
        /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])(?::-([^}]*))?\}|([?$#0-9]))/.exec(
          body.slice(i),
        );
      if (!m) {
        buf += c;
        i++;
        continue;
      }
      flush();
      const name = (m[1] ?? m[2] ?? m[4])!;
      const fallback =
        m[3] !== undefined ? { parts: lexHeredocBody(m[3], parseTokens), raw: m[3] } : undefined;
      parts.push(
        fallback ? { type: 'param', name, quoted: true, fallback } : { type: 'param', name, quoted: true },
      );
      i += m[0].length;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return parts;
}
