// `kubectl api-resources` and `kubectl api-versions`, from the simulator's discovery table.
import { resources, apiVersionOf } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString } from '../../command.ts';
import { finished, type CommandEnv, type Process } from '../../process.ts';
import { newTableTabWriter, tabulate } from '../../printers/tabwriter.ts';

const flags: FlagSpec[] = [
  { name: 'api-group', type: 'string', default: '' },
  { name: 'cached', type: 'bool', default: false },
  { name: 'categories', type: 'stringArray', default: [] },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'verbs', type: 'stringArray', default: [] },
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go APIResourceOptions.RunAPIResources
function runAPIResources(cmd: ParsedCommand, _env: CommandEnv): Process {
  const output = flagString(cmd, 'output');
  if (output !== '' && output !== 'wide' && output !== 'name') {
    return finished('', `error: --output ${output} is not available\n`, 1);
  }
  const group = flagString(cmd, 'api-group');
  let list = resources.filter((r) => !cmd.given.has('api-group') || r.group === group);
  if (cmd.given.has('namespaced')) list = list.filter((r) => r.namespaced === flagBool(cmd, 'namespaced'));
  // Discovery order: the core group first, then the others; resources by name within a group.
  list = [...list].sort((a, b) =>
    a.group === b.group
      ? a.resource.localeCompare(b.resource)
      : a.group === ''
        ? -1
        : b.group === ''
          ? 1
          : a.group.localeCompare(b.group),
  );
  if (output === 'name') {
    return finished(list.map((r) => `${r.resource}${r.group ? `.${r.group}` : ''}\n`).join(''));
  }
  let text = flagBool(cmd, 'no-headers') ? '' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n';
  for (const r of list)
    text += `${r.resource}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${String(r.namespaced)}\t${r.kind}\n`;
  return finished(tabulate(text, newTableTabWriter()));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go APIVersionsOptions.RunAPIVersions
function runAPIVersions(_cmd: ParsedCommand, _env: CommandEnv): Process {
  const versions = [...new Set(resources.map(apiVersionOf))].sort();
  return finished(versions.map((v) => `${v}\n`).join(''));
}

export const apiResourcesCommand: KubectlCommand = { path: ['api-resources'], flags, run: runAPIResources };
export const apiVersionsCommand: KubectlCommand = { path: ['api-versions'], flags: [], run: runAPIVersions };
