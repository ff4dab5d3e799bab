// How the writing commands (expose, create service, edit) print what they changed: `service/web exposed`
// by default, or the object through `-o json|yaml|name|jsonpath|go-template` (genericclioptions.PrintFlags).
import { deepCopy, kindWithGroup, type KubeObject } from '../../../engine/index.ts';
import { flagBool, flagString, type ParsedCommand } from '../../command.ts';
import type { CommandEnv } from '../../process.ts';
import { toPrinter } from '../get/printflags.ts';
import { GoError, withDryRun, type DryRunStrategy } from './helpers.ts';

/** Prints one object after an operation (`exposed`, `created`, `edited`); may throw a PrinterError. */
export type ObjectPrinter = (obj: KubeObject, operation: string) => string;

function stripManagedFields(obj: KubeObject): KubeObject {
  const copy = deepCopy(obj) as KubeObject & { metadata?: { managedFields?: unknown } };
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go PrintFlags.ToPrinter
// (with NamePrintFlags' operation and cmdutil.PrintFlagsWithDryRunStrategy)
export function printerFor(
  cmd: ParsedCommand,
  env: CommandEnv,
  dryRun: DryRunStrategy,
): ObjectPrinter | GoError {
  const output = flagString(cmd, 'output');
  const template = flagString(cmd, 'template');
  const name = (obj: KubeObject) => `${kindWithGroup(obj.kind ?? '')}/${obj.metadata?.name ?? ''}`;
  if (output === '' && template === '') {
    return (obj, operation) => `${name(obj)} ${withDryRun(operation, dryRun)}\n`;
  }
  const mode = toPrinter({
    output,
    template,
    noHeaders: false,
    allowMissingTemplateKeys: cmd.flags.get('allow-missing-template-keys') !== false,
    readFile: (p) => env.readFile(p),
    forGet: false,
  });
  if (typeof mode === 'string') return new GoError(mode);
  if (mode.human) return new GoError(`unable to match a printer suitable for the output format "${output}"`);
  const showManaged = flagBool(cmd, 'show-managed-fields');
  return (obj) => mode.print(showManaged ? obj : stripManagedFields(obj));
}

/**
 * A generated object as kubectl holds it before sending it (a typed Go struct): the struct fields that JSON
 * cannot omit appear empty (`status: {}`, `resources: {}`, a Service's `status.loadBalancer: {}`). What
 * `--dry-run=client -o yaml` shows.
 */
export function asTypedObject<T extends KubeObject>(obj: T): T {
  const copy = deepCopy(obj) as T & { status?: Record<string, unknown>; spec?: Record<string, unknown> };
  if (copy.kind === 'Service') copy.status ??= { loadBalancer: {} };
  if (copy.kind === 'Deployment') {
    copy.status ??= {};
    const spec = copy.spec as { template?: { spec?: { containers?: { resources?: object }[] } } } | undefined;
    for (const c of spec?.template?.spec?.containers ?? []) c.resources ??= {};
  }
  return copy;
}
