// `-o custom-columns=HEADER:path,...`: one column per JSONPath expression, through the table tabwriter.
import { newTableTabWriter } from '../../printers/tabwriter.ts';
import { findJSONPathResults, relaxedJSONPathExpression } from '../../printers/jsonpath.ts';
import { goPrint } from '../../printers/template.ts';

export interface Column {
  header: string;
  fieldSpec: string;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go NewCustomColumnsPrinterFromSpec
/** Parses `NAME:.metadata.name,...`; returns an error message on a malformed spec. */
export function parseCustomColumns(spec: string): Column[] | string {
  if (spec.length === 0) return 'custom-columns format specified but no custom columns given';
  const columns: Column[] = [];
  for (const part of spec.split(',')) {
    const colon = part.split(':');
    if (colon.length !== 2)
      return `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    try {
      columns.push({ header: colon[0]!, fieldSpec: relaxedJSONPathExpression(colon[1]!) });
    } catch (e) {
      return (e as Error).message;
    }
  }
  return columns;
}

const cellText = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : goPrint(v));

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go CustomColumnsPrinter.PrintObj
export function printCustomColumns(
  columns: readonly Column[],
  objects: readonly unknown[],
  noHeaders: boolean,
): string {
  const w = newTableTabWriter();
  if (!noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`);
  for (const obj of objects) {
    const cells = columns.map((c) => {
      const values = findJSONPathResults(c.fieldSpec, obj);
      return values.length === 0 ? '<none>' : values.map(cellText).join(',');
    });
    w.write(`${cells.join('\t')}\n`);
  }
  w.flush();
  return w.take();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go NewCustomColumnsPrinterFromTemplate
/** A custom-columns file: a line of headers, then a line of JSONPath expressions. */
export function parseCustomColumnsFile(text: string): Column[] | string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2)
    return `unexpected template, expected header line followed by a line of field specs, found ${lines.length} lines`;
  const headers = lines[0]!.trim().split(/\s+/);
  const specs = lines[1]!.trim().split(/\s+/);
  if (headers.length !== specs.length)
    return `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`;
  try {
    return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPathExpression(specs[i]!) }));
  } catch (e) {
    return (e as Error).message;
  }
}
