// The human-readable printer of `kubectl get`: decorates a server-side Table (namespace, kind prefix, label
// columns) and writes it through the tabwriter, printing headers once per run of same-columned tables.
import { formatLabels } from '../../engine/index.ts';
import type { TabWriter } from './tabwriter.ts';
import type { Cell, ColumnDefinition, Table, TableRow } from './table/types.ts';

export interface PrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  /** Prefix names with the kind (`deployment.apps/web`): set when several kinds are printed, or --show-kind. */
  withKind?: boolean;
  /** Lower-case group kind for the prefix: `pod`, `deployment.apps`. */
  kind?: string;
  showLabels?: boolean;
  /** `-L key`: one column per label key. */
  columnLabels?: string[];
}

const cellBreakChars = /[\f\n\r]/;
const flushInterval = 100;
const utf8Length = (s: string) => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

const cellString = (c: Cell): string => (c === null ? '' : String(c));

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go formatLabelHeaders
function formatLabelHeaders(columnLabels: readonly string[]): string[] {
  return columnLabels.map((l) => (l.split('/').pop() ?? '').toUpperCase());
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go decorateTable
export function decorateTable(table: Table, options: PrintOptions): Table {
  const labelsCols = options.columnLabels ?? [];
  let columns = table.columnDefinitions;
  let nameColumn = -1;
  if (options.withKind && options.kind)
    nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  const widened = options.withNamespace || options.showLabels || labelsCols.length > 0;
  if (widened) {
    columns = [
      ...(options.withNamespace ? [{ name: 'Namespace', type: 'string', priority: 0 }] : []),
      ...columns,
      ...formatLabelHeaders(labelsCols).map((name): ColumnDefinition => ({
        name,
        type: 'string',
        priority: 0,
      })),
      ...(options.showLabels ? [{ name: 'Labels', type: 'string', priority: 0 }] : []),
    ];
  }
  const rows = table.rows.map((r): TableRow => {
    let cells = [...r.cells];
    if (nameColumn >= 0) cells[nameColumn] = `${options.kind}/${cellString(cells[nameColumn] ?? null)}`;
    const m = r.object.metadata;
    if (options.withNamespace) cells = [m?.namespace ?? '', ...cells];
    for (const key of labelsCols) cells.push(m?.labels?.[key] ?? '');
    if (options.showLabels) cells.push(formatLabels(m?.labels));
    return { object: r.object, cells };
  });
  return { columnDefinitions: columns, rows };
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go appendCellValue
function cellValue(val: string): string {
  const idx = val.search(cellBreakChars);
  return idx < 0 ? val : `${val.slice(0, idx)}...`;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go printTable
export function printTableTo(table: Table, w: TabWriter, options: PrintOptions): void {
  const defs = table.columnDefinitions;
  const visible = (c: ColumnDefinition) => options.wide || c.priority === 0;
  const maxCellWidths: number[] = defs.map(() => 0);
  for (const r of table.rows) {
    r.cells.forEach((cell, i) => {
      if (i >= defs.length || !visible(defs[i]!) || cell === null) return;
      maxCellWidths[i] = Math.max(maxCellWidths[i]!, utf8Length(cellString(cell)));
    });
  }
  let lastVisibleCol = -1;
  defs.forEach((c, i) => {
    if (visible(c)) lastVisibleCol = i;
  });

  if (!options.noHeaders) {
    if (table.rows.length === 0) return;
    const parts: string[] = [];
    defs.forEach((c, i) => {
      if (!visible(c)) return;
      const name = c.name.toUpperCase();
      const pad = i !== lastVisibleCol ? maxCellWidths[i]! - name.length : 0;
      parts.push(pad > 0 ? name + ' '.repeat(pad) : name);
    });
    w.write(`${parts.join('\t')}\n`);
  }

  const padFirstRow = !!options.noHeaders && table.rows.length > 0;
  table.rows.forEach((r, ri) => {
    const parts: string[] = [];
    r.cells.forEach((cell, i) => {
      if (i >= defs.length || !visible(defs[i]!)) return;
      const s = cell === null ? '' : cellString(cell);
      let text = cellValue(s);
      if (padFirstRow && ri === 0 && i !== lastVisibleCol) {
        const pad = maxCellWidths[i]! - utf8Length(s);
        if (pad > 0) text += ' '.repeat(pad);
      }
      parts.push(text);
    });
    w.write(`${parts.join('\t')}\n`);
    if ((ri + 1) % flushInterval === 0) w.flush();
  });
}

const sameColumns = (a: readonly ColumnDefinition[], b: readonly ColumnDefinition[] | undefined) =>
  !!b &&
  a.length === b.length &&
  a.every((c, i) => c.name === b[i]!.name && c.priority === b[i]!.priority && c.type === b[i]!.type);

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go HumanReadablePrinter
/** Prints tables one after another; headers are printed again only when the columns change. */
export class HumanReadablePrinter {
  private lastColumns: readonly ColumnDefinition[] | undefined;
  private printedHeaders = false;

  constructor(private readonly options: PrintOptions) {}

  /** With `eventType` (`--output-watch-events`), an EVENT column comes first. */
  printObj(table: Table, w: TabWriter, eventType?: string): void {
    const local: PrintOptions = { ...this.options };
    if (this.printedHeaders && sameColumns(table.columnDefinitions, this.lastColumns)) local.noHeaders = true;
    if (!sameColumns(table.columnDefinitions, this.lastColumns)) {
      this.lastColumns = table.columnDefinitions;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    let decorated = decorateTable(table, local);
    if (eventType) {
      decorated = {
        columnDefinitions: [{ name: 'Event', type: 'string', priority: 0 }, ...decorated.columnDefinitions],
        rows: decorated.rows.map((r) => ({
          object: r.object,
          cells: [formatEventType(eventType), ...r.cells],
        })),
      };
    }
    printTableTo(decorated, w, local);
  }
}

const formattedEventType: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go formatEventType
export function formatEventType(eventType: string): string {
  return formattedEventType[eventType] ?? eventType;
}
