// The syntax tree of the bash subset the shell understands: lists, and-or lists, pipelines, simple commands,
// the compound commands for/while/until/if/{ }/( ), and words with parameters, `$(…)` and `$((…))`.

/** A piece of a word before expansion. `quoted` parts are not field-split. */
export type WordPart =
  | { type: 'text'; value: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-fallback}`, `$?`. */
  | { type: 'param'; name: string; quoted: boolean; fallback?: Word }
  /** `$(list)` or `` `list` ``: replaced by the list's standard output, trailing newlines removed. */
  | { type: 'subst'; list: List; quoted: boolean; raw: string }
  /** `$((expression))`: replaced by the value of the arithmetic expression. */
  | { type: 'arith'; expr: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
  /** The word as typed (for error messages). */
  raw: string;
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<<';

export interface FileRedirect {
  type: 'redirect';
  /** The file descriptor redirected (1 for `>`, 0 for `<`, 2 for `2>`). */
  fd: number;
  op: RedirectOp;
  target: Word;
}

export interface HeredocRedirect {
  type: 'heredoc';
  fd: number;
  delimiter: string;
  /** `<<'EOF'` or `<<"EOF"`: the body is taken literally. */
  quoted: boolean;
  /** `<<-EOF`: leading tabs stripped (already done in `body`). */
  stripTabs: boolean;
  /** The body, each line ending with "\n", without the terminator line. */
  body: string;
  /** The input ended before the terminator line. */
  unterminated: boolean;
  /** 1-based line of the input naming the here-document (for bash's warning). */
  line: number;
}

export type Redirect = FileRedirect | HeredocRedirect;

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

/** `for NAME [in WORDS]; do BODY; done`. Without `in`, `words` is undefined (the positional parameters). */
export interface ForCommand {
  type: 'for';
  name: string;
  words: Word[] | undefined;
  body: List;
  redirects: Redirect[];
}

/** `while COND; do BODY; done` and `until COND; do BODY; done`. */
export interface LoopCommand {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirects: Redirect[];
}

/** `if COND; then BODY; [elif COND; then BODY;]… [else BODY;] fi`. */
export interface IfCommand {
  type: 'if';
  clauses: { cond: List; body: List }[];
  otherwise: List | undefined;
  redirects: Redirect[];
}

/** `{ LIST; }` runs in the shell itself; `( LIST )` in a subshell (its variable changes are undone). */
export interface GroupCommand {
  type: 'group' | 'subshell';
  body: List;
  redirects: Redirect[];
}

export type CompoundCommand = ForCommand | LoopCommand | IfCommand | GroupCommand;

export type Command = SimpleCommand | CompoundCommand;

export interface Pipeline {
  /** `! cmd` inverts the exit status. */
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** Commands separated by `;` or newlines. */
export interface List {
  items: AndOr[];
}
