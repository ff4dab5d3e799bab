// Test support: runs a command against a cluster from an argv, parsing flags as the dispatcher does.
import type { Cluster } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import type { Process, ProcessUpdate } from '../../process.ts';

const scopeFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
];

/** Splits argv into flags and arguments for `command` (a minimal pflag: `--f=v`, `--f v`, `-f v`, `-fv`, bools). */
export function parseForTest(command: KubectlCommand, argv: readonly string[]): ParsedCommand {
  const specs = [...scopeFlags, ...command.flags];
  const flags = new Map<string, string | boolean | number | string[]>();
  for (const s of specs)
    if (s.default !== undefined) flags.set(s.name, Array.isArray(s.default) ? [...s.default] : s.default);
  const given = new Set<string>();
  const args: string[] = [];
  const set = (spec: FlagSpec, value: string) => {
    given.add(spec.name);
    if (spec.type === 'bool') flags.set(spec.name, value !== 'false');
    else if (spec.type === 'int') flags.set(spec.name, Number(value));
    else if (spec.type === 'stringArray')
      flags.set(spec.name, [...((flags.get(spec.name) as string[]) ?? []), value]);
    else flags.set(spec.name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    let spec: FlagSpec | undefined;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const [name, v] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      spec = specs.find((s) => s.name === name);
      value = v;
    } else if (a.startsWith('-') && a.length > 1) {
      spec = specs.find((s) => s.short === a[1]);
      value = a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined;
    } else {
      args.push(a);
      continue;
    }
    if (!spec) throw new Error(`unknown flag ${a}`);
    if (value === undefined) value = spec.type === 'bool' ? 'true' : argv[++i]!;
    set(spec, value);
  }
  const ns = flags.get('namespace') as string;
  return {
    path: command.path,
    args,
    flags,
    given,
    namespace: ns || 'default',
    allNamespaces: flags.get('all-namespaces') === true,
  };
}

export interface RunOptions {
  files?: Record<string, string>;
  stdin?: string;
}

export function startForTest(
  command: KubectlCommand,
  cluster: Cluster,
  argv: readonly string[],
  o: RunOptions = {},
): Process {
  return command.run(parseForTest(command, argv), {
    cluster,
    stdin: o.stdin,
    readFile: (p) => o.files?.[p],
  });
}

/** Runs a command that finishes at once and returns its output. */
export function runForTest(
  command: KubectlCommand,
  cluster: Cluster,
  argv: readonly string[],
  o: RunOptions = {},
): ProcessUpdate {
  return startForTest(command, cluster, argv, o).poll();
}
