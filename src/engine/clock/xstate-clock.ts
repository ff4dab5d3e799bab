import type { VirtualClock } from './clock.ts';

/** XState's Clock interface (setTimeout/clearTimeout), structurally; xstate does not export the type. */
export interface XStateClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/** XState's clock implemented on the engine's virtual clock, so `after:` delays run in virtual time. */
export function xstateClock(clock: VirtualClock): XStateClock {
  return {
    setTimeout: (fn, timeout) => clock.setTimeout(() => fn(), timeout),
    clearTimeout: (id) => clock.clearTimeout(id as number),
  };
}
