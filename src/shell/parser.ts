// Builds the syntax tree from tokens: lists (`;`, newline), and-or lists (`&&`, `||`), pipelines (`|`) and
// simple commands with assignments and redirections. Grammar as in bash's parse.y, minus compound commands.
import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Word } from './ast.ts';
import { ShellSyntaxError, tokenize, type Token } from './lexer.ts';

export function parse(src: string): List {
  return new Parser(tokenize(src)).list();
}

/** True when `src` is an unfinished command: open quote, pending here-document body, trailing `&&`/`|`/`\`. */
export function isIncomplete(src: string): boolean {
  try {
    return heredocs(parse(src)).some((h) => h.unterminated);
  } catch (e) {
    return e instanceof ShellSyntaxError && e.incomplete;
  }
}

/** Every here-document of a list, in order. */
export function heredocs(list: List): Extract<Redirect, { type: 'heredoc' }>[] {
  const out: Extract<Redirect, { type: 'heredoc' }>[] = [];
  for (const item of list.items)
    for (const p of [item.first, ...item.rest.map((r) => r.pipeline)])
      for (const c of p.commands) for (const r of c.redirects) if (r.type === 'heredoc') out.push(r);
  return out;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function describe(t: Token | undefined): string {
  if (!t) return 'newline';
  switch (t.type) {
    case 'op':
      return t.op === '\n' ? 'newline' : t.op;
    case 'word':
      return t.word.raw;
    case 'redirect':
      return t.op === '>&' || t.op === '<&' || t.op.startsWith('&') ? t.op : `${t.op}`;
    case 'heredoc':
      return t.redirect.stripTabs ? '<<-' : '<<';
  }
}

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

  list(): List {
    const items: AndOr[] = [];
    this.skipNewlines();
    while (this.peek()) {
      items.push(this.andOr());
      const t = this.peek();
      if (!t) break;
      if (t.type === 'op' && (t.op === ';' || t.op === '\n')) {
        this.i++;
        this.skipNewlines();
      } else if (t.type === 'op' && t.op === '&') {
        throw new ShellSyntaxError('background jobs (`&`) are not supported', false);
      } else {
        throw this.unexpected(t);
      }
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      if (!this.peek()) throw new ShellSyntaxError(`unexpected end of input after \`${t.op}'`, true);
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t?.type === 'word' && t.word.raw === '!') {
      negate = true;
      this.i++;
    }
    const commands: Command[] = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      if (!this.peek()) throw new ShellSyntaxError("unexpected end of input after `|'", true);
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
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
      const t = this.peek();
      if (t?.type === 'op' && t.op === '(') throw new ShellSyntaxError('subshells (`( … )`) are not supported', false);
      throw this.unexpected(t);
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
