import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimeHash, HASH_SETTLE_MS } from './time-hash.ts';

function setup() {
  const written: string[] = [];
  let step = 2;
  const h = createTimeHash({
    write: (x) => written.push(x),
    scenario: 'deployment-basics',
    step: () => step,
  });
  return { h, written, setStep: (n: number) => (step = n) };
}

describe('time hash', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a pause writes the moment at once', () => {
    const { h, written } = setup();
    h.mark(65_000);
    h.mark(4_200.4);
    expect(written).toEqual(['#/deployment-basics/3?t=65', '#/deployment-basics/3?t=4.2']);
  });

  it('a drag writes once, where it stopped', () => {
    const { h, written } = setup();
    for (let t = 10_000; t <= 30_000; t += 1_000) {
      h.markSoon(t);
      vi.advanceTimersByTime(HASH_SETTLE_MS - 1);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(['#/deployment-basics/3?t=30']);
  });

  it('playing or another step drops the moment, and a pending one is not written late', () => {
    const { h, written, setStep } = setup();
    h.markSoon(12_000);
    setStep(3);
    h.clear();
    vi.runAllTimers();
    expect(written).toEqual(['#/deployment-basics/4']);
    h.markSoon(1_000);
    h.dispose();
    vi.runAllTimers();
    expect(written).toEqual(['#/deployment-basics/4']);
  });
});
