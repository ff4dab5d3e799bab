// Runs console input through the shell and copies what it prints into the console slice, chunk by chunk, in
// the order the shell produced it. A running command is polled after every playback advance.
import type { JobUpdate } from '../../shell/index.ts';
import type { AppStore } from '../store/store.ts';

export interface ConsoleProcess {
  pollChunks(): JobUpdate;
  interruptChunks(): JobUpdate;
}

export interface ConsoleShell {
  run(text: string): ConsoleProcess;
}

export interface ConsoleControllerOptions {
  store: AppStore;
  shell(): ConsoleShell;
  needsMoreInput(text: string): boolean;
  /** Called after a command line starts (the tutorial records it for its checks). */
  onCommand?(line: string): void;
  /** Called when a command finishes. */
  onDone?(): void;
  /** Whether a command started now goes into the ↑ history (not when history is being replayed). */
  recordHistory?(): boolean;
}

export interface ConsoleController {
  /** One line typed and Enter pressed. Returns true if it ran, false if more input is needed. */
  submit(line: string): boolean;
  /** Runs a whole command text at once (a Run button). Interrupts a command still running. */
  run(text: string): void;
  /** Ctrl-C. `pending` is what was typed on the prompt and is being abandoned. */
  interrupt(pending?: string): void;
  /** Copies new output of the running command; call after every engine change. */
  poll(): void;
  /** Forgets the running command without a word (the session is being rebuilt). */
  reset(): void;
}

export const PROMPT = '$ ';
export const CONTINUATION = '> ';

/** How a command text is echoed in the scrollback: `$ first line`, then `> ` before each following line. */
export function echo(text: string): string {
  return `${text
    .replace(/\n$/, '')
    .split('\n')
    .map((l, i) => (i === 0 ? PROMPT : CONTINUATION) + l)
    .join('\n')}\n`;
}

export function createConsoleController(opts: ConsoleControllerOptions): ConsoleController {
  const { store } = opts;
  let proc: ConsoleProcess | null = null;

  const copy = (u: JobUpdate) => {
    const s = store.getState();
    for (const c of u.chunks) s.print(c.fd === 2 ? 'stderr' : 'stdout', c.text);
    if (u.done) {
      proc = null;
      s.setRunning(false);
      opts.onDone?.();
    }
  };

  const safely = (f: () => JobUpdate) => {
    try {
      copy(f());
    } catch (e) {
      proc = null;
      const s = store.getState();
      s.print('stderr', `bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      s.setRunning(false);
    }
  };

  const start = (text: string) => {
    const s = store.getState();
    if (proc) controller.interrupt();
    s.print('input', echo(text));
    if (opts.recordHistory?.() ?? true) s.pushHistory(text.replace(/\n$/, ''));
    const first = text.split('\n')[0] ?? '';
    if (text.trim() === '') return;
    opts.onCommand?.(text.replace(/\n$/, '').split('\n').length > 1 ? first : text.trim());
    s.setRunning(true);
    safely(() => {
      proc = opts.shell().run(text);
      return proc.pollChunks();
    });
  };

  const controller: ConsoleController = {
    submit(line) {
      const s = store.getState();
      const text = s.continuation !== null ? `${s.continuation}\n${line}` : line;
      if (opts.needsMoreInput(text)) {
        s.setContinuation(text);
        return false;
      }
      s.setContinuation(null);
      start(text);
      return true;
    },
    run(text) {
      store.getState().setContinuation(null);
      start(text);
    },
    interrupt(pending = '') {
      const s = store.getState();
      if (proc) {
        const p = proc;
        s.print('stdout', '^C\n');
        safely(() => p.interruptChunks());
        return;
      }
      const typed = s.continuation !== null ? `${s.continuation}\n${pending}` : pending;
      s.setContinuation(null);
      s.print('input', `${echo(typed).replace(/\n$/, '')}^C\n`);
    },
    reset() {
      proc = null;
    },
    poll() {
      if (proc) {
        const p = proc;
        safely(() => p.pollChunks());
      }
    },
  };
  return controller;
}
