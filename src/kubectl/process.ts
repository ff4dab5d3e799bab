// The contract between command engines (kubectl, sim, the shell's builtins) and what drives them (the browser
// console, tutorial steps, the transcript CLI). A command is a Process: it may finish at once (`get`) or keep
// running while virtual time advances (`rollout status`, `get -w`), printing as the cluster changes.
import type { Cluster } from '../engine/index.ts';

/** A piece of output on stdout (1) or stderr (2). */
export interface OutputChunk {
  fd: 1 | 2;
  text: string;
}

export interface ProcessUpdate {
  /** Text printed since the previous poll (stdout and stderr kept apart; each ends lines with "\n"). */
  stdout: string;
  stderr: string;
  done: boolean;
  /** Meaningful once done: 0 success, 1 error (kubectl's DefaultErrorExitCode). */
  exitCode: number;
  /**
   * The same text as stdout and stderr, in the order it was written (a `Warning:` before the table that
   * follows it). Optional: when absent, a driver shows stdout first.
   */
  chunks?: OutputChunk[];
}

export interface Process {
  /** Returns output produced since the last call. Drivers call it once at start and after every engine change. */
  poll(): ProcessUpdate;
  /** Ctrl-C, or `timeout` expiring: stops the command and returns its last output (done: true). */
  interrupt(): ProcessUpdate;
}

/**
 * Opens an editor on `initial` (what `kubectl edit` would put in $EDITOR's temporary file). The driver calls
 * `done` once with the saved text, or undefined when the editor was closed without saving, and then polls the
 * Process again. It may return a function that closes the editor (called when the command is interrupted).
 */
export type EditRequest = (
  initial: string,
  done: (edited: string | undefined) => void,
) => (() => void) | void;

/** What a command can see of its surroundings. */
export interface CommandEnv {
  cluster: Cluster;
  /** Standard input (a heredoc or a pipe), if any. */
  stdin?: string;
  /** Reads a file of the (virtual) file system, relative paths resolved by the driver; undefined if missing. */
  readFile(path: string): string | undefined;
  /** An interactive editor for `kubectl edit` (the browser console has one; the CLI does not). */
  requestEdit?: EditRequest;
}

/** Splits ordered chunks back into stdout and stderr. */
export function joinChunks(chunks: readonly OutputChunk[]): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  for (const c of chunks) {
    if (c.fd === 1) stdout += c.text;
    else stderr += c.text;
  }
  return { stdout, stderr };
}

/** Whether `chunks` print stderr before some stdout (the order a driver cannot guess from stdout/stderr). */
export function stderrFirst(chunks: readonly OutputChunk[]): boolean {
  let sawErr = false;
  for (const c of chunks) {
    if (c.fd === 2 && c.text) sawErr = true;
    else if (c.fd === 1 && c.text && sawErr) return true;
  }
  return false;
}

/** A ProcessUpdate from ordered chunks (`chunks` kept only when stderr comes before stdout). */
export function updateOf(chunks: readonly OutputChunk[], done: boolean, exitCode: number): ProcessUpdate {
  const { stdout, stderr } = joinChunks(chunks);
  return stderrFirst(chunks)
    ? { stdout, stderr, done, exitCode, chunks: chunks.filter((c) => c.text !== '') }
    : { stdout, stderr, done, exitCode };
}

/** A Process that has already finished. */
export function finished(stdout: string, stderr = '', exitCode = 0): Process {
  return finishedChunks(
    [
      { fd: 1, text: stdout },
      { fd: 2, text: stderr },
    ],
    exitCode,
  );
}

/** A Process that has already finished, with its output in the order it was written. */
export function finishedChunks(chunks: readonly OutputChunk[], exitCode = 0): Process {
  let polled = false;
  const update = (): ProcessUpdate => {
    if (polled) return { stdout: '', stderr: '', done: true, exitCode };
    polled = true;
    return updateOf(chunks, true, exitCode);
  };
  return { poll: update, interrupt: update };
}
