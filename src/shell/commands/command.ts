// What a shell command (builtin or external) sees, and how it is declared.
import type { Cluster } from '../../engine/index.ts';
import type { Session } from '../session.ts';
import type { Chunk, Job } from '../job.ts';

export interface CommandContext {
  session: Session;
  /** The cluster current when the command started. */
  cluster: Cluster;
  /**
   * Standard input (a here-document, `<` file or pipe), undefined for the terminal. Reading it takes all of it
   * (later commands of a `while read` loop body then find it empty).
   */
  readonly stdin: string | undefined;
  /** Reads one line of standard input (with its "\n"); undefined at its end (`read`). */
  readLine(): string | undefined;
  /** The command's environment: the shell's variables plus its `NAME=value` prefixes. */
  env: ReadonlyMap<string, string>;
  /** Reads a file of the virtual home directory (then the driver's file system). */
  readFile(path: string): string | undefined;
  /** Writes a file of the virtual home directory. */
  writeFile(path: string, text: string): void;
  /** Starts another command (for `timeout CMD`); `undefined` when `name` is not a command. */
  spawn(argv: string[], stdin: string | undefined): Job | undefined;
  /** Asks the console to clear its screen. */
  clearScreen(): void;
}

/** A command that can also consume a pipe incrementally (`kubectl get po -w | grep web`). */
export interface Filter {
  write(text: string): Chunk[];
  end(): { chunks: Chunk[]; exitCode: number };
  /** True once the filter wants no more input (`head` has its lines); the writer is then stopped. */
  readonly satisfied: boolean;
}

export interface CommandSpec {
  /** Runs with the whole of stdin at once. */
  run(args: string[], ctx: CommandContext): Job;
  /** When present, used for a pipeline stage fed by a pipe; returns a Job instead when it won't stream. */
  filter?(args: string[], ctx: CommandContext): Filter | Job;
  /** Shell builtins (export, read, help) cannot be run by `timeout` or `xargs`. */
  builtin?: boolean;
}

/** Runs a filter over a complete input. */
export function runFilter(f: Filter, input: string): { chunks: Chunk[]; exitCode: number } {
  const chunks = f.satisfied ? [] : f.write(input);
  const last = f.end();
  return { chunks: [...chunks, ...last.chunks], exitCode: last.exitCode };
}

export function isFilter(x: Filter | Job): x is Filter {
  return 'write' in x;
}
