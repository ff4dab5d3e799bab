// `kubectl set image TYPE/NAME CONTAINER=IMAGE ...`: changes container images in a pod template (or a pod).
import { canonicalJSON, deepCopy, type KubeObject, type PodSpec } from '../../../engine/index.ts';
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
import { objectName } from '../util/objects.ts';
import { record } from '../util/invocation.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'all', type: 'bool', default: false },
  selectorFlag,
  { name: 'local', type: 'bool', default: false },
  dryRunFlag,
  outputFlag,
  recordFlag,
  fieldManagerFlag('kubectl-set'),
  showManagedFieldsFlag,
  templateFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetResourcesAndPairs
export function getResourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | GoError {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return new GoError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go ParsePairs
export function parsePairs(
  pairArgs: readonly string[],
  pairType: string,
  supportRemove: boolean,
): { set: [string, string][]; remove: string[] } | GoError {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairArgs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      const key = p.slice(0, i);
      const existing = set.findIndex(([k]) => k === key);
      if (existing >= 0) set.splice(existing, 1);
      set.push([key, p.slice(i + 1)]);
    } else if (supportRemove && p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0) return new GoError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}

/** The pod spec inside an object (UpdatePodSpecForObject), or undefined when it has none. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as { kind?: string; spec?: { template?: { spec?: PodSpec } } & PodSpec };
  if (o.kind === 'Pod') return o.spec;
  if (
    ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Job'].includes(
      o.kind ?? '',
    )
  ) {
    return o.spec?.template?.spec;
  }
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go setImage
function setImage(containers: PodSpec['containers'] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go SetImageOptions.Complete, Validate, Run
function runSetImage(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const split = getResourcesAndPairs(cmd.args, 'image');
  if (split instanceof GoError) return fail(out, split);
  const pairs = parsePairs(split.pairs, 'image', false);
  if (pairs instanceof GoError) return fail(out, pairs);
  const all = flagBool(cmd, 'all');
  const selector = flagString(cmd, 'selector');
  const filenames = flagStrings(cmd, 'filename');
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames,
    args: split.resources,
    allowEmptySelector: all,
    selector,
    latest: true,
    validation: 'Ignore',
  });
  if (r.err) return fail(out, r.err);
  const infoErr = newAggregate(r.visitErrors);
  if (infoErr) return fail(out, infoErr);
  const verrs: KubectlError[] = [];
  if (all && selector) verrs.push(new GoError('cannot set --all and --selector at the same time'));
  if (split.resources.length < 1 && filenames.length === 0) {
    verrs.push(
      new GoError('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    );
  }
  if (pairs.set.length < 1) verrs.push(new GoError('at least one image update is required'));
  else if (pairs.set.length > 1 && pairs.set.some(([k]) => k === '*')) {
    verrs.push(
      new GoError(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      ),
    );
  }
  if (verrs.length > 0) return fail(out, new Aggregate(verrs));

  const allErrs: KubectlError[] = [];
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    const before = info.object!;
    const obj = deepCopy(before);
    const spec = podSpecOf(obj);
    if (!spec) {
      allErrs.push(
        new GoError(
          `error: ${objectName(info)} the object is not a pod or does not have a pod template: *v1.${info.mapping.kind}\n`,
        ),
      );
      continue;
    }
    for (const [name, image] of pairs.set) {
      const initFound = setImage(spec.initContainers, name, image);
      const found = setImage(spec.containers, name, image);
      if (!found && !initFound) allErrs.push(new GoError(`error: unable to find container named "${name}"`));
    }
    if (canonicalJSON(obj) === canonicalJSON(before)) continue;
    const updated = record(obj, flagBool(cmd, 'record'));
    if (dryRun !== 'client') {
      const [, err] = env.cluster.api.update(updated, { dryRun: dryRun === 'server' });
      if (err) {
        allErrs.push(new GoError(`failed to patch image update to pod template: ${err.message}`));
        continue;
      }
    }
    out.out(
      nameLine(
        info.mapping.kind,
        info.mapping.group,
        info.name,
        short ? '' : withDryRun('image updated', dryRun),
      ),
    );
  }
  env.cluster.settle();
  out.fail(newAggregate(allErrs));
  return out.finish();
}

export const setImageCommand: KubectlCommand = { path: ['set', 'image'], flags, run: runSetImage };
