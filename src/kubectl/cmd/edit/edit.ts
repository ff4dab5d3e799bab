// `kubectl edit TYPE/NAME`: opens the object's YAML in the driver's editor (CommandEnv.requestEdit), then
// patches what changed. Unchanged → `Edit cancelled, no changes made.`; invalid → the editor reopens with
// the reasons in its header; a syntax error → the same, with the parser's message.
import {
  ApiError,
  canonicalJSON,
  fieldErrorBody,
  type FieldError,
  type KubeObject,
} from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import {
  updateOf,
  type CommandEnv,
  type OutputChunk,
  type Process,
  type ProcessUpdate,
} from '../../process.ts';
import {
  allowMissingTemplateKeysFlag,
  fieldManagerFlag,
  filenameFlags,
  outputFlag,
  recordFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { printJSON } from '../../printers/json.ts';
import { printYAML } from '../../printers/yaml.ts';
import { PrinterError } from '../../printers/errors.ts';
import { build, type Info } from '../../resource/builder.ts';
import { decodeStream } from '../../resource/yaml.ts';
import { applyStrategicPatch, createThreeWayMergePatch } from '../../resource/strategic-merge.ts';
import { validationDirective, type ValidationDirective } from '../../resource/field-validation.ts';
import { validateFlag, withApplyAnnotation } from '../apply/apply.ts';
import { GoError, Output, checkErr, newAggregate, type KubectlError } from '../util/helpers.ts';
import { decodeForServer, goJSON, resourceString } from '../util/objects.ts';
import { record } from '../util/invocation.ts';
import { printerFor, type ObjectPrinter } from '../util/printing.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  outputFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
  showManagedFieldsFlag,
  recordFlag,
  { name: 'output-patch', type: 'bool', default: false },
  { name: 'windows-line-endings', type: 'bool', default: false },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'subresource', type: 'string', default: '' },
  validateFlag,
  fieldManagerFlag('kubectl-edit'),
];

/** What `kubectl edit` prints when the driver has no editor to open. */
export const noEditorError = 'edit is not available here; use kubectl patch or apply';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go editHeader.writeTo
function header(reasons: readonly EditReason[]): string {
  let s =
    "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
    '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
    '# reopened with the relevant failures.\n#\n';
  for (const r of reasons) {
    s += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) s += `# * ${hashOnLineBreak(o)}\n`;
    s += '#\n';
  }
  return s;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go hashOnLineBreak
function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    r += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i];
  }
  return r;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go ManualStrip
export function manualStrip(file: string): string {
  const lines = file.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go StripComments (YAML to JSON, or ManualStrip)
export function stripComments(file: string): string {
  const d = decodeStream(file);
  if (d.error) return manualStrip(file);
  return canonicalJSON(d.docs.length === 1 ? d.docs[0]!.value : d.docs.map((x) => x.value));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go hasLines
function hasLines(s: string): boolean {
  return s.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

interface EditReason {
  head: string;
  other: string[];
}

interface EditResults {
  reasons: EditReason[];
  retryable: number;
  notfound: number;
  edit: Info[];
  file: string;
}

const emptyResults = (file = ''): EditResults => ({ reasons: [], retryable: 0, notfound: 0, edit: [], file });

/** A temporary file name as os.CreateTemp makes it; the digits come from the content, not a random source. */
function tempFile(seed: string, json: boolean): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return `/tmp/kubectl-edit-${h}${json ? '.json' : '.yaml'}`;
}

class Done extends Error {}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go EditOptions.Run (NormalEditMode)
class EditProcess implements Process {
  private readonly chunks: OutputChunk[] = [];
  private finished = false;
  private exitCode = 0;
  private closeEditor: (() => void) | undefined;
  private saved: { text: string | undefined } | undefined;
  private waiting = false;
  private original = '';
  private edited = '';
  private buffer = '';
  private file = '';
  private containsError = false;
  private results = emptyResults();
  private launches = 0;
  private readonly json: boolean;

  constructor(
    private readonly cmd: ParsedCommand,
    private readonly env: CommandEnv,
    private readonly infos: Info[],
    private readonly printer: ObjectPrinter,
    private readonly directive: ValidationDirective,
  ) {
    this.json = flagString(cmd, 'output') === 'json';
    this.launch();
  }

  private out(text: string): void {
    if (text) this.chunks.push({ fd: 1, text });
  }

  private err(text: string): void {
    if (text) this.chunks.push({ fd: 2, text });
  }

  private finish(code: number): never {
    this.finished = true;
    this.exitCode = code;
    throw new Done();
  }

  private fail(err: KubectlError): never {
    this.err(checkErr(err));
    this.finish(1);
  }

  private preservedFile(err: KubectlError, path: string): never {
    if (path) this.err(`A copy of your changes has been stored to "${path}"\n`);
    this.fail(err);
  }

  /** The object (or a List) as the editor shows it. */
  private originalText(): string {
    const objs = this.infos.map((i) => i.object!);
    const obj =
      objs.length === 1
        ? objs[0]!
        : ({ apiVersion: 'v1', items: objs, kind: 'List', metadata: {} } as unknown as KubeObject);
    return this.json ? printJSON(obj) : printYAML(obj);
  }

  private launch(): void {
    let buf = this.json ? '' : header(this.results.reasons);
    if (!this.containsError) {
      buf += this.originalText();
      this.original = buf;
    } else {
      buf += manualStrip(this.edited);
    }
    this.buffer = buf;
    this.launches++;
    this.file = tempFile(`${this.env.cluster.now()}:${this.launches}:${buf}`, this.json);
    this.waiting = true;
    const close = this.env.requestEdit!(buf, (text) => {
      if (!this.waiting) return;
      this.waiting = false;
      this.saved = { text };
    });
    this.closeEditor = typeof close === 'function' ? close : undefined;
  }

  poll(): ProcessUpdate {
    if (!this.finished && this.saved) {
      const { text } = this.saved;
      this.saved = undefined;
      try {
        this.onSaved(text ?? this.buffer);
      } catch (e) {
        if (!(e instanceof Done)) throw e;
      }
    }
    return updateOf(this.chunks.splice(0), this.finished, this.exitCode);
  }

  interrupt(): ProcessUpdate {
    if (!this.finished) {
      this.waiting = false;
      this.closeEditor?.();
      this.finished = true;
      this.exitCode = 130;
    }
    return updateOf(this.chunks.splice(0), true, this.exitCode);
  }

  private onSaved(text: string): void {
    const editedDiff = this.edited;
    this.edited = text;
    const file = this.file;
    if (this.containsError && stripComments(editedDiff) === stripComments(text)) {
      this.preservedFile(new GoError('Edit cancelled, no valid changes were saved.'), file);
    }
    const first = this.infos[0]!;
    const kindErr = this.directive === 'Ignore' ? undefined : validateKinds(text);
    if (kindErr) {
      this.results = emptyResults(file);
      this.containsError = true;
      this.err(
        `${this.addError(
          new ApiError('Invalid', 422, '', {
            kind: '',
            name: '',
            causes: [{ type: 'Invalid', field: '', value: failedValidation, detail: kindErr }],
          }),
          first,
        )}\n`,
      );
      this.launch();
      return;
    }
    if (stripComments(this.original) === stripComments(text)) {
      this.err('Edit cancelled, no changes made.\n');
      this.finish(0);
    }
    if (!hasLines(text)) {
      this.err('Edit cancelled, saved file was empty.\n');
      this.finish(0);
    }
    this.results = emptyResults(file);
    const decoded = decodeStream(text);
    if (decoded.error) {
      this.containsError = true;
      this.results.reasons.push({
        head: `The edited file had a syntax error: error parsing edited-file: ${decoded.error}`,
        other: [],
      });
      this.launch();
      return;
    }
    this.containsError = false;
    const updated = decoded.docs.flatMap((d) => {
      const v = d.value as KubeObject & { items?: KubeObject[] };
      return v.kind === 'List' && Array.isArray(v.items) ? v.items : [v];
    });
    for (const obj of updated) {
      const ns = obj.metadata?.namespace;
      if (ns && ns !== this.cmd.namespace && this.infos.some((i) => i.mapping.namespaced)) {
        this.preservedFile(
          new GoError(
            `the namespace from the provided object "${ns}" does not match the namespace "${this.cmd.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
          ),
          file,
        );
      }
    }
    for (const obj of updated) this.patchOne(obj);
    if (this.results.retryable > 0) {
      this.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      this.finish(1);
    }
    if (this.results.notfound > 0) {
      this.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
      this.finish(1);
    }
    if (this.results.edit.length === 0) this.finish(0);
    if (this.results.reasons.length > 0) this.containsError = true;
    this.launch();
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go EditOptions.visitToPatch
  private patchOne(edited: KubeObject): void {
    const uid = edited.metadata?.uid;
    const info = this.infos.find((i) => i.object?.metadata?.uid === uid);
    if (!info)
      this.preservedFile(new GoError(`no original object found for ${goJSON(edited)}`), this.results.file);
    const original = info.object!;
    if (canonicalJSON(original) === canonicalJSON(edited)) {
      this.print(original, 'skipped');
      return;
    }
    const changed = (a: unknown, b: unknown) => canonicalJSON(a ?? null) !== canonicalJSON(b ?? null);
    if (
      changed(original.apiVersion, edited.apiVersion) ||
      changed(original.kind, edited.kind) ||
      changed(original.metadata?.name, edited.metadata?.name)
    ) {
      this.preservedFile(
        new GoError('At least one of apiVersion, kind and name was changed'),
        this.results.file,
      );
    }
    let target = edited;
    if (flagBool(this.cmd, 'save-config')) target = withApplyAnnotation(target);
    target = record(target, flagBool(this.cmd, 'record'));
    const kind = info.mapping.kind;
    const patch = createThreeWayMergePatch(kind, original as never, target as never, original as never);
    if (flagBool(this.cmd, 'output-patch')) this.out(`Patch: ${goJSON(patch)}\n`);
    const live = this.env.cluster.api.get(kind, info.namespace || undefined, info.name);
    if (!live) {
      this.err(`${this.addError(new ApiError('NotFound', 404, ''), info)}\n`);
      return;
    }
    const patched = applyStrategicPatch(kind, live as never, patch) as unknown as KubeObject;
    const warnings = new Output();
    const checked = decodeForServer(patched, this.directive, warnings);
    this.chunks.push(...warnings.chunks);
    if (checked instanceof ApiError) {
      this.err(`${this.addError(checked, info)}\n`);
      return;
    }
    const [stored, err] = this.env.cluster.api.update(checked);
    if (err) {
      this.err(`${this.addError(err, info)}\n`);
      return;
    }
    this.env.cluster.settle();
    this.print(stored, 'edited');
  }

  private print(obj: KubeObject, operation: string): void {
    try {
      this.out(this.printer(obj, operation));
    } catch (e) {
      if (!(e instanceof PrinterError)) throw e;
      this.out(e.stdout);
      this.fail(new GoError(e.message));
    }
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go editResults.addError
  private addError(err: ApiError, info: Info): string {
    const res = resourceString(info.mapping);
    if (err.reason === 'Invalid') {
      this.results.edit.push(info);
      this.results.reasons.push({
        head: `${res} ${JSON.stringify(info.name)} was not valid`,
        other: (err.details?.causes ?? []).map((c) => `${c.field}: ${causeMessage(c)}`),
      });
      return `error: ${res} ${JSON.stringify(info.name)} is invalid`;
    }
    if (err.reason === 'NotFound') {
      this.results.notfound++;
      return `error: ${res} ${JSON.stringify(info.name)} could not be found on the server`;
    }
    this.results.retryable++;
    return `error: ${res} ${JSON.stringify(info.name)} could not be patched: ${err.message}`;
  }
}

const failedValidation = 'The edited file failed validation';

function causeMessage(c: FieldError): string {
  if (c.type === 'Invalid' && c.value === failedValidation)
    return `Invalid value: "${failedValidation}": ${c.detail ?? ''}`;
  return fieldErrorBody(c);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/openapi/validation getObjectKind (paramVerifyingSchema)
/** What client-side validation of the saved file reports: a YAML error, or a missing apiVersion or kind. */
function validateKinds(text: string): string | undefined {
  const d = decodeStream(stripComments(text));
  // schemavalidation.Parse reports yaml.ToJSON's own error, without the decoder's prefix.
  if (d.error) return d.error.replace(/^error converting YAML to JSON: /, '');
  for (const doc of d.docs) {
    const v = doc.value as Record<string, unknown> | null;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'invalid object to validate';
    const errs: string[] = [];
    if (v.apiVersion === undefined || v.apiVersion === null) errs.push('apiVersion not set');
    else if (typeof v.apiVersion !== 'string') errs.push("apiVersion isn't string type");
    if (v.kind === undefined || v.kind === null) errs.push('kind not set');
    else if (typeof v.kind !== 'string') errs.push("kind isn't string type");
    if (errs.length > 0) return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  }
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go NewCmdEdit (Run) + EditOptions.Complete
function runEdit(cmd: ParsedCommand, env: CommandEnv): Process {
  const done = (chunks: OutputChunk[], code: number): Process => {
    let polled = false;
    const u = () => {
      const r = updateOf(polled ? [] : chunks, true, code);
      polled = true;
      return r;
    };
    return { poll: u, interrupt: u };
  };
  const directive = validationDirective(flagString(cmd, 'validate'));
  if (typeof directive !== 'string') return done([{ fd: 2, text: `error: ${directive.error}\n` }], 1);
  const printer = printerFor(cmd, env, 'none');
  if (printer instanceof GoError) return done([{ fd: 2, text: checkErr(printer) }], 1);
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: true,
    latest: true,
    validation: 'Ignore',
  });
  const warnings: OutputChunk[] = r.warnings.map((w) => ({ fd: 2, text: `Warning: ${w}\n` }));
  if (r.err) return done([...warnings, { fd: 2, text: checkErr(r.err) }], 1);
  const visitErr = newAggregate(r.visitErrors);
  if (visitErr) return done([...warnings, { fd: 2, text: checkErr(visitErr) }], 1);
  if (r.infos.length === 0)
    return done([...warnings, { fd: 2, text: 'error: edit cancelled, no objects found\n' }], 1);
  if (!env.requestEdit) return done([...warnings, { fd: 2, text: `error: ${noEditorError}\n` }], 1);
  const p = new EditProcess(cmd, env, r.infos, printer, directive);
  if (warnings.length === 0) return p;
  let pending = warnings;
  const wrap = (u: ProcessUpdate): ProcessUpdate => {
    if (pending.length === 0) return u;
    const chunks = [
      ...pending,
      ...(u.chunks ?? [
        { fd: 1 as const, text: u.stdout },
        { fd: 2 as const, text: u.stderr },
      ]),
    ];
    pending = [];
    return updateOf(chunks, u.done, u.exitCode);
  };
  return { poll: () => wrap(p.poll()), interrupt: () => wrap(p.interrupt()) };
}

export const editCommand: KubectlCommand = { path: ['edit'], flags, run: runEdit };
