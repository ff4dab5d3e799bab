// The tail shared by the generators of `kubectl create <kind>` (create.go's RunCreate<Kind> functions): send
// the object (unless --dry-run=client), then print it as the requested output.
import type { KubeObject } from '../../../engine/index.ts';
import type { ParsedCommand } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { PrinterError } from '../../printers/errors.ts';
import { asTypedObject, type ObjectPrinter } from '../util/printing.ts';
import { GoError, type DryRunStrategy, type Output } from '../util/helpers.ts';

/**
 * `failure` is the generator's wrapping of a server error (`failed to create deployment`): upstream formats
 * it with %v, so kubectl prints `error: failed to create deployment: <message>`, not the server's status.
 */
export function createAndPrint<T extends KubeObject>(
  obj: T,
  cmd: ParsedCommand,
  env: CommandEnv,
  dryRun: DryRunStrategy,
  printer: ObjectPrinter,
  out: Output,
  failure: string,
): Process {
  let result: T = asTypedObject(obj);
  if (dryRun !== 'client') {
    const [stored, err] = env.cluster.api.create(
      { ...obj, metadata: { ...obj.metadata, namespace: cmd.namespace } },
      { dryRun: dryRun === 'server' },
    );
    if (err) {
      out.fail(new GoError(`${failure}: ${err.message}`));
      return out.finish();
    }
    if (dryRun !== 'server') env.cluster.settle();
    result = stored;
  }
  try {
    out.out(printer(result, 'created'));
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    out.out(e.stdout);
    out.fail(new GoError(e.message));
  }
  return out.finish();
}
