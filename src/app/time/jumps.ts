// Time jumps: the learner moving the cursor instead of letting the clock run (scrub, step back, step forward,
// opening a shared moment). The runtime runs each one through `run`, so listeners hear about the jump once, with
// the picture before and after it, and can tell the frames a rebuild + replay flushes on the way (`active()`)
// from the frames normal playback produces.
import type { Frame } from '../../view/cluster/frame.ts';

export type JumpKind = 'seek' | 'back' | 'step';

export interface TimeJump {
  kind: JumpKind;
  /** Session time before and after the jump. */
  from: number;
  to: number;
  /** The picture before and after the jump. */
  before: Frame;
  after: Frame;
}

export type JumpListener = (jump: TimeJump) => void;

export interface Jumps {
  /** Runs `body` as one jump; a jump started inside another one is part of it. Listeners hear about it after. */
  run<T>(kind: JumpKind, body: () => T): T;
  /** True while a jump is running (the frames flushed now are intermediate or the jump's result). */
  active(): boolean;
  subscribe(listener: JumpListener): () => void;
}

export function createJumps(host: { now(): number; frame(): Frame }): Jumps {
  const listeners = new Set<JumpListener>();
  let depth = 0;
  return {
    run(kind, body) {
      if (depth > 0) return body();
      const from = host.now();
      const before = host.frame();
      depth++;
      let result;
      try {
        result = body();
      } finally {
        depth--;
      }
      const jump: TimeJump = { kind, from, to: host.now(), before, after: host.frame() };
      for (const l of [...listeners]) {
        try {
          l(jump);
        } catch (e) {
          // A listener (the live region, the hash) must not turn a jump into an error for the learner.
          console.error('[time-jump] listener failed', e);
        }
      }
      return result;
    },
    active: () => depth > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
