import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyFrame } from '../../view/cluster/frame.ts';
import { createJumpAnnouncer, SETTLE_MS, THROTTLE_MS } from './jump-announcer.ts';
import type { TimeJump } from './jumps.ts';

const jump = (kind: TimeJump['kind'], from: number, to: number): TimeJump => ({
  kind,
  from,
  to,
  before: emptyFrame,
  after: emptyFrame,
});

function setup() {
  const said: string[] = [];
  const a = createJumpAnnouncer({
    say: (t) => said.push(t),
    describe: (j) => `${j.kind} ${j.from}→${j.to}`,
  });
  return { a, said };
}

describe('jump announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('normal playback: one announcement per throttle window, the last three facts', () => {
    const { a, said } = setup();
    a.facts(['one']);
    a.facts(['two', 'three']);
    vi.advanceTimersByTime(THROTTLE_MS - 1);
    a.facts(['four']);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['two three four']);
    a.facts([]);
    vi.advanceTimersByTime(THROTTLE_MS * 2);
    expect(said).toEqual(['two three four']);
  });

  it('a drag is said once, at its final position, after the learner stops', () => {
    const { a, said } = setup();
    for (let i = 0; i < 20; i++) {
      a.jump(jump('seek', 60_000 - i * 1000, 59_000 - i * 1000));
      vi.advanceTimersByTime(SETTLE_MS / 2);
    }
    expect(said).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    expect(said).toEqual(['seek 60000→40000']);
    vi.advanceTimersByTime(SETTLE_MS * 10);
    expect(said).toHaveLength(1);
  });

  it('two jumps apart are two announcements', () => {
    const { a, said } = setup();
    a.jump(jump('back', 9_000, 5_000));
    vi.advanceTimersByTime(SETTLE_MS);
    a.jump(jump('step', 5_000, 6_000));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['back 9000→5000', 'step 5000→6000']);
  });

  it('a jump drops the facts queued before it and those that arrive while it settles', () => {
    const { a, said } = setup();
    a.facts(['Pod ready before the jump']);
    vi.advanceTimersByTime(THROTTLE_MS / 2);
    a.jump(jump('seek', 30_000, 10_000));
    a.facts(['a frame while scrubbing']);
    vi.advanceTimersByTime(THROTTLE_MS * 2);
    expect(said).toEqual(['seek 30000→10000']);
    // Normal playback speaks again afterwards.
    a.facts(['after']);
    vi.advanceTimersByTime(THROTTLE_MS);
    expect(said).toEqual(['seek 30000→10000', 'after']);
  });

  it('says nothing after dispose', () => {
    const { a, said } = setup();
    a.facts(['x']);
    a.jump(jump('seek', 1, 0));
    a.dispose();
    vi.runAllTimers();
    expect(said).toEqual([]);
  });
});
