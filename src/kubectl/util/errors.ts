// How kubectl prints errors (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go).
import { ApiError, fieldErrorBody } from '../../engine/index.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage + MultilineError
/** The text kubectl prints on stderr for an API error, ending with a newline. */
export function formatApiError(err: ApiError): string {
  if (err.reason === 'Invalid' && err.details) {
    const prefix = `The ${err.details.kind} "${err.details.name}" is invalid: `;
    const causes = err.details.causes ?? [];
    if (causes.length === 0) return `${prefix.slice(0, -2)}\n`;
    if (causes.length === 1) return `${prefix}${causes[0]!.field}: ${fieldErrorBody(causes[0]!)}\n`;
    return `${prefix}\n${causes.map((c) => `* ${c.field}: ${fieldErrorBody(c)}`).join('\n')}\n`;
  }
  return `Error from server (${err.reason}): ${err.message}\n`;
}

/** `error: <msg>` as cmdutil.CheckErr prints a client-side error. */
export function formatError(msg: string): string {
  return `error: ${msg}\n`;
}

/** Prefixes an API error's message with the file it came from, as cmdutil.AddSourceToErr does. */
export function addSourceToErr(verb: string, source: string, err: ApiError): ApiError {
  if (!source) return err;
  return new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`, err.details);
}
