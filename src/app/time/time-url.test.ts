// The runtime's time jumps end to end: opening a shared moment, scrubbing, stepping, and the hash they write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../runtime.ts';
import type { TimeJump } from './jumps.ts';
import { HASH_SETTLE_MS } from './time-hash.ts';

function setup(step: number, timeMs?: number) {
  const hashes: string[] = [];
  const r = createRuntime({
    scenarioId: 'deployment-basics',
    step,
    setHash: (h) => hashes.push(h),
    ...(timeMs === undefined ? {} : { timeMs }),
  });
  const jumps: TimeJump[] = [];
  r.jumps.subscribe((j) => jumps.push(j));
  return { r, hashes, jumps };
}

const readyPods = (r: ReturnType<typeof createRuntime>) =>
  r.store
    .getState()
    .frame.pods.filter((p) => p.ready && !p.terminating)
    .map((p) => p.revision);

describe('time in the URL', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens step 3 at 1:05 paused, with the picture as playing there would show it', () => {
    const { r, hashes } = setup(2, 65_000);
    const s = r.store.getState();
    expect(s.step).toBe(2);
    expect(s.elapsedMs).toBe(65_000);
    expect(s.playing).toBe(false);
    expect(hashes.at(-1)).toBe('#/deployment-basics/3?t=65');
    expect(readyPods(r)).toEqual([1, 1, 1, 1]);

    const played = setup(2).r;
    played.playback.advanceBy(65_000 - played.time.now());
    expect(played.store.getState().elapsedMs).toBe(65_000);
    expect(r.store.getState().frame).toEqual(played.store.getState().frame);
    const lines = (x: typeof r) => x.store.getState().chunks.map((c) => `${c.stream}:${c.text}`);
    expect(lines(r)).toEqual(lines(played));
  });

  it('a moment before the steps it replays opens at the earliest moment there is', () => {
    const { r, hashes } = setup(2, 1_000);
    expect(r.time.origin()).toBeGreaterThan(1_000);
    expect(r.store.getState().elapsedMs).toBe(r.time.origin());
    expect(hashes.at(-1)).toBe(`#/deployment-basics/3?t=${r.time.origin() / 1000}`);
  });

  it('a scrub is one jump; the frames it flushes on the way are inside it', () => {
    const { r, jumps } = setup(2, 65_000);
    r.runCommand('kubectl apply -f web-deploy-1.18.yaml');
    r.playback.advanceBy(30_000);
    const before = r.store.getState().frame;
    let during = 0;
    let outside = 0;
    const unsub = r.store.subscribe((s, p) => {
      if (s.frame !== p.frame) {
        if (r.jumps.active()) during++;
        else outside++;
      }
    });
    r.seek(67_000);
    unsub();
    expect(during).toBeGreaterThan(0);
    expect(outside).toBe(0);
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toMatchObject({ kind: 'seek', from: 95_000, to: 67_000, before });
    expect(jumps[0]!.after).toBe(r.store.getState().frame);
    expect(r.store.getState().frame.deployments[0]).toMatchObject({ replicas: 4, ready: 3 });
  });

  it('step back and step forward are jumps that pause', () => {
    const { r, jumps } = setup(2);
    r.runCommand('kubectl apply -f web-deploy-1.18.yaml');
    r.playback.advanceBy(20_000);
    const t = r.time.now();
    r.stepBack();
    expect(r.store.getState().playing).toBe(false);
    expect(jumps.at(-1)).toMatchObject({ kind: 'back', from: t });
    expect(jumps.at(-1)!.to).toBeLessThan(t);

    r.store.getState().setPlaying(true);
    const from = r.time.now();
    r.playback.step();
    expect(r.store.getState().playing).toBe(false);
    const j = jumps.at(-1)!;
    expect(j).toMatchObject({ kind: 'step', from });
    expect(j.to).toBeGreaterThan(from);
    expect(j.after).not.toEqual(j.before);
    expect(jumps).toHaveLength(2);
  });

  it('writes the moment when paused or after a jump while paused, never while playing', () => {
    const { r, hashes } = setup(2);
    r.runCommand('kubectl apply -f web-deploy-1.18.yaml');
    r.playback.advanceBy(20_000);
    const at = r.time.now();
    hashes.length = 0;
    r.seek(at - 5_000); // playing: the hash keeps no moment
    vi.advanceTimersByTime(HASH_SETTLE_MS);
    expect(hashes).toEqual([]);
    r.store.getState().setPlaying(false);
    expect(hashes).toEqual([`#/deployment-basics/3?t=${(at - 5_000) / 1000}`]);
    // A drag while paused writes once it settles.
    for (const ms of [at - 6_000, at - 7_000, at - 8_000]) r.seek(ms);
    expect(hashes).toHaveLength(1);
    vi.advanceTimersByTime(HASH_SETTLE_MS);
    expect(hashes.at(-1)).toBe(`#/deployment-basics/3?t=${(at - 8_000) / 1000}`);
    // Step back pauses and writes once, where it landed.
    r.store.getState().setPlaying(true);
    expect(hashes.at(-1)).toBe('#/deployment-basics/3');
    const n = hashes.length;
    r.stepBack();
    vi.advanceTimersByTime(HASH_SETTLE_MS);
    expect(hashes.slice(n)).toEqual([`#/deployment-basics/3?t=${r.time.now() / 1000}`]);
    // Another step: the step alone, as before.
    r.goToStep(3);
    expect(hashes.at(-1)).toBe('#/deployment-basics/4');
  });
});
