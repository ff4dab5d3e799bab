// What the apiserver's decoder does with a request body (sigs.k8s.io/json into the typed object):
// a scalar of the wrong JSON type is an error (`json: cannot unmarshal ...`); unknown fields are an error with
// `fieldValidation=Strict` (kubectl's default `--validate=strict`), a warning with `Warn`, and silently
// dropped with `Ignore` (server-side field validation, KEP-2885).
import { ANY, QMAP, SMAP, schemas, type SchemaNode, type StructNode } from './schema.ts';

export type ValidationDirective = 'Strict' | 'Warn' | 'Ignore';

export interface FieldCheck {
  /** Unknown field paths in the order the decoder meets them (JSON keys sorted, as kubectl sends them). */
  unknown: string[];
  /** The first type mismatch (`json: cannot unmarshal number into Go struct field ...`), if any. */
  typeError?: string;
  /** The object with the unknown fields removed (what the server stores). */
  pruned: unknown;
}

interface Walk {
  unknown: string[];
  typeError?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isStruct(node: SchemaNode): node is StructNode {
  return typeof node === 'object' && !Array.isArray(node);
}

/** The JSON kind as encoding/json names it in an UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

/** The Go type a schema node decodes into, for error texts. */
function goType(node: SchemaNode): string {
  if (node === SMAP) return 'map[string]string';
  if (node === QMAP) return 'map[string]resource.Quantity';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return `[]${goType(node[0]!)}`;
  if (isStruct(node)) return `v1.${node.$}`;
  return 'interface {}';
}

// Models sigs.k8s.io/json/internal/golang/encoding/json decode.go literalStore (the type checks)
function scalarMismatch(node: SchemaNode, v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  switch (node) {
    case 'string':
      return typeof v === 'string' ? undefined : jsonKind(v);
    case 'bool':
      return typeof v === 'boolean' ? undefined : jsonKind(v);
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') return jsonKind(v);
      const max = node === 'int32' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
      return Number.isInteger(v) && Math.abs(v) <= max ? undefined : `number ${String(v)}`;
    }
    default:
      return undefined;
  }
}

function walk(
  node: SchemaNode,
  value: unknown,
  path: string,
  fields: string[],
  struct: string,
  w: Walk,
): unknown {
  const mismatch = (kind: string, type: string) => {
    w.typeError ??= `json: cannot unmarshal ${kind} into Go struct field ${struct}.${fields.join('.')} of type ${type}`;
  };
  if (node === ANY || value === null || value === undefined) return value;
  if (typeof node === 'string') {
    const m = scalarMismatch(node, value);
    if (m) mismatch(m, node);
    return value;
  }
  if (node === SMAP || node === QMAP) {
    if (!isObject(value)) {
      mismatch(jsonKind(value), goType(node));
      return value;
    }
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (v === null) continue;
      if (node === SMAP && typeof v !== 'string') mismatch(jsonKind(v), 'string');
    }
    return value;
  }
  if (Array.isArray(node)) {
    if (!Array.isArray(value)) {
      mismatch(jsonKind(value), goType(node));
      return value;
    }
    return value.map((item, i) => walk(node[0]!, item, `${path}[${i}]`, fields, struct, w));
  }
  if (!isObject(value)) {
    mismatch(jsonKind(value), goType(node));
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = key === '$' ? undefined : (node[key] as SchemaNode | undefined);
    const childPath = path ? `${path}.${key}` : key;
    if (child === undefined) {
      w.unknown.push(childPath);
      continue;
    }
    out[key] = walk(child, value[key], childPath, [...fields, key], node.$, w);
  }
  // Keep the caller's key order for what remains.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key in out) ordered[key] = out[key];
  return ordered;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go Serializer.Decode (strict)
export function checkFields(kind: string, obj: unknown): FieldCheck {
  const schema = schemas[kind];
  if (!schema) return { unknown: [], pruned: obj };
  const w: Walk = { unknown: [] };
  const pruned = walk(schema, obj, '', [], schema.$, w);
  return { unknown: w.unknown, pruned, ...(w.typeError ? { typeError: w.typeError } : {}) };
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/runtime/error.go strictDecodingError.Error
export function strictDecodingError(unknown: readonly string[]): string {
  return `strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetValidationDirective
/** The directive, or the error text for an unknown value. */
export function validationDirective(value: string): ValidationDirective | { error: string } {
  switch (value.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
    default:
      return {
        error: `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
      };
  }
}
