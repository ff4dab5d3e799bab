// go-yaml v2 (a port of libyaml) reports syntax errors as `yaml: line N: <problem>`. We parse with the `yaml`
// package and translate its first error into the problem libyaml would report for the same input, and into
// go-yaml's line number: scanner errors name the 1-based line of the offending character, parser errors
// name libyaml's 0-based `problem_mark.line`, i.e. the line *before* the offending token (go-yaml's
// parser.fail). The mapping covers the mistakes people make in manifests (tabs, over- and under-indented
// keys, a stray `- item`, an unclosed quote); anything else falls back to the parser's generic problem.
import type { YAMLError } from 'yaml';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** The 1-based line of the first `: ` (or `:` at end of line) at or after `offset`, if any. */
function nextMappingColonLine(text: string, offset: number): number | undefined {
  const re = /:(?=[ \t\r\n]|$)/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? lineOf(text, m.index) : undefined;
}

/** go-yaml's line for the end of the stream: the number of line breaks, plus one. */
function endOfStreamLine(text: string): number {
  return lineOf(text, text.length);
}

/** `yaml: line N: <problem>` (go-yaml omits `line N: ` when N is 0). */
function format(line: number, problem: string): string {
  return line > 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`;
}

export function goYamlError(text: string, err: YAMLError): string {
  const offset = err.pos[0];
  const line = lineOf(text, offset);
  switch (err.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      // Scanner: a tab or a reserved indicator where a token must start.
      return format(line, 'found character that cannot start any token');
    case 'MULTILINE_IMPLICIT_KEY':
      // A plain scalar ran on into the next (more indented) line, then met `: `.
      return format(
        nextMappingColonLine(text, offset) ?? line,
        'mapping values are not allowed in this context',
      );
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (err.message.startsWith('Nested mappings')) {
        // `key: value: more`: a second `: ` on a line whose value already started.
        return format(
          nextMappingColonLine(text, offset) ?? line,
          'mapping values are not allowed in this context',
        );
      }
      // A `- item` where a mapping key was expected (parser error, reported one line early).
      return format(line - 1, 'did not find expected key');
    case 'BAD_INDENT':
      // A key dedented to a column that matches no enclosing mapping (parser error).
      return format(line - 1, 'did not find expected key');
    case 'MISSING_CHAR':
      if (/quote/i.test(err.message)) return format(endOfStreamLine(text), 'found unexpected end of stream');
      if (/map values/i.test(err.message)) {
        // A key without `:` at a mapping's indentation: the scanner notices on the next token.
        const rest = text.slice(offset);
        const nl = rest.indexOf('\n');
        const after = nl < 0 ? text.length : offset + nl + 1;
        const next = /[^\s#]/m.exec(text.slice(after));
        return format(
          next ? lineOf(text, after + next.index) : endOfStreamLine(text),
          "could not find expected ':'",
        );
      }
      return format(line, "did not find expected ',' or ']'");
    case 'UNEXPECTED_TOKEN':
      return format(line - 1, 'did not find expected key');
    default:
      return format(line - 1, 'did not find expected key');
  }
}
