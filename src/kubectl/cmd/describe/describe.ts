// `kubectl describe TYPE [NAME_PREFIX | NAME... | -l selector]`.
import { parseAllDocuments } from 'yaml';
import {
  ApiError,
  resolveResource,
  resourceWithGroup,
  type KubeObject,
  type Stored,
} from '../../../engine/index.ts';
import {
  flagBool,
  flagString,
  flagStrings,
  type FlagSpec,
  type KubectlCommand,
  type ParsedCommand,
} from '../../command.ts';
import { finished, type CommandEnv, type Process } from '../../process.ts';
import { formatApiError, formatError } from '../../util/errors.ts';
import { describe } from '../../describe/index.ts';
import { BuilderError, buildResources, type BuildResult } from '../get/resource-builder.ts';

const flags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
];

function buildFromFiles(cmd: ParsedCommand, env: CommandEnv): BuildResult | BuilderError {
  const result: BuildResult = { visits: [], errors: [], singleItemImplied: false };
  for (const path of flagStrings(cmd, 'filename')) {
    const text = path === '-' ? env.stdin : env.readFile(path);
    if (text === undefined) return new BuilderError(`the path "${path}" does not exist`);
    for (const doc of parseAllDocuments(text, { version: '1.1' })) {
      const o = doc.toJS() as KubeObject | null;
      if (!o) continue;
      const name = o.metadata?.name ?? '';
      const r = resolveResource(o.kind ?? '');
      if (!r)
        return new BuilderError(
          `resource mapping not found for name: "${name}" namespace: "${o.metadata?.namespace ?? ''}" from "${path}": no matches for kind "${o.kind ?? ''}"`,
        );
      const obj = env.cluster.api.get(
        r.kind,
        r.namespaced ? (o.metadata?.namespace ?? cmd.namespace) : undefined,
        name,
      );
      if (obj) result.visits.push({ resource: r, objects: [obj], name });
      else
        result.errors.push(
          new ApiError('NotFound', 404, `${resourceWithGroup(r.kind)} "${name}" not found`, {
            kind: r.resource,
            name,
          }),
        );
    }
  }
  return result;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go DescribeOptions.Run
function run(cmd: ParsedCommand, env: CommandEnv): Process {
  const files = flagStrings(cmd, 'filename');
  if (cmd.args.length === 0 && files.length === 0) {
    return finished(
      '',
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      1,
    );
  }
  const built =
    files.length > 0
      ? buildFromFiles(cmd, env)
      : buildResources(env.cluster, {
          namespace: cmd.namespace,
          allNamespaces: cmd.allNamespaces,
          selector: flagString(cmd, 'selector'),
          args: cmd.args,
          allowEmptySelector: true,
        });
  if (built instanceof BuilderError) return finished('', formatError(built.message), 1);
  const ctx = { cluster: env.cluster, now: env.cluster.now(), showEvents: flagBool(cmd, 'show-events') };
  const objects: Stored<KubeObject>[] = built.visits.flatMap((v) => v.objects);

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go DescribeOptions.DescribeMatchingResources
  const prefixType =
    cmd.args.length === 2 && !cmd.args[0]!.includes('/') ? resolveResource(cmd.args[0]!) : undefined;
  if (
    prefixType &&
    built.errors.length === 1 &&
    objects.length === 0 &&
    built.errors[0]!.reason === 'NotFound'
  ) {
    const r = prefixType;
    const matching = env.cluster.api
      .list(r.kind, r.namespaced ? cmd.namespace : undefined)
      .filter((o) => o.metadata.name.startsWith(cmd.args[1]!));
    if (matching.length === 0) return finished('', formatApiError(built.errors[0]!), 1);
    return finished(matching.map((o) => `${describe(o, ctx)}\n`).join(''), '', 0);
  }

  const out = objects.map((o, i) => (i === 0 ? describe(o, ctx) : `\n\n${describe(o, ctx)}`)).join('');
  let stderr = '';
  if (objects.length === 0 && built.errors.length === 0) {
    stderr = cmd.allNamespaces
      ? 'No resources found\n'
      : `No resources found in ${cmd.namespace} namespace.\n`;
  }
  stderr += built.errors.map(formatApiError).join('');
  return finished(out, stderr, built.errors.length > 0 ? 1 : 0);
}

export const describeCommand: KubectlCommand = { path: ['describe'], flags, run };
