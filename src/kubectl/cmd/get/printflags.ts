// Which printer `-o`/`--template` select, and the printers that print whole objects (json, yaml, name,
// jsonpath, go-template, custom-columns), with kubectl's errors for unknown formats and bad templates.
import { kindWithGroup, type KubeObject } from '../../../engine/index.ts';
import { printJSON } from '../../printers/json.ts';
import { printYAML } from '../../printers/yaml.ts';
import { newJSONPathPrinter } from '../../printers/jsonpath.ts';
import { newGoTemplatePrinter } from '../../printers/template.ts';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './customcolumn.ts';

export type OutputMode =
  | { human: true; wide: boolean }
  | { human: false; print: (obj: KubeObject) => string; name?: 'yaml' | 'json' | 'name' | 'other' };

export { PrinterError as PrintError } from '../../printers/errors.ts';

const items = (obj: KubeObject): KubeObject[] =>
  obj.kind === 'List' ? ((obj as unknown as { items?: KubeObject[] }).items ?? []) : [obj];

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/name.go NamePrinter.PrintObj
export function printName(obj: KubeObject): string {
  return items(obj)
    .map((o) => `${kindWithGroup(o.kind ?? '')}/${o.metadata?.name ?? ''}\n`)
    .join('');
}

export interface PrintFlagValues {
  output: string;
  template: string;
  noHeaders: boolean;
  allowMissingTemplateKeys: boolean;
  readFile: (path: string) => string | undefined;
  /** `kubectl get` adds the table printers (wide, custom-columns); other commands do not. */
  forGet?: boolean;
}

/** A printer family's answer: a printer, an error message, or "not mine" (NoCompatiblePrinterError). */
type Attempt = OutputMode | string | undefined;

const jsonFormats = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const templateFormats = ['go-template', 'go-template-file', 'template', 'templatefile'];
const columnsFormats = ['custom-columns', 'custom-columns-file'];

/** The format and its argument: `-o jsonpath={.a}`, or `-o jsonpath --template {.a}`. */
function splitFormat(output: string, template: string, formats: readonly string[]): [string, string] {
  if (template !== '') return [output, template];
  for (const f of formats) if (output.startsWith(`${f}=`)) return [f, output.slice(f.length + 1)];
  return [output, ''];
}

function readTemplateFile(f: PrintFlagValues, path: string): string | { error: string } {
  const text = f.readFile(path);
  return text ?? { error: `error reading --template ${path}, open ${path}: no such file or directory` };
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/genericclioptions/jsonpath_flags.go JSONPathPrintFlags.ToPrinter
function jsonPathPrinter(f: PrintFlagValues, outputFormat: string): Attempt {
  if (f.template === '' && outputFormat === '') return undefined;
  const [format, value] = splitFormat(outputFormat, f.template, jsonFormats);
  if (!jsonFormats.includes(format)) return undefined;
  if (value === '') return 'template format specified but no template given';
  let text = value;
  if (format === 'jsonpath-file') {
    const read = readTemplateFile(f, value);
    if (typeof read !== 'string') return read.error;
    text = read;
  }
  const p = newJSONPathPrinter(text, f.allowMissingTemplateKeys, format === 'jsonpath-as-json');
  if (typeof p === 'string') return `error parsing jsonpath ${text}, ${p}`;
  return { human: false, print: p };
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/genericclioptions/template_flags.go GoTemplatePrintFlags.ToPrinter
function goTemplatePrinter(f: PrintFlagValues, outputFormat: string): Attempt {
  if (f.template === '' && outputFormat === '') return undefined;
  const [format, value] = splitFormat(outputFormat, f.template, templateFormats);
  if (!templateFormats.includes(format)) return undefined;
  if (value === '') return 'template format specified but no template given';
  let text = value;
  if (format === 'templatefile' || format === 'go-template-file') {
    const read = readTemplateFile(f, value);
    if (typeof read !== 'string') return read.error;
    text = read;
  }
  const p = newGoTemplatePrinter(text, f.allowMissingTemplateKeys);
  if (typeof p === 'string') return `error parsing template ${text}, ${p}`;
  return { human: false, print: p };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn_flags.go CustomColumnsPrintFlags.ToPrinter
function customColumnsPrinter(f: PrintFlagValues, outputFormat: string): Attempt {
  if (outputFormat === '') return undefined;
  const [format, value] = splitFormat(outputFormat, f.template, columnsFormats);
  if (!columnsFormats.includes(format)) return undefined;
  if (value === '') return 'custom-columns format specified but no custom columns given';
  let cols;
  if (format === 'custom-columns-file') {
    const text = f.readFile(value);
    if (text === undefined)
      return `error reading template ${value}, open ${value}: no such file or directory\n`;
    cols = parseCustomColumnsFile(text);
  } else {
    cols = parseCustomColumns(value);
  }
  if (typeof cols === 'string') return cols;
  const columns = cols;
  return { human: false, print: (obj) => printCustomColumns(columns, items(obj), f.noHeaders) };
}

function jsonYamlPrinter(outputFormat: string): Attempt {
  switch (outputFormat.toLowerCase()) {
    case 'json':
      return { human: false, print: printJSON, name: 'json' };
    case 'yaml':
      return { human: false, print: printYAML, name: 'yaml' };
    default:
      return undefined;
  }
}

const namePrinter = (outputFormat: string): Attempt =>
  outputFormat === 'name' ? { human: false, print: printName, name: 'name' } : undefined;

function allowedFormats(forGet: boolean): string[] {
  const formats = ['json', 'yaml', 'name', ...jsonFormats, ...templateFormats];
  if (forGet) formats.push(...columnsFormats, 'wide');
  return formats.sort();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get_flags.go PrintFlags.ToPrinter
// (and, without forGet, cli-runtime genericclioptions/print_flags.go PrintFlags.ToPrinter)
/** The printer `-o`/`--template` select, or the error message kubectl prints after `error: `. */
export function toPrinter(f: PrintFlagValues): OutputMode | string {
  const forGet = f.forGet ?? true;
  let outputFormat = f.output;
  if (f.template !== '' && outputFormat === '') outputFormat = 'go-template';
  const attempts: ((format: string) => Attempt)[] = forGet
    ? [
        (o) => jsonPathPrinter(f, o) ?? goTemplatePrinter(f, o),
        jsonYamlPrinter,
        (o) =>
          o === '' ? { human: true, wide: false } : o === 'wide' ? { human: true, wide: true } : undefined,
        (o) => customColumnsPrinter(f, o),
        namePrinter,
      ]
    : [jsonYamlPrinter, namePrinter, (o) => jsonPathPrinter(f, o) ?? goTemplatePrinter(f, o)];
  for (const attempt of attempts) {
    const r = attempt(outputFormat);
    if (r !== undefined) return r;
  }
  return `unable to match a printer suitable for the output format ${JSON.stringify(outputFormat)}, allowed formats are: ${allowedFormats(forGet).join(',')}`;
}
