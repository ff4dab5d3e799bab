// Builds the syntax tree from tokens: lists (`;`, newline), and-or lists (`&&`, `||`), pipelines (`|`), simple
// commands with assignments and redirections, and the compound commands for, while, until, if, `{ }` and
// `( )`. Grammar as in bash's parse.y; reserved words count only where a command starts.
import type {
  AndOr,
  Assignment,
  Command,
  CompoundCommand,
  List,
  Pipeline,
  Redirect,
  Word,
  WordPart,
} from './ast.ts';
import { lexHeredocBody, ShellSyntaxError, tokenize, type Token } from './lexer.ts';

export function parse(src: string): List {
  return parseTokens(tokenize(src, parseTokens).tokens);
}

/** The list of a whole input (or of a command substitution's text). */
export function parseTokens(tokens: Token[]): List {
  const p = new Parser(tokens);
  const list = p.list(NO_STOP);
  p.end();
  return list;
}

/** The parts of an unquoted here-document body (with `$(…)` parsed). */
export function parseHeredocBody(body: string): WordPart[] {
  return lexHeredocBody(body, parseTokens);
}

/** True when `src` is an unfinished command: open quote, pending here-document body, trailing `&&`/`|`/`\`. */
export function isIncomplete(src: string): boolean {
  try {
    return tokenize(src, parseTokens).continued || heredocs(parse(src)).some((h) => h.unterminated);
  } catch (e) {
    return e instanceof ShellSyntaxError && e.incomplete;
  }
}

type Heredoc = Extract<Redirect, { type: 'heredoc' }>;

/** Every here-document of a list, in order (inside compound commands and command substitutions too). */
export function heredocs(list: List): Heredoc[] {
  const out: Heredoc[] = [];
  const words = (ws: readonly Word[]) => {
    for (const w of ws) for (const p of w.parts) if (p.type === 'subst') out.push(...heredocs(p.list));
  };
  const redirects = (rs: readonly Redirect[]) => {
    for (const r of rs) if (r.type === 'heredoc') out.push(r);
  };
  const command = (c: Command) => {
    switch (c.type) {
      case 'simple':
        words([...c.assignments.map((a) => a.value), ...c.words]);
        break;
      case 'for':
        words(c.words ?? []);
        out.push(...heredocs(c.body));
        break;
      case 'while':
      case 'until':
        out.push(...heredocs(c.cond), ...heredocs(c.body));
        break;
      case 'if':
        for (const cl of c.clauses) out.push(...heredocs(cl.cond), ...heredocs(cl.body));
        if (c.otherwise) out.push(...heredocs(c.otherwise));
        break;
      case 'group':
      case 'subshell':
        out.push(...heredocs(c.body));
        break;
    }
    redirects(c.redirects);
  };
  for (const item of list.items)
    for (const p of [item.first, ...item.rest.map((r) => r.pipeline)]) for (const c of p.commands) command(c);
  return out;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** Words that are reserved where a command starts and can only close or continue a compound command. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'in', 'esac']);

const NO_STOP: ReadonlySet<string> = new Set();

function describe(t: Token | undefined): string {
  if (!t) return 'newline';
  switch (t.type) {
    case 'op':
      return t.op === '\n' ? 'newline' : t.op;
    case 'word':
      return t.word.raw;
    case 'redirect':
      return t.op;
    case 'heredoc':
      return t.redirect.stripTabs ? '<<-' : '<<';
  }
}

/** The reserved word a token spells, when it is a plain unquoted word. */
function reserved(t: Token | undefined): string | undefined {
  if (t?.type !== 'word') return undefined;
  const p = t.word.parts;
  if (p.length !== 1 || p[0]!.type !== 'text' || p[0]!.quoted) return undefined;
  return t.word.raw;
}

const eof = () => new ShellSyntaxError('syntax error: unexpected end of file', true);

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.type === 'op' && t.op === op;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private unexpected(t: Token | undefined): ShellSyntaxError {
    return new ShellSyntaxError(`syntax error near unexpected token \`${describe(t)}'`, false);
  }

  /** Whole input consumed; anything left is a stray closer (`done`, `)`, …). */
  end(): void {
    const t = this.peek();
    if (t) throw this.unexpected(t);
  }

  private stops(stop: ReadonlySet<string>): boolean {
    const t = this.peek();
    if (!t) return true;
    if (t.type === 'op' && t.op === ')') return stop.has(')') || stop === NO_STOP;
    const r = reserved(t);
    return r !== undefined && stop.has(r);
  }

  /** And-or lists separated by `;`/newlines, up to the end or a reserved word of `stop`. */
  list(stop: ReadonlySet<string>): List {
    const items: AndOr[] = [];
    this.skipNewlines();
    while (!this.stops(stop)) {
      items.push(this.andOr());
      const t = this.peek();
      if (!t) break;
      if (t.type === 'op' && (t.op === ';' || t.op === '\n')) {
        this.i++;
        this.skipNewlines();
      } else if (t.type === 'op' && t.op === '&') {
        throw new ShellSyntaxError('background jobs (`&`) are not supported', false);
      } else if (!this.stops(stop)) {
        throw this.unexpected(t);
      }
    }
    return { items };
  }

  /** A compound command's inner list: must not be empty, and must end with one of `stop`. */
  private body(stop: ReadonlySet<string>): List {
    const list = this.list(stop);
    if (!this.peek()) throw eof();
    if (list.items.length === 0) throw this.unexpected(this.peek());
    return list;
  }

  private expectWord(word: string): void {
    const t = this.peek();
    if (!t) throw eof();
    if (reserved(t) !== word) throw this.unexpected(t);
    this.i++;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      if (!this.peek()) throw eof();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (reserved(this.peek()) === '!') {
      negate = true;
      this.i++;
    }
    const commands: Command[] = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      if (!this.peek()) throw eof();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const t = this.peek();
    const word = reserved(t);
    if (t?.type === 'op' && t.op === '(') {
      this.i++;
      const body = this.body(new Set([')']));
      this.i++;
      return this.redirected({ type: 'subshell', body, redirects: [] });
    }
    if (word === 'for') return this.forCommand();
    if (word === 'while' || word === 'until') {
      this.i++;
      const cond = this.body(new Set(['do']));
      this.expectWord('do');
      const body = this.body(new Set(['done']));
      this.expectWord('done');
      return this.redirected({ type: word, cond, body, redirects: [] });
    }
    if (word === 'if') return this.ifCommand();
    if (word === '{') {
      this.i++;
      const body = this.body(new Set(['}']));
      this.expectWord('}');
      return this.redirected({ type: 'group', body, redirects: [] });
    }
    if (word !== undefined && (CLOSERS.has(word) || word === 'case' || word === 'function')) {
      if (word === 'case' || word === 'function')
        throw new ShellSyntaxError(`\`${word}' is not supported by this shell`, false);
      throw this.unexpected(t);
    }
    return this.simple();
  }

  private forCommand(): CompoundCommand {
    this.i++;
    const t = this.peek();
    if (!t) throw eof();
    if (t.type === 'op' && t.op === '(')
      throw new ShellSyntaxError('arithmetic for loops (`for ((…))`) are not supported', false);
    if (t.type !== 'word') throw this.unexpected(t);
    const name = t.word.raw;
    this.i++;
    let words: Word[] | undefined;
    this.skipNewlines();
    if (reserved(this.peek()) === 'in') {
      this.i++;
      words = [];
      for (;;) {
        const w = this.peek();
        if (w?.type !== 'word') break;
        words.push(w.word);
        this.i++;
      }
      const end = this.peek();
      if (!end) throw eof();
      if (end.type !== 'op' || (end.op !== ';' && end.op !== '\n')) throw this.unexpected(end);
      this.i++;
    } else if (this.isOp(';')) {
      this.i++;
    }
    this.skipNewlines();
    if (!this.peek()) throw eof();
    this.expectWord('do');
    const body = this.body(new Set(['done']));
    this.expectWord('done');
    return this.redirected({ type: 'for', name, words, body, redirects: [] });
  }

  private ifCommand(): CompoundCommand {
    this.i++;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.body(new Set(['then']));
      this.expectWord('then');
      const body = this.body(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      const w = reserved(this.peek());
      this.i++;
      if (w === 'fi') break;
      if (w === 'else') {
        otherwise = this.body(new Set(['fi']));
        this.expectWord('fi');
        break;
      }
    }
    return this.redirected({ type: 'if', clauses, otherwise, redirects: [] });
  }

  /** Redirections after a compound command (`done > out.txt`); a word there is a syntax error. */
  private redirected<C extends CompoundCommand>(c: C): C {
    for (;;) {
      const t = this.peek();
      if (t?.type === 'heredoc') {
        c.redirects.push(t.redirect);
        this.i++;
      } else if (t?.type === 'redirect') {
        this.i++;
        const target = this.peek();
        if (target?.type !== 'word') throw this.unexpected(target);
        this.i++;
        c.redirects.push({ type: 'redirect', fd: t.fd, op: t.op, target: target.word });
      } else if (t?.type === 'word') {
        throw this.unexpected(t);
      } else {
        return c;
      }
    }
  }

  private simple(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.type === 'op') break;
      this.i++;
      if (t.type === 'heredoc') {
        redirects.push(t.redirect);
      } else if (t.type === 'redirect') {
        const target = this.peek();
        if (target?.type !== 'word') throw this.unexpected(target);
        this.i++;
        redirects.push({ type: 'redirect', fd: t.fd, op: t.op, target: target.word });
      } else if (words.length === 0 && assignmentOf(t.word)) {
        assignments.push(assignmentOf(t.word)!);
      } else {
        words.push(t.word);
      }
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) {
      throw this.unexpected(this.peek());
    }
    return { type: 'simple', assignments, words, redirects };
  }
}

function assignmentOf(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.type !== 'text' || first.quoted) return undefined;
  const m = ASSIGNMENT.exec(first.value);
  if (!m) return undefined;
  const rest = first.value.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, value: rest }] : []), ...word.parts.slice(1)];
  return { name: m[1]!, value: { parts, raw: word.raw.slice(m[0].length) } };
}
