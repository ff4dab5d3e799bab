// What cobra knows about the current invocation beyond the parsed flags: the command line (for `--record`)
// and where `--` was (cmd.ArgsLenAtDash). The dispatcher sets both just before running a command; commands
// run synchronously, so they cannot leak into another command.
import { deepCopy, type KubeObject } from '../../../engine/index.ts';

export const changeCauseAnnotation = 'kubernetes.io/change-cause';

let cause = '';
let lenAtDash = -1;

export function setInvocation(changeCause: string, argsLenAtDash: number): void {
  cause = changeCause;
  lenAtDash = argsLenAtDash;
}

/** cobra's Command.ArgsLenAtDash: how many positional arguments came before `--`, or -1. */
export function argsLenAtDash(): number {
  return lenAtDash;
}

// Models k8s.io/cli-runtime/pkg/genericclioptions/record_flags.go ChangeCauseRecorder.Record
/** The object with the change-cause annotation set, when `--record` was given. */
export function record<T extends KubeObject>(obj: T, enabled: boolean): T {
  if (!enabled || !cause) return obj;
  const copy = deepCopy(obj);
  ((copy.metadata ??= {}).annotations ??= {})[changeCauseAnnotation] = cause;
  return copy;
}
