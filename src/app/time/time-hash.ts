// Keeps the moment in the URL hash (`#/<scenario>/<step>?t=<seconds>`, tutorial/hash.ts) so an instructor can
// share it: written when the learner pauses, and once a seek settles (a scrubber drag writes once, not per input
// event: browsers limit history.replaceState calls). Playing or changing step writes the hash without `t`.
import { formatHash } from '../tutorial/hash.ts';
import type { Timers } from './jump-announcer.ts';

export const HASH_SETTLE_MS = 300;

export interface TimeHashOptions {
  write(hash: string): void;
  scenario: string;
  /** The tutorial step shown now (0-based). */
  step(): number;
  timers?: Timers;
  settleMs?: number;
}

export interface TimeHash {
  /** The cursor stopped at session time `ms` (a pause): written now. */
  mark(ms: number): void;
  /** The cursor was moved to `ms` by a seek or step: written once no other move follows for a moment. */
  markSoon(ms: number): void;
  /** No single moment to share (playing, another step): the hash without `t`. */
  clear(): void;
  dispose(): void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => globalThis.setTimeout(fn, ms),
  clear: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createTimeHash(opts: TimeHashOptions): TimeHash {
  const timers = opts.timers ?? defaultTimers;
  const settleMs = opts.settleMs ?? HASH_SETTLE_MS;
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const write = (timeMs?: number) => {
    const route = { kind: 'scenario', scenario: opts.scenario, step: opts.step() } as const;
    opts.write(
      formatHash(timeMs === undefined ? route : { ...route, timeMs: Math.max(0, Math.round(timeMs)) }),
    );
  };
  return {
    mark(ms) {
      cancel();
      write(ms);
    },
    markSoon(ms) {
      cancel();
      timer = timers.set(() => {
        timer = null;
        write(ms);
      }, settleMs);
    },
    clear() {
      cancel();
      write();
    },
    dispose: cancel,
  };
}
