// How kubectl commands are declared and how the dispatcher (kubectl.ts) hands them their parsed flags.
import type { CommandEnv, Process } from './process.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';
export type FlagValue = string | boolean | number | string[];

export interface FlagSpec {
  /** Long name without dashes: `output`, `selector`, `all-namespaces`. */
  name: string;
  /** One-letter shorthand without dash: `o`, `l`, `A`. */
  short?: string;
  type: FlagType;
  default?: FlagValue;
}

export interface ParsedCommand {
  /** Full command path as typed, e.g. ['rollout', 'status']. */
  path: string[];
  /** Positional arguments after the command path. */
  args: string[];
  /** Every flag the command declares, with its value or default; `has` tells whether it was given. */
  flags: ReadonlyMap<string, FlagValue>;
  given: ReadonlySet<string>;
  /** The effective namespace (`-n`, or `default`), and whether `-A` was given. */
  namespace: string;
  allNamespaces: boolean;
}

export interface KubectlCommand {
  /** Command path, e.g. ['get'] or ['rollout', 'undo']. */
  path: string[];
  aliases?: string[];
  flags: FlagSpec[];
  run(cmd: ParsedCommand, env: CommandEnv): Process;
}

export function flagString(cmd: ParsedCommand, name: string): string {
  const v = cmd.flags.get(name);
  return typeof v === 'string' ? v : '';
}

export function flagBool(cmd: ParsedCommand, name: string): boolean {
  return cmd.flags.get(name) === true;
}

export function flagInt(cmd: ParsedCommand, name: string): number {
  const v = cmd.flags.get(name);
  return typeof v === 'number' ? v : 0;
}

export function flagStrings(cmd: ParsedCommand, name: string): string[] {
  const v = cmd.flags.get(name);
  return Array.isArray(v) ? v : [];
}
