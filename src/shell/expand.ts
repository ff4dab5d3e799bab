// Word expansion: parameters (`$VAR`, `${VAR:-x}`, `$?`), then field splitting of unquoted results on blanks,
// then quote removal (already done by the lexer). No globbing: a learner's `*` stays a literal `*`.
import type { Word, WordPart } from './ast.ts';

export type Lookup = (name: string) => string | undefined;

function paramValue(p: Extract<WordPart, { type: 'param' }>, lookup: Lookup): string {
  const v = lookup(p.name);
  if ((v === undefined || v === '') && p.fallback) return expandString(p.fallback.parts, lookup);
  return v ?? '';
}

/** Expands a word into fields (zero or more arguments). */
export function expandWord(word: Word, lookup: Lookup): string[] {
  const fields: string[] = [];
  let cur = '';
  let keep = false; // the current field exists even if empty (it had a quoted part)
  const end = () => {
    if (cur !== '' || keep) fields.push(cur);
    cur = '';
    keep = false;
  };
  for (const p of word.parts) {
    if (p.type === 'text') {
      cur += p.value;
      if (p.quoted) keep = true;
      continue;
    }
    const v = paramValue(p, lookup);
    if (p.quoted) {
      cur += v;
      keep = true;
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

export function expandWords(words: readonly Word[], lookup: Lookup): string[] {
  return words.flatMap((w) => expandWord(w, lookup));
}

/** Expands parts into one string without field splitting (assignment values, here-document bodies). */
export function expandString(parts: readonly WordPart[], lookup: Lookup): string {
  return parts.map((p) => (p.type === 'text' ? p.value : paramValue(p, lookup))).join('');
}
