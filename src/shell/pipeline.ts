// Runs a pipeline `a | b | c`. Filters (grep, head, wc) consume the pipe as it flows; any other command
// downstream (kubectl apply -f -) starts when its writer has finished, with the whole output as stdin.
// When a reader finishes first (head has its lines), its writer is interrupted, as SIGPIPE would stop it.
import { Input, INTERRUPTED, type Chunk, type Job, type JobUpdate } from './job.ts';
import { isFilter, type Filter } from './commands/command.ts';

/** Where a command's fd 1 or fd 2 goes. */
export type Dest = { kind: 'out' } | { kind: 'err' } | { kind: 'null' } | { kind: 'file'; path: string };

/** A command ready to start: everything expanded and redirected; only its stdin may still be missing. */
export interface Prepared {
  dest: { 1: Dest; 2: Dest };
  /** stdin fixed by a redirection or here-document (a pipe into this command is then ignored). */
  stdin?: string;
  /** Starts the command reading this input. */
  start(input: Input): Job;
  /** For commands that can stream a pipe. */
  filter?(): Filter | Job;
}

class Stage {
  job?: Job;
  filter?: Filter;
  private buffer = '';
  private inputEnded = false;
  private pending: Chunk[] = [];
  done = false;
  exitCode = 0;

  constructor(
    readonly prepared: Prepared,
    piped: boolean,
    input: Input,
  ) {
    if (!piped || prepared.stdin !== undefined) {
      this.job = prepared.start(prepared.stdin !== undefined ? new Input(prepared.stdin) : input);
      this.inputEnded = true;
      return;
    }
    const f = prepared.filter?.();
    if (!f) return;
    if (isFilter(f)) this.filter = f;
    else {
      this.job = f;
      this.inputEnded = true;
    }
  }

  get started(): boolean {
    return this.job !== undefined || this.filter !== undefined;
  }

  feed(text: string): void {
    if (this.inputEnded || this.done) return;
    if (!this.filter) {
      this.buffer += text;
      return;
    }
    this.pending.push(...this.filter.write(text));
    if (this.filter.satisfied) this.endInput();
  }

  endInput(): void {
    if (this.inputEnded) return;
    this.inputEnded = true;
    if (this.filter) {
      const r = this.filter.end();
      this.pending.push(...r.chunks);
      this.done = true;
      this.exitCode = r.exitCode;
    } else {
      this.job = this.prepared.start(new Input(this.buffer));
      this.buffer = '';
    }
  }

  poll(): Chunk[] {
    const out = this.pending;
    this.pending = [];
    if (this.job && !this.done) {
      const u = this.job.poll();
      out.push(...u.chunks);
      if (u.done) {
        this.done = true;
        this.exitCode = u.exitCode;
      }
    }
    return out;
  }

  interrupt(): Chunk[] {
    const out = this.pending;
    this.pending = [];
    if (this.done) return out;
    this.done = true;
    if (this.job) {
      const u = this.job.interrupt();
      out.push(...u.chunks);
      this.exitCode = u.exitCode;
    } else {
      this.exitCode = INTERRUPTED;
    }
    return out;
  }
}

export class PipelineJob implements Job {
  private readonly stages: Stage[] = [];
  private result?: JobUpdate;

  constructor(
    prepared: Prepared[],
    input: Input,
    private readonly negate: boolean,
    private readonly appendFile: (path: string, text: string) => void,
  ) {
    prepared.forEach((p, i) => this.stages.push(new Stage(p, i > 0, i === 0 ? input : new Input(undefined))));
  }

  /** Sends a stage's output where its redirections say: the next stage, the terminal, a file, nowhere. */
  private route(i: number, chunks: Chunk[], out: Chunk[], pipeOpen: boolean): void {
    const stage = this.stages[i]!;
    const next = this.stages[i + 1];
    for (const c of chunks) {
      const d = stage.prepared.dest[c.fd];
      if (d.kind === 'file') this.appendFile(d.path, c.text);
      else if (d.kind === 'err') out.push({ fd: 2, text: c.text });
      else if (d.kind === 'out') {
        if (!next) out.push({ fd: 1, text: c.text });
        else if (pipeOpen) next.feed(c.text);
      }
    }
  }

  poll(): JobUpdate {
    if (this.result) return { ...this.result, chunks: [] };
    const out: Chunk[] = [];
    this.stages.forEach((s, i) => {
      if (!s.started) return;
      this.route(i, s.poll(), out, true);
      const next = this.stages[i + 1];
      if (s.done && next) next.endInput();
    });
    // A reader that finished closes the pipe: its writer is stopped (its stdout goes nowhere).
    for (let i = this.stages.length - 1; i > 0; i--) {
      const reader = this.stages[i]!;
      const writer = this.stages[i - 1]!;
      if (reader.done && !writer.done && writer.started) this.route(i - 1, writer.interrupt(), out, false);
    }
    if (!this.stages.every((s) => s.done)) return { chunks: out, done: false, exitCode: 0 };
    return this.finish(out, this.stages[this.stages.length - 1]!.exitCode);
  }

  interrupt(): JobUpdate {
    if (this.result) return { ...this.result, chunks: [] };
    const out: Chunk[] = [];
    this.stages.forEach((s, i) => {
      if (s.started) this.route(i, s.interrupt(), out, false);
    });
    return this.finish(out, INTERRUPTED);
  }

  private finish(chunks: Chunk[], code: number): JobUpdate {
    const exitCode = this.negate ? (code === 0 ? 1 : 0) : code;
    this.result = { chunks: [], done: true, exitCode };
    return { chunks, done: true, exitCode };
  }
}
