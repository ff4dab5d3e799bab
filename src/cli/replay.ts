// Replays a transcript: every line starting with `$ ` is a command (with its here-document body, or other
// continuation lines, following it). Prints each command and what it printed, advancing virtual time from
// timer to timer while a command blocks. Same text + seed ⇒ byte-identical output.
import { Session, Shell, type ShellProcess } from '../shell/index.ts';

export interface ReplayOptions {
  /** Seed of the session's clusters (`sim cluster create` keeps it unless given `--seed`). */
  seed?: number;
  /** Reads a file named by a command (`kubectl apply -f web.yaml`) outside the virtual home directory. */
  readFile?: (path: string) => string | undefined;
  /** Longest virtual time one command may block before it is interrupted (Ctrl-C). Default 3600 s. */
  maxCommandSeconds?: number;
}

const PROMPT = '$ ';

/** Runs one command to completion (or interruption) and returns everything it printed. */
export function drive(session: Session, proc: ShellProcess, maxMs: number): string {
  let out = '';
  const emit = (chunks: { text: string }[]) => {
    for (const c of chunks) out += c.text;
  };
  let u = proc.pollChunks();
  emit(u.chunks);
  const deadline = session.cluster.now() + maxMs;
  while (!u.done) {
    const cluster = session.cluster;
    const next = cluster.nextEventTime();
    if (next === undefined || next > deadline) {
      // Nothing will ever change again (or the command ran too long): the user presses Ctrl-C.
      out += `${out === '' || out.endsWith('\n') ? '' : '\n'}^C\n`;
      u = proc.interruptChunks();
      emit(u.chunks);
      break;
    }
    cluster.step();
    u = proc.pollChunks();
    emit(u.chunks);
  }
  // Whatever else is due at this same instant happens before the next prompt (as the browser's playback,
  // which advances to a time, does): a `sleep 2` ends with every 2-second timer fired, not just the first.
  for (
    let n = session.cluster.nextEventTime();
    n !== undefined && n <= session.cluster.now();
    n = session.cluster.nextEventTime()
  ) {
    session.cluster.step();
  }
  return out;
}

export function replay(text: string, opts: ReplayOptions = {}): string {
  const session = new Session(opts.seed !== undefined ? { seed: opts.seed } : {});
  const shell = new Shell(session, opts.readFile ? { readFile: opts.readFile } : {});
  const maxMs = (opts.maxCommandSeconds ?? 3600) * 1000;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith(PROMPT)) continue;
    let command = line.slice(PROMPT.length);
    let typed = `${line}\n`;
    while (Shell.needsMoreInput(command) && i + 1 < lines.length) {
      i++;
      command += `\n${lines[i]!}`;
      typed += `${lines[i]!}\n`;
    }
    out += typed;
    out += drive(session, shell.run(command), maxMs);
  }
  return out;
}
