// The contract between command engines (kubectl, sim, the shell's builtins) and what drives them (the browser
// console, tutorial steps, the transcript CLI). A command is a Process: it may finish at once (`get`) or keep
// running while virtual time advances (`rollout status`, `get -w`), printing as the cluster changes.
import type { Cluster } from '../engine/index.ts';

export interface ProcessUpdate {
  /** Text printed since the previous poll (stdout and stderr kept apart; each ends lines with "\n"). */
  stdout: string;
  stderr: string;
  done: boolean;
  /** Meaningful once done: 0 success, 1 error (kubectl's DefaultErrorExitCode). */
  exitCode: number;
}

export interface Process {
  /** Returns output produced since the last call. Drivers call it once at start and after every engine change. */
  poll(): ProcessUpdate;
  /** Ctrl-C, or `timeout` expiring: stops the command and returns its last output (done: true). */
  interrupt(): ProcessUpdate;
}

/** What a command can see of its surroundings. */
export interface CommandEnv {
  cluster: Cluster;
  /** Standard input (a heredoc or a pipe), if any. */
  stdin?: string;
  /** Reads a file of the (virtual) file system, relative paths resolved by the driver; undefined if missing. */
  readFile(path: string): string | undefined;
}

/** A Process that has already finished. */
export function finished(stdout: string, stderr = '', exitCode = 0): Process {
  let polled = false;
  const update = (): ProcessUpdate => {
    if (polled) return { stdout: '', stderr: '', done: true, exitCode };
    polled = true;
    return { stdout, stderr, done: true, exitCode };
  };
  return { poll: update, interrupt: update };
}
