// The console's shell: parses a line (or a multi-line text with here-documents and loops), and runs it as one
// Process on the session's cluster (see interp.ts). A blocking command (`sleep`, `kubectl rollout status`)
// keeps the Process running while the driver advances virtual time.
import type { Process, ProcessUpdate } from '../kubectl/process.ts';
import type { Lookup } from './expand.ts';
import { doneJob, guarded, Input, toProcessUpdate, type Chunk, type Job, type JobUpdate } from './job.ts';
import { ShellSyntaxError } from './lexer.ts';
import { heredocs, isIncomplete, parse } from './parser.ts';
import { Interp } from './interp.ts';
import type { Session } from './session.ts';
import type { CommandContext, CommandSpec } from './commands/command.ts';
import { basicCommands } from './commands/basic.ts';
import { timeCommands } from './commands/time.ts';
import { textCommands } from './commands/text.ts';
import { toolCommands } from './commands/tools.ts';
import { simCommands } from './commands/sim.ts';
import { kubectlCommands } from './commands/kubectl.ts';
import { curlCommands } from './commands/curl.ts';

export interface ShellOptions {
  /** Files outside the virtual home directory (the CLI reads the transcript's directory); undefined if missing. */
  readFile?: (path: string) => string | undefined;
  /** Called when `clear` runs; output produced before it in the same poll is dropped. */
  onClear?: () => void;
  /** Extra commands, or replacements for the built-in ones. */
  commands?: Record<string, CommandSpec>;
}

export interface RunOptions {
  /** Standard input for the first command (when the caller collected it apart from the text). */
  stdin?: string;
}

/** A running command line. `pollChunks` keeps stdout and stderr in the order they were produced. */
export interface ShellProcess extends Process {
  pollChunks(): JobUpdate;
  interruptChunks(): JobUpdate;
}

/** `./x`, `~/x` and `x` name the same file of the home directory. */
export function normalizePath(path: string): string {
  return path.replace(/^~\//, '').replace(/^(\.\/)+/, '');
}

export class Shell {
  /** `$?`: the exit status of the last command that finished. */
  lastStatus = 0;
  /** Counts `clear`s. */
  private clears = 0;
  private settling = false;
  private readonly commands: Record<string, CommandSpec>;

  constructor(
    readonly session: Session,
    private readonly options: ShellOptions = {},
  ) {
    this.commands = {
      ...basicCommands,
      ...timeCommands,
      ...textCommands,
      ...toolCommands,
      ...curlCommands,
      ...simCommands,
      ...kubectlCommands,
      ...options.commands,
    };
  }

  /** True while `text` is unfinished: an open quote, a here-document without its terminator, a trailing `|`. */
  static needsMoreInput(text: string): boolean {
    return isIncomplete(text);
  }

  /** Command names, for completion. */
  commandNames(): string[] {
    return Object.keys(this.commands).sort();
  }

  run(text: string, opts: RunOptions = {}): ShellProcess {
    let job: Job;
    try {
      const list = parse(text);
      const lines = text.replace(/\n$/, '').split('\n').length;
      const warnings = heredocs(list)
        .filter((h) => h.unterminated)
        .map(
          (h) =>
            `bash: line ${lines}: warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delimiter}')\n`,
        )
        .join('');
      job = new Interp(this).start(list, new Input(opts.stdin));
      if (warnings) job = prefixed(job, [{ fd: 2, text: warnings }]);
    } catch (e) {
      const msg =
        e instanceof ShellSyntaxError
          ? e.message
          : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      this.lastStatus = 2;
      job = doneJob('', `bash: ${msg}\n`, 2);
    }
    return this.process(job);
  }

  private process(job: Job): ShellProcess {
    let polling = false;
    let last: JobUpdate | undefined;
    const call = (f: () => JobUpdate): JobUpdate => {
      if (last) return { ...last, chunks: [] };
      if (polling) return { chunks: [], done: false, exitCode: 0 };
      polling = true;
      try {
        const u = f();
        if (u.done) last = u;
        return u;
      } catch (e) {
        last = { chunks: [], done: true, exitCode: 1 };
        return {
          chunks: [{ fd: 2, text: `bash: internal error: ${e instanceof Error ? e.message : String(e)}\n` }],
          done: true,
          exitCode: 1,
        };
      } finally {
        polling = false;
      }
    };
    const pollChunks = () => call(() => job.poll());
    const interruptChunks = () => call(() => job.interrupt());
    return {
      pollChunks,
      interruptChunks,
      poll: (): ProcessUpdate => toProcessUpdate(pollChunks()),
      interrupt: (): ProcessUpdate => toProcessUpdate(interruptChunks()),
    };
  }

  readFile(path: string): string | undefined {
    return this.session.files.get(normalizePath(path)) ?? this.options.readFile?.(path);
  }

  writeFile(path: string, text: string, append: boolean): void {
    const p = normalizePath(path);
    this.session.files.set(p, (append ? (this.session.files.get(p) ?? '') : '') + text);
  }

  /** Lets the controllers react to what a command wrote (they react in zero virtual time). */
  settle(): void {
    const c = this.session.cluster;
    if (this.settling || c.queue.length === 0) return;
    this.settling = true;
    try {
      c.settle();
    } finally {
      this.settling = false;
    }
  }

  get clearCount(): number {
    return this.clears;
  }

  readonly lookup: Lookup = (name) => {
    if (name === '?') return String(this.lastStatus);
    if (name === '#') return '0';
    if (name === '$') return '1';
    if (name === '@' || name === '*' || name === '!') return '';
    if (/^\d$/.test(name)) return name === '0' ? 'bash' : '';
    return this.session.vars.get(name) ?? (name === 'IFS' ? ' \t\n' : undefined);
  };

  command(name: string): CommandSpec | undefined {
    return Object.hasOwn(this.commands, name) ? this.commands[name] : undefined;
  }

  /** What a command sees; `clear` is told when it clears the screen. */
  context(input: Input, env: ReadonlyMap<string, string>, clear: () => void): CommandContext {
    let stdin: { text: string | undefined } | undefined;
    return {
      session: this.session,
      cluster: this.session.cluster,
      get stdin() {
        stdin ??= { text: input.takeAll() };
        return stdin.text;
      },
      readLine: () => input.takeLine(),
      env,
      readFile: (p) => this.readFile(p),
      writeFile: (p, text) => this.writeFile(p, text, false),
      spawn: (argv, text) => {
        const spec = this.command(argv[0] ?? '');
        if (!spec || spec.builtin) return undefined;
        return guarded(argv[0]!, () => spec.run(argv.slice(1), this.context(new Input(text), env, clear)));
      },
      clearScreen: () => {
        this.clears++;
        this.options.onClear?.();
        clear();
      },
    };
  }
}

/** A job whose first poll starts with these chunks. */
function prefixed(job: Job, first: Chunk[]): Job {
  let pending = first;
  const take = (u: JobUpdate): JobUpdate => {
    const chunks = [...pending, ...u.chunks];
    pending = [];
    return { ...u, chunks };
  };
  return { poll: () => take(job.poll()), interrupt: () => take(job.interrupt()) };
}
