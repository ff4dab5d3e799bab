// `-o go-template=...` / `--template`: kubectl's GoTemplatePrinter over Go's text/template (gotemplate/),
// executed on the object as JSON-decoded data, with kubectl's error texts and debugging output.
import { ExecError, INVALID, State, builtinNames } from './gotemplate/exec.ts';
import { ParseError, parseTemplate } from './gotemplate/parse.ts';
import { goJSON, goPrint, goQuote } from './gofmt.ts';
import { PrinterError } from './errors.ts';

export { goFloat, goPrint } from './gofmt.ts';

/** A template that failed to execute: `output` is what it printed before failing. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
  }
}

type Parsed = ReturnType<typeof parseTemplate>;

/** Parses a template named `output`, as kubectl names it; returns the parse error text on failure. */
function parse(text: string): Parsed | string {
  try {
    return parseTemplate('output', text, builtinNames);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
}

function execute(tree: Parsed, data: unknown, allowMissingKeys: boolean): string {
  const out: string[] = [];
  const root = data === null || data === undefined ? INVALID : { v: data, boxed: false };
  const state = new State(
    'output',
    tree.text,
    out,
    { missingKeyError: !allowMissingKeys, defined: tree.defined },
    root,
  );
  try {
    state.walk(root, tree.root);
  } catch (e) {
    if (e instanceof ExecError) throw new TemplateError(e.message, out.join(''));
    throw e;
  }
  return out.join('');
}

/** Executes a Go template against the object's JSON form. Throws TemplateError. */
export function executeGoTemplate(template: string, obj: unknown, allowMissingKeys = true): string {
  const tree = parse(template);
  if (typeof tree === 'string') throw new TemplateError(tree);
  return execute(tree, JSON.parse(JSON.stringify(obj)) as unknown, allowMissingKeys);
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/template.go NewGoTemplatePrinter + PrintObj
/** The printer for `text`, or the parse error (`template: output:1: unclosed action`). */
export function newGoTemplatePrinter(
  text: string,
  allowMissingKeys: boolean,
): ((obj: unknown) => string) | string {
  const tree = parse(text);
  if (typeof tree === 'string') return tree;
  return (obj) => {
    const raw = goJSON(obj);
    const data = JSON.parse(JSON.stringify(obj)) as unknown;
    try {
      return execute(tree, data, allowMissingKeys);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const debug =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${text}\n` +
        `\traw data was:\n\t\t${raw}\n` +
        `\tobject given to template engine was:\n\t\t${goPrint(data)}\n\n`;
      throw new PrinterError(`error executing template ${goQuote(text)}: ${e.message}`, e.output + debug);
    }
  };
}
