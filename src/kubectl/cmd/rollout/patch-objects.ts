// The shared loop of `rollout pause`, `resume` and `restart` (set.CalculatePatches + patch + print).
import { canonicalJSON, type KubeObject } from '../../../engine/index.ts';
import type { ParsedCommand } from '../../command.ts';
import { flagString } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { GoError, Output, nameLine, newAggregate, type KubectlError } from '../util/helpers.ts';
import { resourceString } from '../util/objects.ts';
import { requireResource, rolloutBuild } from './common.ts';

export interface PatchVerb {
  /** The object after the change, or the error kubectl prints after `<resource> "<name>"`. */
  change(obj: KubeObject, env: CommandEnv): KubeObject | string;
  operation: string;
  /** The error when the change is empty (restart within the same second). */
  emptyPatch?(name: string): GoError;
  /** `No resources found in <ns> namespace.` when nothing matched (restart). */
  reportNone?: boolean;
}

export function runPatchVerb(cmd: ParsedCommand, env: CommandEnv, verb: PatchVerb): Process {
  const out = new Output();
  const missing = requireResource(cmd);
  if (missing) {
    out.fail(missing);
    return out.finish();
  }
  const r = rolloutBuild(cmd, env, { selector: flagString(cmd, 'selector') });
  if (r.err) {
    out.fail(r.err);
    return out.finish();
  }
  const allErrs: KubectlError[] = [];
  const infoErr = newAggregate(r.visitErrors);
  if (infoErr) allErrs.push(infoErr);
  if (verb.reportNone && r.infos.length === 0 && allErrs.length === 0) {
    out.err(`No resources found in ${cmd.namespace} namespace.\n`);
    return out.finish();
  }
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    const before = info.object!;
    const changed = verb.change(before, env);
    if (typeof changed === 'string') {
      allErrs.push(new GoError(`error: ${resourceString(info.mapping)} "${info.name}" ${changed}`));
      continue;
    }
    if (canonicalJSON(changed) === canonicalJSON(before)) {
      if (verb.emptyPatch) {
        allErrs.push(verb.emptyPatch(info.name));
        continue;
      }
    }
    const [, err] = env.cluster.api.update(changed);
    if (err) {
      allErrs.push(new GoError(`failed to patch: ${err.message}`));
      continue;
    }
    out.out(nameLine(info.mapping.kind, info.mapping.group, info.name, short ? '' : verb.operation));
  }
  env.cluster.settle();
  out.fail(newAggregate(allErrs));
  return out.finish();
}
