// `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`. The patch is applied here and the result
// written with an update (the engine has no PATCH verb); the apiserver's default field validation for a
// request without one (Warn) applies.
import { ApiError, canonicalJSON, deepCopy, type KubeObject } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  outputFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { build } from '../../resource/builder.ts';
import { decodeStream } from '../../resource/yaml.ts';
import { applyStrategicPatch } from '../../resource/strategic-merge.ts';
import {
  GoError,
  Output,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  withDryRun,
  type KubectlError,
} from '../util/helpers.ts';
import { decodeForServer } from '../util/objects.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  { name: 'patch', short: 'p', type: 'string', default: '' },
  { name: 'patch-file', type: 'string', default: '' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'local', type: 'bool', default: false },
  { name: 'subresource', type: 'string', default: '' },
  dryRunFlag,
  outputFlag,
  fieldManagerFlag('kubectl-patch'),
  showManagedFieldsFlag,
  templateFlag,
];

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models github.com/evanphx/json-patch merge.go MergePatch (RFC 7386)
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function unescapePointer(s: string): string {
  return s.replaceAll('~1', '/').replaceAll('~0', '~');
}

// Models github.com/evanphx/json-patch patch.go Patch.Apply (add, remove, replace, test, copy, move)
export function jsonPatch(doc: unknown, ops: unknown): { value: unknown } | string {
  if (!Array.isArray(ops)) return 'json: cannot unmarshal object into Go value of type jsonpatch.Patch';
  let root = deepCopy(doc);
  for (const op of ops as Record<string, unknown>[]) {
    const path = typeof op.path === 'string' ? op.path : '';
    const parts = path.split('/').slice(1).map(unescapePointer);
    const last = parts.pop() ?? '';
    let parent: unknown = root;
    for (const p of parts) {
      parent = Array.isArray(parent)
        ? parent[Number(p)]
        : (parent as Record<string, unknown> | undefined)?.[p];
      if (parent === undefined || parent === null)
        return `${String(op.op)} operation does not apply: doc is missing path: "${path}": missing value`;
    }
    const container = parent as Record<string, unknown> | unknown[];
    const has = Array.isArray(container) ? Number(last) < container.length : last in container;
    switch (op.op) {
      case 'add':
        if (Array.isArray(container))
          container.splice(last === '-' ? container.length : Number(last), 0, deepCopy(op.value));
        else container[last] = deepCopy(op.value);
        break;
      case 'replace':
        if (!has) return `replace operation does not apply: doc is missing key: ${path}: missing value`;
        if (Array.isArray(container)) container[Number(last)] = deepCopy(op.value);
        else container[last] = deepCopy(op.value);
        break;
      case 'remove':
        if (!has) return `remove operation does not apply: doc is missing path: "${path}": missing value`;
        if (Array.isArray(container)) container.splice(Number(last), 1);
        else delete container[last];
        break;
      case 'test': {
        const cur = Array.isArray(container) ? container[Number(last)] : container[last];
        if (canonicalJSON(cur) !== canonicalJSON(op.value))
          return `testing value ${path} failed: test failed`;
        break;
      }
      default:
        return `Unexpected kind: ${String(op.op)}`;
    }
    if (path === '') root = op.value;
  }
  return { value: root };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go PatchOptions.RunPatch
function runPatch(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  let patchText = flagString(cmd, 'patch');
  const patchFile = flagString(cmd, 'patch-file');
  if (patchText && patchFile)
    return fail(out, new GoError('cannot specify --patch and --patch-file together'));
  if (!patchText && !patchFile)
    return fail(
      out,
      new GoError('must specify --patch or --patch-file containing the contents of the patch'),
    );
  const type = flagString(cmd, 'type').toLowerCase();
  if (!['json', 'merge', 'strategic'].includes(type)) {
    return fail(
      out,
      new GoError(`--type must be one of [json merge strategic], not "${flagString(cmd, 'type')}"`),
    );
  }
  if (patchFile) {
    const text = env.readFile(patchFile);
    if (text === undefined)
      return fail(
        out,
        new GoError(`unable to read patch file: open ${patchFile}: no such file or directory`),
      );
    patchText = text;
  }
  const decoded = decodeStream(patchText);
  if (decoded.error)
    return fail(out, new GoError(`unable to parse ${JSON.stringify(patchText)}: ${decoded.error}`));
  const patch = decoded.docs[0]?.value ?? null;
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: false,
    latest: true,
    validation: 'Ignore',
  });
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [...r.visitErrors];
  const short = flagString(cmd, 'output') === 'name';
  let count = 0;
  for (const info of r.infos) {
    count++;
    const current = info.object as Record<string, unknown>;
    let result: { value: unknown } | string;
    if (type === 'json') result = jsonPatch(current, patch);
    else if (type === 'merge') result = { value: mergePatch(current, patch) };
    else if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
      result = 'unable to find api field in struct for the patch';
    else
      result = { value: applyStrategicPatch(info.mapping.kind, current, patch as Record<string, unknown>) };
    if (typeof result === 'string') {
      errs.push(new ApiError('BadRequest', 400, result));
      continue;
    }
    let obj = result.value as KubeObject;
    if (!flagBool(cmd, 'local') && dryRun !== 'client') {
      const checked = decodeForServer(obj, 'Warn', out);
      if (checked instanceof ApiError) {
        errs.push(checked);
        continue;
      }
      obj = checked;
      const [, err] = env.cluster.api.update(obj, { dryRun: dryRun === 'server' });
      if (err) {
        errs.push(err);
        continue;
      }
    }
    const changed = canonicalJSON(obj) !== canonicalJSON(current);
    out.out(
      nameLine(
        info.mapping.kind,
        info.mapping.group,
        info.name,
        short ? '' : withDryRun(changed ? 'patched' : 'patched (no change)', dryRun),
      ),
    );
  }
  env.cluster.settle();
  if (count === 0 && errs.length === 0) return fail(out, new GoError('no objects passed to patch'));
  out.fail(newAggregate(errs));
  return out.finish();
}

export const patchCommand: KubectlCommand = { path: ['patch'], flags, run: runPatch };
