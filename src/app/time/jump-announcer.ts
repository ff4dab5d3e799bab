// Decides when the live region speaks (LiveRegion.tsx renders what `say` gets):
// - normal playback: cluster facts, at most one announcement per THROTTLE_MS (the last three facts kept);
// - a time jump: its announcement replaces the facts queued before it (they describe a moment no longer shown),
//   and waits until the learner has stopped for SETTLE_MS, so a scrubber drag or a held arrow key is said once,
//   at its final position. Facts that arrive while a jump is settling are dropped for the same reason.
import { mergeJumps } from './jump-text.ts';
import type { TimeJump } from './jumps.ts';

export const THROTTLE_MS = 1500;
export const SETTLE_MS = 400;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface JumpAnnouncerOptions {
  say(text: string): void;
  /** The (merged) jump in the learner's current language, called only when it is said. */
  describe(jump: TimeJump): string;
  timers?: Timers;
  throttleMs?: number;
  settleMs?: number;
}

export interface JumpAnnouncer {
  /** Announcements of normal playback (already translated). */
  facts(messages: readonly string[]): void;
  /** A finished jump. */
  jump(jump: TimeJump): void;
  dispose(): void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => globalThis.setTimeout(fn, ms),
  clear: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createJumpAnnouncer(opts: JumpAnnouncerOptions): JumpAnnouncer {
  const timers = opts.timers ?? defaultTimers;
  const throttleMs = opts.throttleMs ?? THROTTLE_MS;
  const settleMs = opts.settleMs ?? SETTLE_MS;
  let pending: string[] = [];
  let factsTimer: unknown = null;
  let burst: TimeJump[] = [];
  let jumpTimer: unknown = null;

  const dropFacts = () => {
    if (factsTimer !== null) timers.clear(factsTimer);
    factsTimer = null;
    pending = [];
  };

  return {
    facts(messages) {
      if (messages.length === 0 || jumpTimer !== null) return;
      pending = [...pending, ...messages].slice(-3);
      if (factsTimer !== null) return;
      factsTimer = timers.set(() => {
        factsTimer = null;
        const text = pending.join(' ');
        pending = [];
        opts.say(text);
      }, throttleMs);
    },
    jump(jump) {
      dropFacts();
      burst.push(jump);
      if (jumpTimer !== null) timers.clear(jumpTimer);
      jumpTimer = timers.set(() => {
        jumpTimer = null;
        const merged = mergeJumps(burst);
        burst = [];
        if (merged) opts.say(opts.describe(merged));
      }, settleMs);
    },
    dispose() {
      dropFacts();
      if (jumpTimer !== null) timers.clear(jumpTimer);
      jumpTimer = null;
      burst = [];
    },
  };
}
