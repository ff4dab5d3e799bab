// `--overrides` and `--override-type` (cmdutil.OverrideOptions): an inline JSON patch over a generated object,
// as `kubectl expose` and `kubectl create service` take it.
import type { KubeObject } from '../../../engine/index.ts';
import { flagString, type FlagSpec, type ParsedCommand } from '../../command.ts';
import { jsonPatch, mergePatch } from '../patch/patch.ts';
import { applyStrategicPatch } from '../../resource/strategic-merge.ts';
import { GoError } from './helpers.ts';

export const overrideFlags: FlagSpec[] = [
  { name: 'overrides', type: 'string', default: '' },
  { name: 'override-type', type: 'string', default: 'merge' },
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go Overrider.Apply
export function applyOverrides<T extends KubeObject>(cmd: ParsedCommand, obj: T): T | GoError {
  const overrides = flagString(cmd, 'overrides');
  if (overrides === '') return obj;
  let fragment: unknown;
  try {
    fragment = JSON.parse(overrides);
  } catch {
    return new GoError('invalid JSON Document');
  }
  const type = flagString(cmd, 'override-type') || 'merge';
  switch (type) {
    case 'merge':
      return mergePatch(obj, fragment) as T;
    case 'json': {
      const r = jsonPatch(obj, fragment);
      return typeof r === 'string' ? new GoError(r) : (r.value as T);
    }
    case 'strategic':
      if (fragment === null || typeof fragment !== 'object' || Array.isArray(fragment))
        return new GoError('invalid JSON Document');
      return applyStrategicPatch(obj.kind ?? '', obj as never, fragment as never) as unknown as T;
    default:
      return new GoError(`invalid override type: ${type}`);
  }
}
