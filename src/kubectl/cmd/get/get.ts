// `kubectl get`: tables (server-side printing), -o json|yaml|name|wide|jsonpath|custom-columns|go-template,
// -l, -A, --show-labels, -L, --sort-by, --no-headers, -w/--watch-only.
import {
  ApiError,
  deepCopy,
  kindWithGroup,
  parseSelector,
  withNodeHeartbeats,
  type KubeObject,
  type Node,
} from '../../../engine/index.ts';
import {
  flagBool,
  flagString,
  flagStrings,
  type FlagSpec,
  type KubectlCommand,
  type ParsedCommand,
} from '../../command.ts';
import { finished, finishedChunks, type CommandEnv, type OutputChunk, type Process } from '../../process.ts';
import { buildTable } from '../../printers/index.ts';
import { HumanReadablePrinter } from '../../printers/table-printer.ts';
import { newTableTabWriter } from '../../printers/tabwriter.ts';
import {
  build,
  fieldSelectorMatcher,
  multipleKindsRequested,
  warningText,
  type BuilderResult,
  type Visit,
} from '../../resource/builder.ts';
import { GoError, checkErr, newAggregate, type KubectlError } from '../util/helpers.ts';
import { PrintError, toPrinter, type OutputMode } from './printflags.ts';
import { SortError, sortObjects, sortTableRows } from './sorter.ts';
import { GetWatchProcess } from './watch.ts';

const flags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'watch', short: 'w', type: 'bool', default: false },
  { name: 'watch-only', type: 'bool', default: false },
  { name: 'output-watch-events', type: 'bool', default: false },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'show-labels', type: 'bool', default: false },
  { name: 'show-kind', type: 'bool', default: false },
  { name: 'label-columns', short: 'L', type: 'stringArray', default: [] },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
  { name: 'subresource', type: 'string', default: '' },
  { name: 'raw', type: 'string', default: '' },
];

const usage = (msg: string) => `error: ${msg}\nSee 'kubectl get -h' for help and examples\n`;

/** Errors as kubectl's CheckErr prints an aggregate: one line each. */
function errorText(errors: readonly KubectlError[]): string {
  const agg = newAggregate([...errors]);
  return agg ? checkErr(agg) : '';
}

const isNotFound = (e: KubectlError) => e instanceof ApiError && e.reason === 'NotFound';

function stripManagedFields(obj: KubeObject): KubeObject {
  const copy = deepCopy(obj) as KubeObject & { metadata?: { managedFields?: unknown } };
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/** The Table object kubectl holds per read (what RuntimeSorter sees when several reads are sorted). */
const tableObject = { apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: { resourceVersion: '' } };

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go GetOptions.Run (human-readable path)
function printHuman(
  cmd: ParsedCommand,
  env: CommandEnv,
  built: BuilderResult,
  wide: boolean,
  errors: KubectlError[],
  chunks: OutputChunk[],
): Process {
  const now = env.cluster.now();
  const noHeaders = flagBool(cmd, 'no-headers');
  const sortBy = flagString(cmd, 'sort-by');
  const visits = built.visits;
  const withKind = multipleKindsRequested(visits) || flagBool(cmd, 'show-kind');
  const labelColumns = flagStrings(cmd, 'label-columns')
    .flatMap((l) => l.split(','))
    .filter((l) => l !== '');
  // RuntimeSorter.Sort: several Tables are sorted as objects by the field, which a Table rarely has.
  if (sortBy && visits.length > 1) {
    try {
      sortObjects([tableObject], sortBy);
    } catch (e) {
      if (e instanceof SortError) return finished('', checkErr(new GoError(e.message)), 1);
      throw e;
    }
  }
  const w = newTableTabWriter();
  let out = '';
  let separatorReady = false;
  const emit = () => {
    const text = w.take();
    if (text === '') return;
    if (separatorReady) out += '\n';
    separatorReady = false;
    out += text;
  };
  let last: Visit['mapping'] | undefined;
  let printer: HumanReadablePrinter | undefined;
  let allNamespaced = !cmd.allNamespaces;
  for (const v of visits) {
    allNamespaced = allNamespaced && v.mapping.namespaced;
    if (!printer || last !== v.mapping) {
      w.flush();
      emit();
      w.setRememberedWidths([]);
      if (last && !noHeaders && out.length > 0) separatorReady = true;
      printer = new HumanReadablePrinter({
        noHeaders,
        wide,
        withNamespace: cmd.allNamespaces && v.mapping.namespaced,
        withKind,
        kind: kindWithGroup(v.mapping.kind),
        showLabels: flagBool(cmd, 'show-labels'),
        columnLabels: labelColumns,
      });
      last = v.mapping;
    }
    const table = buildTable(
      v.mapping.kind,
      v.infos.map((i) => i.object!),
      now,
    );
    if (sortBy) {
      // SortingPrinter: a failed sort is an error of PrintObj, which Run ignores (the table is not printed).
      try {
        table.rows = sortTableRows(table.rows, (r) => r.object, sortBy);
      } catch (e) {
        if (e instanceof SortError) continue;
        throw e;
      }
    }
    printer.printObj(table, w);
  }
  w.flush();
  emit();
  chunks.push({ fd: 1, text: out });
  if (out === '' && !flagBool(cmd, 'ignore-not-found') && errors.length === 0) {
    chunks.push({
      fd: 2,
      text: allNamespaced ? `No resources found in ${cmd.namespace} namespace.\n` : 'No resources found\n',
    });
  }
  chunks.push({ fd: 2, text: errorText(errors) });
  return finishedChunks(chunks, errors.length > 0 ? 1 : 0);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go GetOptions.printGeneric
function printGeneric(
  cmd: ParsedCommand,
  env: CommandEnv,
  built: BuilderResult,
  mode: Extract<OutputMode, { human: false }>,
  errors: KubectlError[],
  chunks: OutputChunk[],
): Process {
  const done = (code: number) => finishedChunks(chunks, code);
  if (built.singleItemImplied && errors.length > 0) {
    chunks.push({ fd: 2, text: errorText(errors) });
    return done(1);
  }
  // The engine stores no periodic kubelet status posts; a Node is printed with its kubelet's last heartbeat.
  let objects = built.infos.map((i) =>
    i.object!.kind === 'Node' ? withNodeHeartbeats(env.cluster, i.object as Node) : i.object!,
  );
  if (objects.length === 0 && flagBool(cmd, 'ignore-not-found')) {
    chunks.push({ fd: 2, text: errorText(errors) });
    return done(errors.length > 0 ? 1 : 0);
  }
  const printable = flagBool(cmd, 'show-managed-fields')
    ? objects.map((o) => deepCopy(o))
    : objects.map(stripManagedFields);
  const single = built.singleItemImplied && printable.length === 1;
  objects = printable;
  const sortBy = flagString(cmd, 'sort-by');
  if (sortBy && !single) {
    try {
      objects = sortObjects(objects, sortBy);
    } catch (e) {
      if (e instanceof SortError) {
        chunks.push({ fd: 2, text: errorText([...errors, new GoError(e.message)]) });
        return done(1);
      }
      throw e;
    }
  }
  const obj: KubeObject = single
    ? objects[0]!
    : ({
        apiVersion: 'v1',
        items: objects,
        kind: 'List',
        metadata: { resourceVersion: '' },
      } as KubeObject);
  try {
    chunks.push({ fd: 1, text: mode.print(obj) });
  } catch (e) {
    if (e instanceof PrintError) {
      chunks.push({ fd: 1, text: e.stdout });
      chunks.push({ fd: 2, text: errorText([...errors, new GoError(e.message)]) });
      return done(1);
    }
    throw e;
  }
  chunks.push({ fd: 2, text: errorText(errors) });
  return done(errors.length > 0 ? 1 : 0);
}

function run(cmd: ParsedCommand, env: CommandEnv): Process {
  const output = flagString(cmd, 'output');
  const watch = flagBool(cmd, 'watch');
  const watchOnly = flagBool(cmd, 'watch-only');
  const files = flagStrings(cmd, 'filename');

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go GetOptions.Validate
  if (flagBool(cmd, 'show-labels') && output !== '' && output !== 'wide') {
    return finished('', `error: --show-labels option cannot be used with ${output} printer\n`, 1);
  }
  if (flagBool(cmd, 'output-watch-events') && !(watch || watchOnly)) {
    return finished(
      '',
      usage('--output-watch-events option can only be used with --watch or --watch-only'),
      1,
    );
  }
  const mode = toPrinter({
    output,
    template: flagString(cmd, 'template'),
    noHeaders: flagBool(cmd, 'no-headers'),
    allowMissingTemplateKeys: flagBool(cmd, 'allow-missing-template-keys'),
    readFile: (p) => env.readFile(p),
  });
  if (typeof mode === 'string') return finished('', `error: ${mode}${mode.endsWith('\n') ? '' : '\n'}`, 1);

  const chunks: OutputChunk[] = [];
  if (watch || watchOnly) {
    if (flagString(cmd, 'sort-by'))
      chunks.push({ fd: 2, text: 'warning: --watch or --watch-only requested, --sort-by will be ignored\n' });
  } else if (cmd.args.length === 0 && files.length === 0) {
    return finished(
      '',
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        usage(
          'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        ),
      1,
    );
  }

  const built = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    allNamespaces: cmd.allNamespaces,
    filenames: files,
    args: cmd.args,
    allowEmptySelector: true,
    selector: flagString(cmd, 'selector'),
    fieldSelector: flagString(cmd, 'field-selector'),
    latest: true,
    singleResourceType: watch || watchOnly,
    validation: 'Ignore',
  });
  if (built.err) {
    chunks.push({ fd: 2, text: checkErr(built.err) });
    return finishedChunks(chunks, 1);
  }
  chunks.push({ fd: 2, text: warningText(built) });
  const errors = flagBool(cmd, 'ignore-not-found')
    ? built.visitErrors.filter((e) => !isNotFound(e))
    : built.visitErrors;

  if (watch || watchOnly) {
    if (errors.length > 0) {
      chunks.push({ fd: 2, text: errorText(errors) });
      return finishedChunks(chunks, 1);
    }
    if (multipleKindsRequested(built.visits)) {
      chunks.push({
        fd: 2,
        text: 'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n',
      });
      return finishedChunks(chunks, 1);
    }
    const first = built.visits[0];
    if (!first) {
      chunks.push({ fd: 2, text: 'error: no objects passed to watch\n' });
      return finishedChunks(chunks, 1);
    }
    const [sel] = parseSelector(flagString(cmd, 'selector'));
    const named = !first.list ? first.infos[0]?.name : undefined;
    return new GetWatchProcess({
      cluster: env.cluster,
      resource: first.mapping,
      namespace: first.mapping.namespaced && !cmd.allNamespaces ? cmd.namespace : undefined,
      selector: sel.length > 0 ? sel : undefined,
      name: named,
      fieldMatch: fieldSelectorMatcher(flagString(cmd, 'field-selector')),
      initial: built.infos.map((i) => i.object!),
      mode,
      printOptions: {
        noHeaders: flagBool(cmd, 'no-headers'),
        wide: mode.human && mode.wide,
        withNamespace: cmd.allNamespaces && first.mapping.namespaced,
        showLabels: flagBool(cmd, 'show-labels'),
        columnLabels: flagStrings(cmd, 'label-columns')
          .flatMap((l) => l.split(','))
          .filter((l) => l !== ''),
      },
      watchOnly,
      outputWatchEvents: flagBool(cmd, 'output-watch-events'),
      chunks,
    });
  }

  return mode.human
    ? printHuman(cmd, env, built, mode.wide, errors, chunks)
    : printGeneric(cmd, env, built, mode, errors, chunks);
}

export const getCommand: KubectlCommand = { path: ['get'], flags, run };
