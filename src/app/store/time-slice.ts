// Playback state: whether virtual time runs, how fast, and where it is.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32] as const;

export interface TimeSlice {
  playing: boolean;
  speed: number;
  /** Virtual milliseconds since the cluster started. */
  elapsedMs: number;
  /** The span one can scrub: from the origin (after any catch-up) to the latest moment reached. */
  originMs: number;
  horizonMs: number;
  /** Bumped when the timeline's marks or inputs change. */
  timelineVersion: number;
  setPlaying(playing: boolean): void;
  setTimeline(originMs: number, horizonMs: number, version: number): void;
  setSpeed(speed: number): void;
  setElapsed(ms: number): void;
}

export const createTimeSlice: StateCreator<AppState, [], [], TimeSlice> = (set) => ({
  playing: true,
  speed: 1,
  elapsedMs: 0,
  originMs: 0,
  horizonMs: 0,
  timelineVersion: 0,
  setPlaying: (playing) => set({ playing }),
  setTimeline: (originMs, horizonMs, timelineVersion) => set({ originMs, horizonMs, timelineVersion }),
  setSpeed: (speed) => set({ speed }),
  setElapsed: (elapsedMs) => set({ elapsedMs }),
});

/** The next speed up or down the ladder (`[` and `]`). */
export function nextSpeed(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + dir))]!;
}

/** `t=02:35` (or `t=1:02:35` past an hour). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `t=${h}:${mm}:${ss}` : `t=${mm}:${ss}`;
}
