// The shell's internal process shape: like kubectl's Process, but output is a list of chunks in the order it
// was produced, so `a; b` with stdout and stderr interleaved prints in the right order.
import type { Process, ProcessUpdate } from '../kubectl/process.ts';

export interface Chunk {
  fd: 1 | 2;
  text: string;
}

export interface JobUpdate {
  chunks: Chunk[];
  done: boolean;
  /** Meaningful once done. */
  exitCode: number;
}

export interface Job {
  poll(): JobUpdate;
  /** Ctrl-C (or `timeout` expiring): stops the job and returns its last output, done. */
  interrupt(): JobUpdate;
}

/** Exit status of a command killed by SIGINT (128 + 2), as bash reports it. */
export const INTERRUPTED = 130;

export function chunksOf(stdout: string, stderr: string): Chunk[] {
  const out: Chunk[] = [];
  if (stdout) out.push({ fd: 1, text: stdout });
  if (stderr) out.push({ fd: 2, text: stderr });
  return out;
}

/** A job that has already finished with this output. */
export function doneJob(stdout: string, stderr = '', exitCode = 0): Job {
  return chunkJob(chunksOf(stdout, stderr), exitCode);
}

export function chunkJob(chunks: Chunk[], exitCode: number): Job {
  let pending = chunks;
  const update = (): JobUpdate => {
    const u = { chunks: pending, done: true, exitCode };
    pending = [];
    return u;
  };
  return { poll: update, interrupt: update };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Wraps a command's Process (kubectl's contract) as a Job that never throws: an exception becomes a line on
 * stderr and exit status 1. A Process that finishes on interrupt keeps its own exit code.
 */
export function fromProcess(name: string, start: () => Process): Job {
  let proc: Process | undefined;
  let failed: Job | undefined;
  let finished: JobUpdate | undefined;
  const fail = (e: unknown): JobUpdate => {
    failed = doneJob('', `${name}: internal error: ${errorText(e)}\n`, 1);
    return failed.poll();
  };
  try {
    proc = start();
  } catch (e) {
    failed = doneJob('', `${name}: internal error: ${errorText(e)}\n`, 1);
  }
  const call = (f: (p: Process) => ProcessUpdate): JobUpdate => {
    if (failed) return failed.poll();
    if (finished) return { chunks: [], done: true, exitCode: finished.exitCode };
    try {
      const r = f(proc!);
      const u = {
        chunks: r.chunks ? r.chunks.map((c) => ({ ...c })) : chunksOf(r.stdout, r.stderr),
        done: r.done,
        exitCode: r.exitCode,
      };
      if (u.done) finished = u;
      return u;
    } catch (e) {
      return fail(e);
    }
  };
  return { poll: () => call((p) => p.poll()), interrupt: () => call((p) => p.interrupt()) };
}

/** Makes any job exception-safe (a builtin with a bug must not take the console down). */
export function guarded(name: string, start: () => Job): Job {
  let job: Job;
  try {
    job = start();
  } catch (e) {
    return doneJob('', `${name}: internal error: ${errorText(e)}\n`, 1);
  }
  let failed: Job | undefined;
  const call = (f: (j: Job) => JobUpdate): JobUpdate => {
    if (failed) return failed.poll();
    try {
      return f(job);
    } catch (e) {
      failed = doneJob('', `${name}: internal error: ${errorText(e)}\n`, 1);
      return failed.poll();
    }
  };
  return { poll: () => call((j) => j.poll()), interrupt: () => call((j) => j.interrupt()) };
}

/** Flattens a job update into kubectl's ProcessUpdate (stdout and stderr apart). */
export function toProcessUpdate(u: JobUpdate): ProcessUpdate {
  let stdout = '';
  let stderr = '';
  for (const c of u.chunks) {
    if (c.fd === 1) stdout += c.text;
    else stderr += c.text;
  }
  return { stdout, stderr, done: u.done, exitCode: u.exitCode };
}

/**
 * A command's standard input: undefined text is the terminal (nothing to read). Commands of a loop body share
 * it: `read` takes a line, a command that looks at its stdin takes the rest (as `cat` would).
 */
export class Input {
  private pos = 0;

  constructor(private readonly text: string | undefined) {}

  get isTerminal(): boolean {
    return this.text === undefined;
  }

  /** Everything not read yet (undefined for the terminal); it counts as read. */
  takeAll(): string | undefined {
    if (this.text === undefined) return undefined;
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  /** The next line with its "\n" (the last may lack one), or undefined at end of input. */
  takeLine(): string | undefined {
    if (this.text === undefined || this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl + 1;
    const line = this.text.slice(this.pos, end);
    this.pos = end;
    return line;
  }
}
