// Printers shared by `kubectl get`, `kubectl describe` and the UI inspector. All pure: objects + now → text.
import { kindWithGroup, type KubeObject } from '../../engine/index.ts';
import { HumanReadablePrinter, type PrintOptions } from './table-printer.ts';
import { newTableTabWriter } from './tabwriter.ts';
import { tableHandlerFor } from './table/handlers.ts';
import type { Table } from './table/types.ts';

export { TabWriter, newTableTabWriter, newDescribeTabWriter, tabulate } from './tabwriter.ts';
export { HumanReadablePrinter, decorateTable, printTableTo, type PrintOptions } from './table-printer.ts';
export { tableHandlerFor, tableHandlers, type TableHandler } from './table/handlers.ts';
export type { Table, TableRow, ColumnDefinition, Cell, GenerateOptions } from './table/types.ts';
export { translateTimestampSince } from './table/types.ts';
export { printJSON } from './json.ts';
export { printYAML } from './yaml.ts';

// Models kubernetes/pkg/printers/storage/storage.go TableConvertor.ConvertToTable
/**
 * The server-side table of `objects` (all of one kind), as `kubectl get` receives it: the apiserver always
 * fills every column (Wide), and kubectl hides the priority-1 columns unless `-o wide`.
 */
export function buildTable(kind: string, objects: readonly KubeObject[], now: number): Table {
  const h = tableHandlerFor(kind);
  return { columnDefinitions: h.columns, rows: objects.flatMap((o) => h.print(o, { wide: true, now })) };
}

export interface PrintTableOptions extends Omit<PrintOptions, 'kind'> {
  /** Virtual now (Unix ms). */
  now: number;
}

/**
 * `kubectl get <kind>` output for `objects`, e.g. printTable('Pod', pods, { now }). Empty string when there
 * are no objects (kubectl then says "No resources found" on stderr).
 */
export function printTable(kind: string, objects: readonly KubeObject[], options: PrintTableOptions): string {
  const w = newTableTabWriter();
  const printer = new HumanReadablePrinter({ ...options, kind: kindWithGroup(kind) });
  printer.printObj(buildTable(kind, objects, options.now), w);
  w.flush();
  return w.take();
}
