// Word expansion: parameters (`$VAR`, `${VAR:-x}`, `$?`), command substitution (`$(…)`, which may block while
// virtual time passes, hence generators), arithmetic (`$((…))`), then field splitting of unquoted results on
// blanks, then quote removal (already done by the lexer). No globbing: a learner's `*` stays a literal `*`.
import type { List, Word, WordPart } from './ast.ts';
import { ArithError, evaluate, type ArithVars } from './arith.ts';

export type Lookup = (name: string) => string | undefined;

/** A computation that may pause (`yield`) until virtual time has advanced; resumed on the next poll. */
export type Gen<T> = Generator<void, T, void>;

/** An error that abandons the rest of the command line, as bash's do (`bash: 1/0: division by 0 …`). */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

export interface Expander {
  lookup: Lookup;
  /** Runs a command substitution and returns its standard output. */
  subst?(list: List): Gen<string>;
  /** Variables that `$((i++))` can assign. */
  vars?: ArithVars;
}

function* partValue(p: WordPart, ex: Expander): Gen<string> {
  switch (p.type) {
    case 'text':
      return p.value;
    case 'param': {
      const v = ex.lookup(p.name);
      if ((v === undefined || v === '') && p.fallback) return yield* expandStringGen(p.fallback.parts, ex);
      return v ?? '';
    }
    case 'subst': {
      if (!ex.subst) throw new ExpansionError('command substitution is not available here');
      const out = yield* ex.subst(p.list);
      return out.replace(/\n+$/, '');
    }
    case 'arith': {
      const text = yield* expandStringGen(lexArith(p.expr), ex);
      const vars: ArithVars = ex.vars ?? { get: ex.lookup, set: () => {} };
      try {
        return String(evaluate(text, vars));
      } catch (e) {
        if (e instanceof ArithError) throw new ExpansionError(e.message);
        throw e;
      }
    }
  }
}

/** `$NAME` and `${NAME}` inside `$((…))` (bare names are read by the evaluator itself). */
function lexArith(expr: string): WordPart[] {
  const parts: WordPart[] = [];
  let last = 0;
  for (const m of expr.matchAll(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])\}|([A-Za-z_][A-Za-z0-9_]*|[?#$0-9]))/g,
  )) {
    if (m.index > last) parts.push({ type: 'text', value: expr.slice(last, m.index), quoted: true });
    parts.push({ type: 'param', name: (m[1] ?? m[2])!, quoted: true });
    last = m.index + m[0].length;
  }
  if (last < expr.length) parts.push({ type: 'text', value: expr.slice(last), quoted: true });
  return parts;
}

/** Expands a word into fields (zero or more arguments). */
export function* expandWordGen(word: Word, ex: Expander): Gen<string[]> {
  const fields: string[] = [];
  let cur = '';
  let keep = false; // the current field exists even if empty (it had a quoted part)
  const end = () => {
    if (cur !== '' || keep) fields.push(cur);
    cur = '';
    keep = false;
  };
  for (const p of word.parts) {
    const v = yield* partValue(p, ex);
    if (p.quoted) {
      cur += v;
      keep = true;
      continue;
    }
    if (p.type === 'text') {
      cur += v;
      continue;
    }
    // Unquoted: split on IFS whitespace (space, tab, newline).
    const pieces = v.split(/[ \t\n]+/);
    pieces.forEach((piece, k) => {
      if (k > 0) end();
      cur += piece;
    });
  }
  end();
  return fields;
}

export function* expandWordsGen(words: readonly Word[], ex: Expander): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(yield* expandWordGen(w, ex)));
  return out;
}

/** Expands parts into one string without field splitting (assignment values, here-document bodies). */
export function* expandStringGen(parts: readonly WordPart[], ex: Expander): Gen<string> {
  let s = '';
  for (const p of parts) s += yield* partValue(p, ex);
  return s;
}

/** Runs an expansion that cannot block (no command substitution) to its end. */
function now<T>(g: Gen<T>): T {
  const r = g.next();
  if (!r.done) throw new Error('expansion blocked');
  return r.value;
}

export function expandWord(word: Word, lookup: Lookup): string[] {
  return now(expandWordGen(word, { lookup }));
}

export function expandWords(words: readonly Word[], lookup: Lookup): string[] {
  return now(expandWordsGen(words, { lookup }));
}

export function expandString(parts: readonly WordPart[], lookup: Lookup): string {
  return now(expandStringGen(parts, { lookup }));
}
