// `kubectl describe TYPE [NAME_PREFIX | NAME... | -l selector]`.
import { ApiError } from '../../../engine/index.ts';
import {
  flagBool,
  flagString,
  flagStrings,
  type FlagSpec,
  type KubectlCommand,
  type ParsedCommand,
} from '../../command.ts';
import { finished, finishedChunks, type CommandEnv, type OutputChunk, type Process } from '../../process.ts';
import { describe } from '../../describe/index.ts';
import { build, mappingFor, warningText } from '../../resource/builder.ts';
import { GoError, checkErr, newAggregate } from '../util/helpers.ts';

const flags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
];

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
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    allNamespaces: cmd.allNamespaces,
    filenames: files,
    selector: flagString(cmd, 'selector'),
    args: cmd.args,
    allowEmptySelector: true,
    latest: true,
    validation: 'Ignore',
  });
  const chunks: OutputChunk[] = [];
  if (r.err) return finished('', checkErr(r.err), 1);
  chunks.push({ fd: 2, text: warningText(r) });
  const ctx = { cluster: env.cluster, now: env.cluster.now(), showEvents: flagBool(cmd, 'show-events') };
  const objects = r.infos.map((i) => i.object!);

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go DescribeOptions.DescribeMatchingResources
  const firstErr = r.visitErrors[0];
  if (
    cmd.args.length === 2 &&
    !cmd.args[0]!.includes('/') &&
    r.visitErrors.length === 1 &&
    objects.length === 0 &&
    firstErr instanceof ApiError &&
    firstErr.reason === 'NotFound'
  ) {
    const m = mappingFor(cmd.args[0]!);
    if (m instanceof GoError) return finished('', checkErr(m), 1);
    const matching = env.cluster.api
      .list(m.kind, m.namespaced ? cmd.namespace : undefined)
      .filter((o) => o.metadata.name.startsWith(cmd.args[1]!));
    if (matching.length === 0) return finished('', checkErr(firstErr), 1);
    chunks.push({ fd: 1, text: matching.map((o) => `${describe(o, ctx)}\n`).join('') });
    return finishedChunks(chunks, 0);
  }

  chunks.push({
    fd: 1,
    text: objects.map((o, i) => (i === 0 ? describe(o, ctx) : `\n\n${describe(o, ctx)}`)).join(''),
  });
  if (objects.length === 0 && r.visitErrors.length === 0) {
    chunks.push({
      fd: 2,
      text: cmd.allNamespaces
        ? 'No resources found\n'
        : `No resources found in ${cmd.namespace} namespace.\n`,
    });
  }
  const agg = newAggregate(r.visitErrors);
  if (agg) chunks.push({ fd: 2, text: checkErr(agg) });
  return finishedChunks(chunks, agg ? 1 : 0);
}

export const describeCommand: KubectlCommand = { path: ['describe'], flags, run };
