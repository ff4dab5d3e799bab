// XState's clock interface on the virtual clock: what an XState actor uses for `after:` delays. The engine steps its
// pod machines with clock/machine-runner.ts; this adapter is for running a machine as a real XState actor
// (machine-runner.test.ts compares the two).
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
