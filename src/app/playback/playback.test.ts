import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { createPlayback, MAX_FRAME_MS, type PlaybackCluster } from './playback.ts';

/** A fake cluster whose timers are a sorted list of deadlines; `visible` deadlines change the picture. */
function fakeCluster(deadlines: number[], visible: number[] = deadlines) {
  let now = 0;
  let shown = 0;
  const pending = [...deadlines].sort((a, b) => a - b);
  const c: PlaybackCluster & { shown(): number; nowMs(): number } = {
    now: () => now,
    nextEventTime: () => pending[0],
    step: (limit = Infinity) => {
      const t = pending[0];
      if (t === undefined || t > limit) return false;
      pending.shift();
      now = Math.max(now, t);
      if (visible.includes(t)) shown++;
      return true;
    },
    advanceTo: (t) => {
      while (c.step(t));
      now = Math.max(now, t);
      return false;
    },
    shown: () => shown,
    nowMs: () => now,
  };
  return c;
}

function setup(deadlines: number[] = [], visible?: number[]) {
  const store = createAppStore();
  const cluster = fakeCluster(deadlines, visible);
  let advances = 0;
  const playback = createPlayback({
    store,
    cluster: () => cluster,
    afterAdvance: () => advances++,
    signature: () => String(cluster.shown()),
    requestFrame: () => 1,
    cancelFrame: () => {},
  });
  return { store, cluster, playback, advances: () => advances };
}

describe('playback', () => {
  it('maps wall milliseconds × speed to virtual time', () => {
    const { store, cluster, playback } = setup();
    store.getState().setSpeed(4);
    playback.tick(1000);
    playback.tick(1016);
    playback.tick(1032);
    expect(cluster.nowMs()).toBe(32 * 4);
  });

  it('keeps fractional virtual time between frames at ¼×', () => {
    const { store, cluster, playback } = setup();
    store.getState().setSpeed(0.25);
    playback.tick(0);
    for (let i = 1; i <= 10; i++) playback.tick(i * 10);
    expect(cluster.nowMs()).toBe(25);
  });

  it('does not advance while paused, nor catch up afterwards', () => {
    const { store, cluster, playback, advances } = setup();
    store.getState().setPlaying(false);
    playback.tick(0);
    playback.tick(5000);
    expect(cluster.nowMs()).toBe(0);
    expect(advances()).toBe(0);
    store.getState().setPlaying(true);
    playback.tick(5016);
    expect(cluster.nowMs()).toBe(16);
  });

  it('caps one frame after a long gap (hidden tab)', () => {
    const { cluster, playback } = setup();
    playback.tick(0);
    playback.tick(60_000);
    expect(cluster.nowMs()).toBe(MAX_FRAME_MS);
  });

  it('step pauses and stops at the first timer that changes the picture', () => {
    const { store, cluster, playback } = setup([1000, 2000, 3000, 3000, 9000], [3000, 9000]);
    expect(playback.step()).toBe(true);
    expect(store.getState().playing).toBe(false);
    expect(cluster.nowMs()).toBe(3000);
    expect(cluster.nextEventTime()).toBe(9000);
    playback.step();
    expect(cluster.nowMs()).toBe(9000);
    expect(playback.step()).toBe(false);
  });
});
