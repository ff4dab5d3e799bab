// A Process that has printed its first output and then waits for the cluster: it checks its condition on
// every poll (drivers poll after every engine change) and arms a virtual-clock timer for its timeout, so
// the driver wakes it when the timeout passes even if nothing else happens.
import type { Cluster } from '../../../engine/index.ts';
import type { Process, ProcessUpdate } from '../../process.ts';

/** Exit status of a command stopped by Ctrl-C (128 + SIGINT), as a shell reports it. */
export const interruptedExitCode = 130;

export interface WaitStep {
  stdout?: string;
  stderr?: string;
  /** Set when the command is over. */
  exitCode?: number;
}

export interface WaiterOptions {
  cluster: Cluster;
  stdout: string;
  stderr: string;
  /** Called on every poll until it returns an exit code. */
  check(): WaitStep;
  /** Virtual milliseconds after which `onTimeout` ends the command (undefined: wait forever). */
  timeoutMs?: number;
  /** Arm a clock timer for the timeout, so that time advancing alone ends the command (default true). */
  wakeOnTimeout?: boolean;
  onTimeout?(): WaitStep;
  /** Called once when the process ends (to drop watches). */
  cleanup?(): void;
  /**
   * Exit status when interrupted: 130 (killed by SIGINT) unless the command installs kubectl's interrupt
   * handler (util/interrupt with no final func), which exits 1.
   */
  interruptExitCode?: number;
}

export function waiter(opts: WaiterOptions): Process {
  let stdout = opts.stdout;
  let stderr = opts.stderr;
  let exitCode: number | undefined;
  let reported = false;
  const deadline = opts.timeoutMs !== undefined ? opts.cluster.now() + opts.timeoutMs : undefined;
  const timer =
    opts.timeoutMs !== undefined && opts.wakeOnTimeout !== false
      ? opts.cluster.clock.setTimeout(() => undefined, opts.timeoutMs)
      : undefined;
  const end = (code: number) => {
    exitCode = code;
    if (timer !== undefined) opts.cluster.clock.clearTimeout(timer);
    opts.cleanup?.();
  };
  const apply = (s: WaitStep) => {
    stdout += s.stdout ?? '';
    stderr += s.stderr ?? '';
    if (s.exitCode !== undefined) end(s.exitCode);
  };
  const take = (): ProcessUpdate => {
    const u = { stdout, stderr, done: exitCode !== undefined, exitCode: exitCode ?? 0 };
    stdout = '';
    stderr = '';
    if (u.done) {
      if (reported) return { stdout: '', stderr: '', done: true, exitCode: u.exitCode };
      reported = true;
    }
    return u;
  };
  return {
    poll() {
      if (exitCode === undefined) apply(opts.check());
      if (exitCode === undefined && deadline !== undefined && opts.cluster.now() >= deadline) {
        apply(opts.onTimeout?.() ?? { exitCode: 1 });
      }
      return take();
    },
    interrupt() {
      if (exitCode === undefined) end(opts.interruptExitCode ?? interruptedExitCode);
      return take();
    },
  };
}
