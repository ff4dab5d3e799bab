// `kubectl <args>`: finds the command as cobra does (command path and aliases among interspersed flags),
// parses its flags as pflag does, and prints kubectl's errors for unknown commands, unknown flags, missing
// flag values and required flags. The command itself then runs against the simulated cluster.
import type { FlagSpec, ParsedCommand } from './command.ts';
import {
  finished,
  updateOf,
  type CommandEnv,
  type OutputChunk,
  type Process,
  type ProcessUpdate,
} from './process.ts';
import {
  FlagParseError,
  durationFlagError,
  globalFlags,
  hasNoOptDefVal,
  parseFlags,
  parseGoDuration,
  type ParsedFlags,
} from './flags.ts';
import { commandHelp, parentHelp, rootCommands, rootHelp, type CommandInfo } from './cmd/cmd.ts';
import { setInvocation } from './cmd/util/invocation.ts';

interface Node {
  name: string;
  info: CommandInfo;
  children: Node[];
}

const root: Node = {
  name: 'kubectl',
  info: { short: '' },
  children: rootCommands.map(([name, info]) => toNode(name, info)),
};

function toNode(name: string, info: CommandInfo): Node {
  return { name, info, children: Object.entries(info.children ?? {}).map(([n, c]) => toNode(n, c)) };
}

/** Commands that accept `-A, --all-namespaces` (the dispatcher adds it when the command does not declare it). */
const allNamespacesCommands = new Set(['get', 'describe', 'delete', 'label', 'annotate']);
const allNamespacesFlag: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', default: false };

function flagsOf(node: Node): FlagSpec[] {
  const own = node.info.command?.flags ?? [];
  const extra =
    allNamespacesCommands.has(node.name) && !own.some((f) => f.name === 'all-namespaces')
      ? [allNamespacesFlag]
      : [];
  return [...own, ...extra, ...globalFlags];
}

function matches(node: Node, word: string): boolean {
  return node.name === word || (node.info.command?.aliases ?? []).includes(word);
}

// Models spf13/cobra command.go stripFlags
function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const commands: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === '--') break;
    const long = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(flags, s.slice(2), false);
    const short =
      !s.startsWith('--') &&
      s.startsWith('-') &&
      !s.includes('=') &&
      s.length === 2 &&
      !hasNoOptDefVal(flags, s.slice(1), true);
    if (long || short) {
      if (rest.length <= 1) break;
      rest.shift();
      continue;
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s);
  }
  return commands;
}

// Models spf13/cobra command.go Command.argsMinusFirstX
function argsMinusFirstX(args: readonly string[], x: string, flags: readonly FlagSpec[]): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]!;
    if (s === '--') break;
    const long = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(flags, s.slice(2), false);
    const short =
      !s.startsWith('--') &&
      s.startsWith('-') &&
      !s.includes('=') &&
      s.length === 2 &&
      !hasNoOptDefVal(flags, s.slice(1), true);
    if (long || short) {
      pos++;
      continue;
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}

// Models spf13/cobra command.go Command.Find (innerfind)
function find(args: readonly string[]): { path: Node[]; args: string[] } {
  const path: Node[] = [root];
  let rest = [...args];
  for (;;) {
    const node = path[path.length - 1]!;
    const words = stripFlags(rest, flagsOf(node));
    if (words.length === 0) break;
    const next = node.children.find((c) => matches(c, words[0]!));
    if (!next) break;
    rest = argsMinusFirstX(rest, words[0]!, flagsOf(node));
    path.push(next);
  }
  return { path, args: rest };
}

// Models spf13/cobra cobra.go ld (Levenshtein distance)
function ld(s: string, t: string): number {
  s = s.toLowerCase();
  t = t.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(t.length).fill(0),
  ]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i]![j] =
        s[i - 1] === t[j - 1]
          ? d[i - 1]![j - 1]!
          : Math.min(d[i - 1]![j]!, d[i]![j - 1]!, d[i - 1]![j - 1]!) + 1;
    }
  }
  return d[s.length]![t.length]!;
}

// Models spf13/cobra command.go Command.SuggestionsFor
export function suggestionsFor(typed: string): string[] {
  const out: string[] = [];
  for (const c of root.children) {
    // cobra suggests available commands only (not hidden, not deprecated: rolling-update).
    if (c.info.hidden) continue;
    if (ld(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name);
    for (const s of c.info.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(c.name);
  }
  return out;
}

function unknownCommand(word: string): Process {
  const suggestions = suggestionsFor(word);
  const did =
    suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return finished('', `error: unknown command "${word}" for "kubectl"${did}${did ? '' : '\n'}`, 1);
}

function flagError(cmdPath: string, err: FlagParseError): Process {
  return finished('', `error: ${err.message}\nSee '${cmdPath} --help' for usage.\n`, 1);
}

/** The deprecation notices pflag prints when a deprecated flag is used. */
const deprecatedFlags: Record<string, string> = { record: '--record will be removed in the future' };

// Models k8s.io/cli-runtime/pkg/genericclioptions/record_flags.go parseCommandArguments
function changeCause(words: readonly string[], argv: readonly string[], specs: readonly FlagSpec[]): string {
  let flags = '';
  const parsed = parseFlags(specs, argv);
  if (parsed instanceof FlagParseError) return '';
  // Replay the arguments to list the flags in the order they were given, with their values.
  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === '--') break;
    if (!s.startsWith('-') || s.length === 1) continue;
    const long = s.startsWith('--');
    const body = long ? s.slice(2) : s.slice(1, 2);
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = specs.find((f) => (long ? f.name === name.replaceAll('_', '-') : f.short === name));
    if (!spec) continue;
    let value: string;
    if (long && s.includes('=')) value = s.slice(s.indexOf('=') + 1);
    else if (!long && s.length > 2) value = s[2] === '=' ? s.slice(3) : s.slice(2);
    else if (spec.type === 'bool') value = 'true';
    else value = rest.shift() ?? '';
    flags += ` --${spec.name}=${value}`;
  }
  const args = [...words, ...parsed.args];
  return `kubectl${args.length > 0 ? ` ${args.join(' ')}` : ''}${flags}`;
}

function notSupported(path: readonly string[]): Process {
  return finished('', `error: "kubectl ${path.join(' ')}" is not available in Rollout Lab\n`, 1);
}

/** Runs `kubectl <args>` (args exclude the word `kubectl`). */
export function kubectl(args: string[], env: CommandEnv): Process {
  const first = stripFlags(args, globalFlags)[0];
  if (first === 'help') return help(argsMinusFirstX(args, 'help', globalFlags));
  const found = find(args);
  const node = found.path[found.path.length - 1]!;
  const names = found.path.slice(1).map((n) => n.name);
  const cmdPath = ['kubectl', ...names].join(' ');
  if (node === root) {
    const words = stripFlags(found.args, globalFlags);
    if (words.length > 0) return unknownCommand(words[0]!);
  }
  const specs = flagsOf(node);
  const parsed = parseFlags(specs, found.args);
  if (parsed instanceof FlagParseError) return flagError(cmdPath, parsed);
  let stderr = '';
  for (const [flag, msg] of Object.entries(deprecatedFlags)) {
    if (parsed.given.has(flag)) stderr += `Flag --${flag} has been deprecated, ${msg}\n`;
  }
  if (parsed.help || node === root) {
    if (node === root) return finished(rootHelp(), stderr);
    return finished(node.info.command ? commandHelp(names, node.info) : parentHelp(names, node.info), stderr);
  }
  if (node.info.parentOnly) {
    if (parsed.args.length > 0) {
      return finished(
        '',
        `${stderr}error: unknown command "${parsed.args.join(' ')}"\nSee '${cmdPath} -h' for help and examples\n`,
        1,
      );
    }
    return finished('', stderr + parentHelp(names, node.info), 1);
  }
  const command = node.info.command;
  if (!command) return notSupported(names);
  for (const name of node.info.durations ?? []) {
    const v = parsed.values.get(name);
    if (typeof v === 'string' && parsed.given.has(name)) {
      const d = parseGoDuration(v);
      if (typeof d === 'string')
        return flagError(
          cmdPath,
          durationFlagError(
            specs.find((s) => s.name === name)!,
            v,
            d,
          ),
        );
    }
  }
  const missing = (node.info.required ?? []).filter((r) => !parsed.given.has(r));
  if (missing.length > 0) {
    return finished(
      '',
      `${stderr}error: required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set\n`,
      1,
    );
  }
  setInvocation(changeCause(names, found.args, specs), parsed.argsLenAtDash);
  const proc = command.run(toParsed(names, parsed), env);
  return stderr ? prefixStderr(proc, stderr) : proc;
}

// Models spf13/cobra command.go Command.InitDefaultHelpCmd
function help(args: string[]): Process {
  const found = find(args);
  const node = found.path[found.path.length - 1]!;
  const names = found.path.slice(1).map((n) => n.name);
  const rest = stripFlags(found.args, flagsOf(node));
  if (node === root && rest.length > 0)
    return finished('', `Unknown help topic [${rest.map((r) => `"${r}"`).join(' ')}]\n${rootHelp()}`);
  if (node === root) return finished(rootHelp());
  return finished(node.info.command ? commandHelp(names, node.info) : parentHelp(names, node.info));
}

function toParsed(path: string[], p: ParsedFlags): ParsedCommand {
  const ns = p.values.get('namespace');
  return {
    path,
    args: p.args,
    flags: p.values,
    given: p.given,
    namespace: typeof ns === 'string' && ns !== '' ? ns : 'default',
    allNamespaces: p.values.get('all-namespaces') === true,
  };
}

function prefixStderr(proc: Process, prefix: string): Process {
  let pending = prefix;
  const wrap = (u: ProcessUpdate): ProcessUpdate => {
    if (!pending) return u;
    const chunks: OutputChunk[] = [{ fd: 2, text: pending }, ...(u.chunks ?? chunksOf(u))];
    pending = '';
    return updateOf(chunks, u.done, u.exitCode);
  };
  return { poll: () => wrap(proc.poll()), interrupt: () => wrap(proc.interrupt()) };
}

function chunksOf(u: ProcessUpdate): OutputChunk[] {
  return [
    { fd: 1, text: u.stdout },
    { fd: 2, text: u.stderr },
  ];
}

/** Command names and flags, for the console's tab completion. */
export function completions(): {
  commands: string[];
  subcommands: Record<string, string[]>;
  flags: Record<string, string[]>;
} {
  const commands = root.children
    .filter((c) => !c.info.hidden && (c.info.command || c.children.length > 0))
    .map((c) => c.name);
  const subcommands: Record<string, string[]> = {};
  const flags: Record<string, string[]> = {};
  const visit = (n: Node, path: string[]) => {
    if (n.children.length > 0) subcommands[path.join(' ')] = n.children.map((c) => c.name);
    if (n.info.command) flags[path.join(' ')] = n.info.command.flags.map((f) => `--${f.name}`);
    for (const c of n.children) visit(c, [...path, c.name]);
  };
  for (const c of root.children) visit(c, [c.name]);
  return { commands, subcommands, flags };
}
