// Reading manifests as kubectl does: apimachinery's YAMLOrJSONDecoder splits a stream into documents at
// `---` lines, and sigs.k8s.io/yaml converts each YAML document to JSON with go-yaml v2 (YAML 1.1).
// Syntax errors are reported in go-yaml's words, with its line numbers (see yaml-errors.ts).
import { parseDocument, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import { goYamlError } from './yaml-errors.ts';

/** One decoded document: its JSON value (null documents are skipped, as kubectl does). */
export interface RawDocument {
  value: unknown;
}

export interface DecodedStream {
  docs: RawDocument[];
  /** The error that stopped decoding (`error converting YAML to JSON: yaml: line 4: ...`), if any. */
  error?: string;
}

const yamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  // go-yaml v2 keeps timestamps as strings when decoding into interface{}.
  customTags: (tags) =>
    tags.filter((t) => typeof t === 'object' && 'tag' in t && t.tag !== 'tag:yaml.org,2002:timestamp'),
};

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder.go YAMLReader.Read
/** Splits a YAML stream into documents the way YAMLReader does (separator lines are dropped). */
export function splitYAMLDocuments(text: string): string[] | string {
  const docs: string[] = [];
  let buf = '';
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const line of lines) {
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') return `invalid Yaml document separator: ${trimmed}`;
      if (buf.length > 0) docs.push(buf);
      buf = '';
      continue;
    }
    buf += line;
  }
  if (buf.length > 0) docs.push(buf);
  return docs;
}

/** Converts a parsed YAML value to what JSON marshalling of go-yaml's result gives (string keys). */
function toJSONValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(toJSONValue);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v) out[String(k)] = toJSONValue(val);
    return out;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = toJSONValue(val);
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function isJSONStream(text: string): boolean {
  return /^\s*\{/.test(text);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/yaml/decoder.go YAMLOrJSONDecoder.Decode
export function decodeStream(text: string): DecodedStream {
  const docs: RawDocument[] = [];
  if (isJSONStream(text)) {
    try {
      docs.push({ value: JSON.parse(text) as unknown });
      return { docs };
    } catch (e) {
      return { docs, error: e instanceof SyntaxError ? e.message : String(e) };
    }
  }
  const chunks = splitYAMLDocuments(text);
  if (typeof chunks === 'string') return { docs, error: chunks };
  for (const chunk of chunks) {
    const doc = parseDocument(chunk, yamlOptions);
    if (doc.errors.length > 0) {
      return { docs, error: `error converting YAML to JSON: ${goYamlError(chunk, doc.errors[0]!)}` };
    }
    const value = toJSONValue(doc.toJS({ maxAliasCount: -1 }));
    if (value === null) continue;
    docs.push({ value });
  }
  return { docs };
}
