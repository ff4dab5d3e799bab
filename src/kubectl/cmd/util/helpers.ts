// How kubectl turns errors into stderr text and exit codes (cmdutil.CheckErr), the name printer
// (`deployment.apps/web created`), and a small output buffer the commands write into.
import { ApiError, fieldErrorBody } from '../../../engine/index.ts';
import { formatApiError } from '../../util/errors.ts';
import { finishedChunks, joinChunks, type OutputChunk, type Process } from '../../process.ts';

/**
 * A plain Go `error` (fmt.Errorf): printed as `error: <message>` unless it already starts with `error: `.
 * `verbatim` errors print as they are (a status without a reason: `Error from server: ...`).
 */
export class GoError {
  constructor(
    readonly message: string,
    readonly verbatim = false,
  ) {}
}

/** utilerrors.Aggregate: several errors reported together. */
export class Aggregate {
  constructor(readonly errors: KubectlError[]) {}
}

/** cmdutil.ErrExit: exit 1 without printing anything. */
export const errExit = new GoError('exit');

export type KubectlError = ApiError | GoError | Aggregate;

export function goError(message: string): GoError {
  return new GoError(message);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go NewAggregate
/** nil for no errors, the aggregate otherwise (an aggregate of one still prints as that one). */
export function newAggregate(errs: KubectlError[]): KubectlError | undefined {
  return errs.length === 0 ? undefined : new Aggregate(errs);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go aggregate.Error
export function errorString(err: KubectlError): string {
  if (err instanceof Aggregate) {
    const msgs: string[] = [];
    for (const e of err.errors) {
      const m = errorString(e);
      if (!msgs.includes(m)) msgs.push(m);
    }
    return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
  }
  return err.message;
}

/** Prefixes an error's message with the file it came from (cmdutil.AddSourceToErr). */
export function addSourceToErr(verb: string, source: string, err: KubectlError): KubectlError {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`, err.details);
  }
  return new GoError(`error when ${verb} "${source}": ${errorString(err)}`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage
function standardErrorMessage(err: KubectlError): string | undefined {
  if (err instanceof ApiError)
    return err.reason
      ? `Error from server (${err.reason}): ${err.message}`
      : `Error from server: ${err.message}`;
  return undefined;
}

function messageForError(err: KubectlError): string {
  return standardErrorMessage(err) ?? errorString(err);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr
/** The text kubectl prints on stderr for `err`, ending with a newline (empty for errExit). */
export function checkErr(err: KubectlError): string {
  if (err instanceof Aggregate && err.errors.length === 1) err = err.errors[0]!;
  if (err === errExit) return '';
  let msg: string;
  if (err instanceof ApiError && err.reason === 'Invalid') {
    const d = err.details;
    if (d && !d.kind && !d.name && (d.causes?.length ?? 0) > 0) {
      // An Invalid status without kind or name (a strict-decoding failure of a patch).
      const causes = d.causes!;
      const lines = [...new Set(causes.map((c) => `${c.field}: ${fieldErrorBody(c)}`))];
      msg =
        lines.length === 1
          ? `The request is invalid: ${lines[0]}\n`
          : `The request is invalid: \n${lines.map((l) => `* ${l}`).join('\n')}\n`;
    } else if (!d) {
      msg = 'The request is invalid';
    } else {
      msg = formatApiError(err);
    }
  } else if (err instanceof Aggregate) {
    msg = err.errors.map((e) => `${messageForError(e)}\n`).join('');
  } else if (err instanceof ApiError) {
    msg = standardErrorMessage(err)!;
  } else {
    msg = err.message.startsWith('error: ') || err.verbatim ? err.message : `error: ${err.message}`;
  }
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

/** `msg\nSee 'kubectl rollout -h' for help and examples` (cmdutil.UsageErrorf). */
export function usageErrorf(cmdPath: string, msg: string): GoError {
  return new GoError(`${msg}\nSee '${cmdPath} -h' for help and examples`);
}

/** Where a command writes, in order; `fail` records the error that ends it. */
export class Output {
  readonly chunks: OutputChunk[] = [];
  exitCode = 0;

  get stdout(): string {
    return joinChunks(this.chunks).stdout;
  }

  get stderr(): string {
    return joinChunks(this.chunks).stderr;
  }

  out(text: string): void {
    if (text) this.chunks.push({ fd: 1, text });
  }

  err(text: string): void {
    if (text) this.chunks.push({ fd: 2, text });
  }

  /** printers.WarningPrinter: `Warning: <msg>` on stderr. */
  warn(msg: string): void {
    this.err(`Warning: ${msg}\n`);
  }

  fail(err: KubectlError | undefined): void {
    if (!err) return;
    this.err(checkErr(err));
    this.exitCode = 1;
  }

  /** The finished Process printing what was written. */
  finish(): Process {
    return finishedChunks(this.chunks, this.exitCode);
  }

  /** Takes what was written since the last take (for long-running commands). */
  take(): OutputChunk[] {
    return this.chunks.splice(0, this.chunks.length);
  }
}

export type DryRunStrategy = 'none' | 'client' | 'server';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetDryRunStrategy
export function getDryRunStrategy(value: string, given: boolean): DryRunStrategy | GoError {
  switch (value) {
    case '':
    case 'none':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
      // `--dry-run` without a value.
      return given ? 'client' : 'none';
    default:
      return new GoError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/name.go printObj
/** `deployment.apps/web-deploy configured` (operation empty or `-o name`: just the name). */
export function nameLine(kind: string, group: string, name: string, operation: string): string {
  const ref = group ? `${kind.toLowerCase()}.${group}/${name}` : `${kind.toLowerCase()}/${name}`;
  return operation ? `${ref} ${operation}\n` : `${ref}\n`;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/printing.go PrintFlagsWithDryRunStrategy
export function withDryRun(operation: string, dryRun: DryRunStrategy): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}
