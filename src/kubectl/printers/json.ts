// `-o json`: kubectl prints unstructured objects with encoding/json's MarshalIndent (4 spaces), which sorts
// map keys bytewise and escapes <, > and & for HTML.

// Models golang encoding/json encode.go appendString (with HTML escaping)
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function encode(v: unknown, indent: string, level: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  const nl = indent ? `\n${indent.repeat(level + 1)}` : '';
  const end = indent ? `\n${indent.repeat(level)}` : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + encode(x, indent, level + 1)).join(',')}${end}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(byteOrder);
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => `${nl}${goQuote(k)}${sep}${encode(o[k], indent, level + 1)}`).join(',')}${end}}`;
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/json.go JSONPrinter.PrintObj
export function printJSON(obj: unknown): string {
  return `${encode(obj, '    ', 0)}\n`;
}

/** encoding/json Marshal: compact, sorted keys, HTML-escaped. */
export function printJSONCompact(obj: unknown): string {
  return encode(obj, '', 0);
}
