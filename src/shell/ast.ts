// The syntax tree of the bash subset the shell understands. Command substitution, loops and subshells are
// future node types: add them to WordPart and Command and teach expand.ts / shell.ts to run them.

/** A piece of a word before expansion. `quoted` parts are not field-split. */
export type WordPart =
  | { type: 'text'; value: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-fallback}`, `$?`. */
  | { type: 'param'; name: string; quoted: boolean; fallback?: Word };

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

export type Command = SimpleCommand;

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
