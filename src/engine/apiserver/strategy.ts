// Per-kind behaviour of the apiserver's registry: defaulting, validation, and what counts as a spec change.
import type { KubeObject } from '../api/types.ts';
import type { FieldError } from './errors.ts';

export interface StrategyContext {
  /** Random name suffixes and uids come from the engine RNG. */
  randString(n: number): string;
  now(): number;
}

export interface Strategy<T extends KubeObject = KubeObject> {
  /**
   * Defaulting and admission on create (apps/v1 defaults, DefaultTolerationSeconds, IP allocation ...).
   * Mutates `obj`; may return field errors (e.g. an IP already allocated).
   */
  prepareForCreate?(obj: T, ctx: StrategyContext): void | FieldError[];
  /** Gives back what prepareForCreate allocated, when the object is not stored after all or is deleted. */
  release?(obj: T): void;
  validate?(obj: T): FieldError[];
  /** Defaulting on update. Mutates `obj`; `old` is the stored object. */
  prepareForUpdate?(obj: T, old: T, ctx: StrategyContext): void;
  validateUpdate?(obj: T, old: T): FieldError[];
  /** Whether metadata.generation tracks spec changes. */
  generation?: boolean;
}
