// Test helpers: run a command line to its end on a fresh or given shell, stepping virtual time while it blocks.
import type { ShellOptions } from './shell.ts';
import { Shell } from './shell.ts';
import { Session } from './session.ts';
import type { JobUpdate } from './job.ts';

export interface RunResult {
  out: string;
  err: string;
  /** stdout and stderr in the order printed. */
  all: string;
  code: number;
}

export function newShell(options: ShellOptions = {}, workers = 2): Shell {
  return new Shell(new Session({ workers }), options);
}

/** Runs `text` until it finishes, stepping the cluster timer to timer; presses Ctrl-C if nothing is scheduled. */
export function runToEnd(shell: Shell, text: string, stdin?: string): RunResult {
  const p = shell.run(text, stdin !== undefined ? { stdin } : {});
  const r: RunResult = { out: '', err: '', all: '', code: 0 };
  const take = (u: JobUpdate) => {
    for (const c of u.chunks) {
      if (c.fd === 1) r.out += c.text;
      else r.err += c.text;
      r.all += c.text;
    }
    r.code = u.exitCode;
  };
  let u = p.pollChunks();
  take(u);
  while (!u.done) {
    if (!shell.session.cluster.step()) {
      u = p.interruptChunks();
      take(u);
      break;
    }
    u = p.pollChunks();
    take(u);
  }
  return r;
}

/** Runs `text` on a fresh shell (no cluster changes needed) and returns its result. */
export function sh(text: string, stdin?: string): RunResult {
  return runToEnd(newShell(), text, stdin);
}
