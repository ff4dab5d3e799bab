// The requestAnimationFrame driver (RaftScope's presenter): wall milliseconds × speed become virtual
// milliseconds handed to cluster.advanceTo. The engine never sees wall time; this is the only place that does.
import type { Cluster } from '../../engine/index.ts';
import type { AppStore } from '../store/store.ts';

export type PlaybackCluster = Pick<Cluster, 'advanceTo' | 'nextEventTime' | 'now' | 'step'>;

export interface PlaybackOptions {
  store: AppStore;
  cluster(): PlaybackCluster;
  /** Called after every advance: poll running commands, flush the frame, evaluate checks. */
  afterAdvance(): void;
  /** A cheap fingerprint of what the learner sees; `step` stops at the first timer that changes it. */
  signature(): string;
  /** A failure inside one frame pauses playback and is reported here instead of escaping the loop. */
  onError?: (e: unknown) => void;
  requestFrame: (cb: (ts: number) => void) => number;
  cancelFrame: (id: number) => void;
}

export interface Playback {
  start(): void;
  /** One animation frame at wall time `ts` (exposed for tests). */
  tick(ts: number): void;
  /** Pauses and advances to the next moment the picture changes (at most STEP_LIMIT_MS of virtual time ahead). */
  step(): boolean;
  /** Advances by `ms` of virtual time at once (tests, bench, catch-up). */
  advanceBy(ms: number): void;
  /** Stops the animation-frame loop (start() resumes it). */
  stop(): void;
  dispose(): void;
}

/** A long pause (a hidden tab) must not jump the cluster minutes ahead: one frame counts at most this much. */
export const MAX_FRAME_MS = 100;
export const STEP_LIMIT_MS = 60 * 1000;

export function createPlayback(opts: PlaybackOptions): Playback {
  const raf = opts.requestFrame;
  const caf = opts.cancelFrame;
  let last: number | null = null;
  let carry = 0;
  let handle: number | null = null;
  let disposed = false;

  const loop = (ts: number) => {
    if (disposed) return;
    try {
      playback.tick(ts);
    } catch (e) {
      opts.store.getState().setPlaying(false);
      opts.onError?.(e);
    }
    handle = raf(loop);
  };

  const stepToChange = (): boolean => {
    const c = opts.cluster();
    const limit = c.now() + STEP_LIMIT_MS;
    const before = opts.signature();
    let moved = false;
    for (let i = 0; i < 5000; i++) {
      const t = c.nextEventTime();
      if (t === undefined || t > limit) break;
      c.step(limit);
      moved = true;
      if (opts.signature() !== before) {
        // Let everything else due at this instant happen too.
        c.advanceTo(c.now());
        break;
      }
    }
    if (moved) opts.afterAdvance();
    return moved;
  };

  const playback: Playback = {
    start() {
      if (handle === null && !disposed) handle = raf(loop);
    },
    tick(ts) {
      const { playing, speed } = opts.store.getState();
      const dt = last === null ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, ts - last));
      last = ts;
      if (!playing) {
        carry = 0;
        return;
      }
      carry += dt * speed;
      const whole = Math.floor(carry);
      if (whole <= 0) return;
      carry -= whole;
      const c = opts.cluster();
      c.advanceTo(c.now() + whole);
      opts.afterAdvance();
    },
    step() {
      opts.store.getState().setPlaying(false);
      try {
        return stepToChange();
      } catch (e) {
        opts.onError?.(e);
        return false;
      }
    },
    advanceBy(ms) {
      const c = opts.cluster();
      c.advanceTo(c.now() + ms);
      opts.afterAdvance();
    },
    stop() {
      if (handle !== null) caf(handle);
      handle = null;
      last = null;
    },
    dispose() {
      disposed = true;
      playback.stop();
    },
  };
  return playback;
}
