// `kubectl label TYPE NAME key=value ... [key-]` (and `kubectl annotate`, which follows the same steps).
import { canonicalJSON, deepCopy, type KubeObject } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  outputFlag,
  recordFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { record } from '../util/invocation.ts';
import { build } from '../../resource/builder.ts';
import {
  Aggregate,
  GoError,
  Output,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  withDryRun,
  type KubectlError,
} from '../util/helpers.ts';
import { getResourcesAndPairs } from '../set/set-image.ts';

export const labelFlags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'overwrite', type: 'bool', default: false },
  { name: 'local', type: 'bool', default: false },
  { name: 'list', type: 'bool', default: false },
  selectorFlag,
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'resource-version', type: 'string', default: '' },
  dryRunFlag,
  outputFlag,
  fieldManagerFlag('kubectl-label'),
  recordFlag,
  showManagedFieldsFlag,
  templateFlag,
];

const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/label/label.go parseLabels
function parseLabels(spec: readonly string[]): { set: [string, string][]; remove: string[] } | GoError {
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) return new GoError(`invalid label spec: ${s}`);
      const value = parts[1]!;
      const errs: string[] = [];
      if (value.length > 63) errs.push('must be no more than 63 characters');
      if (!labelValueRe.test(value)) {
        errs.push(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        );
      }
      if (errs.length > 0) return new GoError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
      set.push([parts[0]!, value]);
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return new GoError(`unknown label spec: ${s}`);
  }
  for (const r of remove)
    if (set.some(([k]) => k === r))
      return new GoError('can not both modify and remove a label in the same command');
  return { set, remove };
}

export interface MetaVerb {
  pairType: 'label' | 'annotation';
  field: 'labels' | 'annotations';
  parse(args: readonly string[]): { set: [string, string][]; remove: string[] } | GoError;
  /** The error when a key already has a value and --overwrite is false. */
  noOverwrite(
    current: Readonly<Record<string, string>>,
    set: readonly [string, string][],
  ): KubectlError | undefined;
  /** What to print after the name (`labeled`, `annotated`, ...). */
  message(changed: boolean, overwrite: boolean, shrank: boolean): string;
  /** `label "x" not found.` for labels removed that were not there. */
  reportMissing: boolean;
}

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/label/label.go LabelOptions.Complete, Validate, RunLabel
export function runMetaVerb(cmd: ParsedCommand, env: CommandEnv, verb: MetaVerb): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const split = getResourcesAndPairs(cmd.args, verb.pairType);
  if (split instanceof GoError) return fail(out, split);
  const parsed = verb.parse(split.pairs);
  if (parsed instanceof GoError) return fail(out, parsed);
  const all = flagBool(cmd, 'all');
  const selector = flagString(cmd, 'selector');
  const filenames = flagStrings(cmd, 'filename');
  if (all && selector) return fail(out, new GoError('cannot set --all and --selector at the same time'));
  if (split.resources.length < 1 && filenames.length === 0) {
    return fail(
      out,
      new GoError('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    );
  }
  if (parsed.set.length < 1 && parsed.remove.length < 1 && !flagBool(cmd, 'list')) {
    return fail(out, new GoError(`at least one ${verb.pairType} update is required`));
  }
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    allNamespaces: cmd.allNamespaces,
    filenames,
    args: split.resources,
    allowEmptySelector: all,
    selector,
    latest: true,
    validation: 'Ignore',
  });
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [...r.visitErrors];
  const overwrite = flagBool(cmd, 'overwrite');
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    const before = info.object!;
    const current = before.metadata?.[verb.field] ?? {};
    if (verb.reportMissing)
      for (const k of parsed.remove) if (!(k in current)) out.out(`${verb.pairType} "${k}" not found.\n`);
    if (!overwrite) {
      const err = verb.noOverwrite(current, parsed.set);
      if (err) {
        errs.push(err);
        continue;
      }
    }
    const obj: KubeObject = record(deepCopy(before), flagBool(cmd, 'record'));
    const map = { ...current };
    for (const [k, v] of parsed.set) map[k] = v;
    for (const k of parsed.remove) delete map[k];
    (obj.metadata ??= {})[verb.field] = map;
    const oldJSON = canonicalJSON(before);
    const newJSON = canonicalJSON(obj);
    const changed = oldJSON !== newJSON;
    if (changed && dryRun !== 'client') {
      const [, err] = env.cluster.api.update(obj, { dryRun: dryRun === 'server' });
      if (err) {
        errs.push(err);
        continue;
      }
    }
    const msg = verb.message(changed, overwrite, newJSON.length < oldJSON.length);
    out.out(nameLine(info.mapping.kind, info.mapping.group, info.name, short ? '' : withDryRun(msg, dryRun)));
  }
  env.cluster.settle();
  out.fail(errs.length === 1 ? errs[0] : newAggregate(errs));
  return out.finish();
}

const labelVerb: MetaVerb = {
  pairType: 'label',
  field: 'labels',
  parse: parseLabels,
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/label/label.go validateNoOverwrites
  noOverwrite(current, set) {
    const errs = set
      .filter(([k]) => k in current)
      .map(([k]) => new GoError(`'${k}' already has a value (${current[k]}), and --overwrite is false`));
    return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : new Aggregate(errs);
  },
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/label/label.go updateDataChangeMsg
  message: (changed, overwrite, shrank) =>
    !changed ? 'not labeled' : !overwrite && shrank ? 'unlabeled' : 'labeled',
  reportMissing: true,
};

export const labelCommand: KubectlCommand = {
  path: ['label'],
  flags: labelFlags,
  run: (cmd, env) => runMetaVerb(cmd, env, labelVerb),
};
