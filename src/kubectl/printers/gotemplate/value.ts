// reflect.Value as text/template sees JSON-decoded data: a value with its static type (read out of a
// map[string]interface {} or []interface {}, it is boxed in an interface), or the invalid zero Value.
import { goTypeName, isTyped } from '../gofmt.ts';

/**
 * A reflect.Value: invalid (a missing map key, `<no value>`), or a value with its static type. A value read
 * out of a map or slice of interface {} is `boxed` (type interface {}), as reflect hands it out.
 */
export type Value = { invalid: true } | { invalid?: false; v: unknown; boxed: boolean };

export const INVALID: Value = { invalid: true };
export const MISSING: Value = { invalid: false, v: Symbol('missing'), boxed: false };
export const val = (v: unknown): Value => (v === null || v === undefined ? INVALID : { v, boxed: false });
export const boxed = (v: unknown): Value => ({ v: v ?? null, boxed: true });
export const isMissing = (x: Value) => x === MISSING;

/** {{break}} and {{continue}} unwinding to their {{range}}. */
export class LoopSignal extends Error {}
export const BREAK = new LoopSignal('break');
export const CONTINUE = new LoopSignal('continue');

export const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !isTyped(v);

export type Kind = 'invalid' | 'interface' | 'string' | 'int' | 'float' | 'bool' | 'map' | 'slice';

export function kindOf(x: Value): Kind {
  if (x.invalid) return 'invalid';
  if (x.boxed) return 'interface';
  const v = x.v;
  if (isTyped(v)) return v.goType === 'int' ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

export function typeName(x: Value): string {
  if (x.invalid) return '<invalid reflect.Value>';
  return x.boxed ? 'interface {}' : goTypeName(x.v);
}

/** The value inside an interface (the zero Value for a nil interface). */
export function indirectInterface(x: Value): Value {
  if (!x.invalid && x.boxed) return val(x.v);
  return x;
}

/** Through interfaces; `isNil` when one is nil. */
export function indirect(x: Value): [Value, boolean] {
  if (!x.invalid && x.boxed) return x.v === null ? [x, true] : [val(x.v), false];
  return [x, false];
}

export const numOf = (x: Value): number => {
  const v = (x as { v: unknown }).v;
  return isTyped(v) ? v.value : (v as number);
};

/** What fmt receives for a value (Interface()): Typed numbers for ints, the JSON value otherwise. */
export function iface(x: Value): unknown {
  if (x.invalid) return undefined;
  return x.v;
}

// Models golang text/template exec.go isTrue
export function isTrue(x: Value): [boolean, boolean] {
  if (x.invalid) return [false, true];
  switch (kindOf(x)) {
    case 'interface':
      return [x.v !== null, true];
    case 'string':
      return [(x.v as string).length > 0, true];
    case 'slice':
      return [(x.v as unknown[]).length > 0, true];
    case 'map':
      return [Object.keys(x.v as object).length > 0, true];
    case 'bool':
      return [x.v as boolean, true];
    case 'int':
    case 'float':
      return [numOf(x) !== 0, true];
    default:
      return [false, false];
  }
}

export const truth = (x: Value) => isTrue(indirectInterface(x))[0];
