// Runs a parsed command line. Each construct is a generator that yields while a command blocks on virtual time
// (`sleep`, `kubectl rollout status`), so loops, `if` and `$(…)` around a blocking command simply resume on the
// next poll. A generator wrapped as a Job (`GenJob`) is the whole line, or a compound command in a pipe.
import type { Command, CompoundCommand, List, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';
import {
  ExpansionError,
  expandStringGen,
  expandWordGen,
  expandWordsGen,
  type Expander,
  type Gen,
} from './expand.ts';
import { doneJob, guarded, Input, INTERRUPTED, type Chunk, type Job, type JobUpdate } from './job.ts';
import { parseHeredocBody } from './parser.ts';
import { PipelineJob, type Dest, type Prepared } from './pipeline.ts';
import type { Shell } from './shell.ts';

/** Where a running construct sends its output and finds its input. */
export interface Frame {
  /** Output of fd 1 and fd 2, before any redirection of the command about to run. */
  out: (c: Chunk) => void;
  input: Input;
  /** Loops around the running command in this shell (not across a pipe or `$(…)`): for break/continue. */
  loops: number;
}

/** Most commands one poll may run without waiting for virtual time (an endless `while true` otherwise hangs). */
export const MAX_STEPS_PER_POLL = 100_000;

/** `break`/`continue`, unwinding to the loop `count` levels out. */
class LoopControl extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    public count: number,
    /** Exit status of the loop it ends (or of the iteration it cuts short). */
    readonly status: number,
  ) {
    super(kind);
  }
}

class Runaway extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Builtins whose `NAME=value` arguments are not field-split (bash's declaration commands). */
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);

/** A generator run as a Job: each poll resumes it until it pauses or returns its exit status. */
export class GenJob implements Job {
  private chunks: Chunk[] = [];
  private readonly gen: Gen<number>;
  private result?: number;

  constructor(body: (f: Frame) => Gen<number>, input: Input) {
    this.gen = body({ out: (c) => this.chunks.push(c), input, loops: 0 });
  }

  /** `clear` ran: output produced earlier in this poll never reaches the screen. */
  dropOutput(): void {
    this.chunks = [];
  }

  poll(): JobUpdate {
    if (this.result !== undefined) return { chunks: [], done: true, exitCode: this.result };
    const r = this.gen.next();
    return this.take(r.done ? r.value : undefined);
  }

  /** Returning the generator runs its `finally` blocks, which interrupt the command it is waiting on. */
  interrupt(): JobUpdate {
    if (this.result !== undefined) return { chunks: [], done: true, exitCode: this.result };
    this.gen.return(INTERRUPTED);
    return this.take(INTERRUPTED);
  }

  private take(code: number | undefined): JobUpdate {
    const chunks = this.chunks;
    this.chunks = [];
    if (code === undefined) return { chunks, done: false, exitCode: 0 };
    this.result = code;
    return { chunks, done: true, exitCode: code };
  }
}

export class Interp {
  private steps = 0;
  /** Exit status of the last command substitution of the command being expanded. */
  private substStatus: number | undefined;
  private top?: GenJob;

  constructor(private readonly shell: Shell) {}

  /** The Job running a whole command line. */
  start(list: List, input: Input): Job {
    const top = new GenJob((f) => this.main(list, f), input);
    this.top = top;
    return {
      poll: () => {
        this.steps = 0;
        return top.poll();
      },
      interrupt: () => {
        const u = top.interrupt();
        this.shell.lastStatus = INTERRUPTED;
        return u;
      },
    };
  }

  private get vars(): Map<string, string> {
    return this.shell.session.vars;
  }

  private *main(list: List, f: Frame): Gen<number> {
    try {
      return yield* this.list(list, f);
    } catch (e) {
      if (e instanceof ExpansionError) {
        f.out({ fd: 2, text: `bash: ${e.message}\n` });
        this.shell.lastStatus = e.status;
        return e.status;
      }
      if (e instanceof Runaway) {
        f.out({
          fd: 2,
          text: `rollout-lab: stopped after ${MAX_STEPS_PER_POLL} commands that did not wait for virtual time (an endless loop?)\n`,
        });
        this.shell.lastStatus = INTERRUPTED;
        return INTERRUPTED;
      }
      throw e;
    }
  }

  private tick(): void {
    if (++this.steps > MAX_STEPS_PER_POLL) throw new Runaway();
  }

  private expander(f: Frame): Expander {
    return {
      lookup: this.shell.lookup,
      subst: (list) => this.capture(list, f),
      vars: { get: this.shell.lookup, set: (n, v) => this.vars.set(n, v) },
    };
  }

  /** Polls a job until it is done, pausing while it waits; stopped (interrupted) if this generator is. */
  private *runLeaf(job: Job, sink: (c: Chunk) => void): Gen<number> {
    let done = false;
    try {
      for (;;) {
        const u = job.poll();
        for (const c of u.chunks) sink(c);
        this.shell.settle();
        if (u.done) {
          done = true;
          return u.exitCode;
        }
        yield;
      }
    } finally {
      if (!done) {
        for (const c of job.interrupt().chunks) sink(c);
        this.shell.settle();
      }
    }
  }

  *list(list: List, f: Frame): Gen<number> {
    let status = 0;
    for (const ao of list.items) {
      status = yield* this.pipeline(ao.first, f);
      for (const r of ao.rest) {
        if ((r.op === '&&') !== (status === 0)) continue;
        status = yield* this.pipeline(r.pipeline, f);
      }
    }
    return status;
  }

  private *pipeline(p: Pipeline, f: Frame): Gen<number> {
    let status: number;
    const only = p.commands.length === 1 ? p.commands[0]! : undefined;
    if (only?.type === 'simple') status = yield* this.simple(only, f);
    else if (only) status = yield* this.compound(only, f);
    else {
      // Every stage of a pipe runs in a subshell: variables it sets are gone afterwards.
      const saved = new Map(this.vars);
      try {
        const prepared: Prepared[] = [];
        let failed: Job | undefined;
        for (const c of p.commands) {
          const r = yield* this.prepare(c, f);
          if ('poll' in r) {
            failed = r;
            break;
          }
          prepared.push(r);
        }
        status = yield* this.runLeaf(failed ?? this.pipe(prepared, f.input), f.out);
      } finally {
        restore(this.vars, saved);
      }
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.shell.lastStatus = status;
    return status;
  }

  private pipe(prepared: Prepared[], input: Input): Job {
    return new PipelineJob(prepared, input, false, (path, text) => this.shell.writeFile(path, text, true));
  }

  private *simple(cmd: SimpleCommand, f: Frame): Gen<number> {
    const r = yield* this.prepareSimple(cmd, f, true);
    if (r instanceof LoopControl) throw r;
    if ('poll' in r) return yield* this.runLeaf(r, f.out);
    return yield* this.runLeaf(this.pipe([r], f.input), f.out);
  }

  /** A pipeline stage: a simple command, or a compound one run as a job of its own. */
  private *prepare(c: Command, f: Frame): Gen<Prepared | Job> {
    if (c.type === 'simple') {
      const r = yield* this.prepareSimple(c, f, false);
      return r instanceof LoopControl ? doneJob('') : r;
    }
    const r = yield* this.redirects(c.redirects, f);
    if ('poll' in r) return r;
    const p: Prepared = { dest: r.dest, start: (input) => new GenJob((g) => this.compoundBody(c, g), input) };
    if (r.stdin !== undefined) p.stdin = r.stdin;
    return p;
  }

  private *words(words: readonly Word[], ex: Expander): Gen<string[]> {
    const argv: string[] = [];
    for (const w of words) {
      const first = w.parts[0];
      const declaration =
        argv.length > 0 &&
        DECLARATIONS.has(argv[0]!) &&
        first?.type === 'text' &&
        !first.quoted &&
        /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.value);
      if (declaration) argv.push(yield* expandStringGen(w.parts, ex));
      else argv.push(...(yield* expandWordGen(w, ex)));
    }
    return argv;
  }

  /** Expands a simple command (words, then redirections, then assignments, as bash orders them). */
  private *prepareSimple(cmd: SimpleCommand, f: Frame, inline: boolean): Gen<Prepared | Job | LoopControl> {
    this.tick();
    const ex = this.expander(f);
    this.substStatus = undefined;
    const argv = yield* this.words(cmd.words, ex);
    const r = yield* this.redirects(cmd.redirects, f);
    if ('poll' in r) return r;
    const { dest } = r;
    if (argv.length === 0) {
      for (const a of cmd.assignments) this.vars.set(a.name, yield* expandStringGen(a.value.parts, ex));
      const status = this.substStatus ?? 0;
      return { dest, start: () => doneJob('', '', status) };
    }
    const env = new Map(this.vars);
    for (const a of cmd.assignments) env.set(a.name, yield* expandStringGen(a.value.parts, ex));
    const name = argv[0]!;
    const args = argv.slice(1);
    if (name === 'break' || name === 'continue') {
      const c = loopControl(name, args, inline ? f.loops : 0, f);
      return c instanceof LoopControl && !inline ? doneJob('') : c;
    }
    const spec = this.shell.command(name);
    if (!spec) return { dest, start: () => doneJob('', `bash: ${name}: command not found\n`, 127) };
    const clear = () => this.top?.dropOutput();
    const prepared: Prepared = {
      dest,
      start: (input) => guarded(name, () => spec.run(args, this.shell.context(input, env, clear))),
    };
    if (r.stdin !== undefined) prepared.stdin = r.stdin;
    if (spec.filter) {
      const filter = spec.filter.bind(spec);
      prepared.filter = () => filter(args, this.shell.context(new Input(undefined), env, clear));
    }
    return prepared;
  }

  /** Expands redirections: where fd 1 and 2 go, and stdin fixed by `<`, `<<` or `<<<`; a failed job if one fails. */
  private *redirects(
    rs: readonly Redirect[],
    f: Frame,
  ): Gen<{ dest: { 1: Dest; 2: Dest }; stdin: string | undefined } | Job> {
    const ex = this.expander(f);
    const dest: { 1: Dest; 2: Dest } = { 1: { kind: 'out' }, 2: { kind: 'err' } };
    let stdin: string | undefined;
    for (const r of rs) {
      if (r.type === 'heredoc') {
        if (r.fd === 0) stdin = r.quoted ? r.body : yield* expandStringGen(parseHeredocBody(r.body), ex);
        continue;
      }
      if (r.op === '<<<') {
        const text = yield* expandStringGen(r.target.parts, ex);
        if (r.fd === 0) stdin = `${text}\n`;
        continue;
      }
      const fields = yield* expandWordGen(r.target, ex);
      if (fields.length !== 1) return doneJob('', `bash: ${r.target.raw}: ambiguous redirect\n`, 1);
      const target = fields[0]!;
      if (r.op === '<') {
        const text = this.shell.readFile(target);
        if (text === undefined) return doneJob('', `bash: ${target}: No such file or directory\n`, 1);
        if (r.fd === 0) stdin = text;
      } else if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
        const from = Number(target);
        if (from !== 1 && from !== 2) return doneJob('', `bash: ${target}: Bad file descriptor\n`, 1);
        if (r.fd === 1 || r.fd === 2) dest[r.fd] = dest[from];
      } else {
        const both = r.op === '&>' || r.op === '&>>' || r.op === '>&';
        const append = r.op === '>>' || r.op === '&>>';
        const d = this.fileDest(target, append);
        if (both) dest[1] = dest[2] = d;
        else if (r.fd === 1 || r.fd === 2) dest[r.fd] = d;
      }
    }
    return { dest, stdin };
  }

  private fileDest(target: string, append: boolean): Dest {
    if (target === '/dev/null') return { kind: 'null' };
    if (target === '/dev/stdout') return { kind: 'out' };
    if (target === '/dev/stderr') return { kind: 'err' };
    if (!append) this.shell.writeFile(target, '', false);
    else if (this.shell.readFile(target) === undefined) this.shell.writeFile(target, '', true);
    return { kind: 'file', path: target };
  }

  /** A compound command run in this shell, its output redirected as its redirections say. */
  private *compound(c: CompoundCommand, f: Frame): Gen<number> {
    const r = yield* this.redirects(c.redirects, f);
    if ('poll' in r) return yield* this.runLeaf(r, f.out);
    const route = (ch: Chunk) => {
      const d = r.dest[ch.fd];
      if (d.kind === 'out') f.out({ fd: 1, text: ch.text });
      else if (d.kind === 'err') f.out({ fd: 2, text: ch.text });
      else if (d.kind === 'file') this.shell.writeFile(d.path, ch.text, true);
    };
    const input = r.stdin !== undefined ? new Input(r.stdin) : f.input;
    return yield* this.compoundBody(c, { out: route, input, loops: f.loops });
  }

  private *compoundBody(c: CompoundCommand, f: Frame): Gen<number> {
    switch (c.type) {
      case 'group':
        return yield* this.list(c.body, f);
      case 'subshell': {
        const saved = new Map(this.vars);
        try {
          return yield* this.list(c.body, { ...f, loops: 0 });
        } finally {
          restore(this.vars, saved);
        }
      }
      case 'if': {
        for (const clause of c.clauses) {
          if ((yield* this.list(clause.cond, f)) === 0) return yield* this.list(clause.body, f);
        }
        return c.otherwise ? yield* this.list(c.otherwise, f) : 0;
      }
      case 'for': {
        // Models bash execute_cmd.c execute_for_command
        if (!NAME.test(c.name)) {
          f.out({ fd: 2, text: `bash: \`${c.name}': not a valid identifier\n` });
          return 1;
        }
        const items = c.words ? yield* expandWordsGen(c.words, this.expander(f)) : [];
        const body = { ...f, loops: f.loops + 1 };
        let status = 0;
        for (const item of items) {
          this.tick();
          this.vars.set(c.name, item);
          try {
            status = yield* this.list(c.body, body);
          } catch (e) {
            const ctl = control(e);
            status = ctl.status;
            if (ctl.kind === 'break') break;
          }
        }
        return status;
      }
      case 'while':
      case 'until': {
        // Models bash execute_cmd.c execute_while_or_until
        const body = { ...f, loops: f.loops + 1 };
        let status = 0;
        for (;;) {
          this.tick();
          try {
            const cond = yield* this.list(c.cond, body);
            if ((cond === 0) !== (c.type === 'while')) break;
            status = yield* this.list(c.body, body);
          } catch (e) {
            const ctl = control(e);
            status = ctl.status;
            if (ctl.kind === 'break') break;
          }
        }
        return status;
      }
    }
  }

  /** `$(list)`: runs the list in a subshell and returns what it printed on stdout (stderr goes on). */
  private *capture(list: List, f: Frame): Gen<string> {
    let text = '';
    const saved = new Map(this.vars);
    const frame: Frame = {
      out: (c) => {
        if (c.fd === 1) text += c.text;
        else f.out(c);
      },
      input: f.input,
      loops: 0,
    };
    try {
      this.substStatus = yield* this.list(list, frame);
    } finally {
      restore(this.vars, saved);
    }
    return text;
  }
}

function restore(vars: Map<string, string>, saved: ReadonlyMap<string, string>): void {
  vars.clear();
  for (const [k, v] of saved) vars.set(k, v);
}

/** The loop control a loop caught (rethrown while it must unwind further); other errors pass through. */
function control(e: unknown): LoopControl {
  if (!(e instanceof LoopControl)) throw e;
  if (e.count > 1) {
    e.count--;
    throw e;
  }
  return e;
}

// Models bash builtins/break.def break_builtin and continue_builtin
function loopControl(name: 'break' | 'continue', args: string[], loops: number, f: Frame): LoopControl | Job {
  const arg = args[0];
  let n = 1;
  if (arg !== undefined) {
    if (!/^-?\d+$/.test(arg)) throw new ExpansionError(`${name}: ${arg}: numeric argument required`, 128);
    n = Number(arg);
  }
  if (loops === 0)
    return doneJob('', `bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`, 0);
  if (n < 1) {
    // bash leaves every loop after the complaint.
    f.out({ fd: 2, text: `bash: ${name}: ${arg}: loop count out of range\n` });
    return new LoopControl('break', loops, 1);
  }
  return new LoopControl(name, Math.min(n, loops), 0);
}
