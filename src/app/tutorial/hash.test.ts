import { describe, expect, it } from 'vitest';
import {
  formatHash,
  formatHashTime,
  MAX_HASH_TIME_MS,
  parseHash,
  parseHashTime,
  type Route,
} from './hash.ts';

const at = (step: number, timeMs?: number): Route =>
  timeMs === undefined
    ? { kind: 'scenario', scenario: 'deployment-basics', step }
    : { kind: 'scenario', scenario: 'deployment-basics', step, timeMs };

describe('hash routes', () => {
  it.each([
    ['', { kind: 'home' }],
    ['#/', { kind: 'home' }],
    ['#/%E0%A4%A', { kind: 'home' }],
    ['#/deployment-basics', at(0)],
    ['#/deployment-basics/3', at(2)],
    ['#/deployment-basics/0', at(0)],
    ['#/deployment-basics/x', at(0)],
    ['#/bench?pods=200', { kind: 'bench', pods: 200 }],
    ['#/bench', { kind: 'bench', pods: 200 }],
    ['#/bench?pods=-4', { kind: 'bench', pods: 200 }],
    ['#/bench?pods=200&t=65', { kind: 'bench', pods: 200 }],
    // The moment: seconds, a clock, units.
    ['#/deployment-basics/3?t=65', at(2, 65_000)],
    ['#/deployment-basics/3?t=0', at(2, 0)],
    ['#/deployment-basics/3?t=4.2', at(2, 4_200)],
    ['#/deployment-basics/3?t=4.125', at(2, 4_125)],
    ['#/deployment-basics/3?t=1:05', at(2, 65_000)],
    ['#/deployment-basics/3?t=01:05', at(2, 65_000)],
    ['#/deployment-basics/3?t=t%3D02%3A35', at(2, 155_000)],
    ['#/deployment-basics/3?t=1:02:05', at(2, 3_725_000)],
    ['#/deployment-basics/3?t=1m5s', at(2, 65_000)],
    ['#/deployment-basics/3?t=90s', at(2, 90_000)],
    ['#/deployment-basics/3?t=2m', at(2, 120_000)],
    ['#/deployment-basics?t=65', at(0, 65_000)],
    ['#/deployment-basics/3?lang=ja&t=65', at(2, 65_000)],
    // A bad moment is ignored; the step still opens.
    ['#/deployment-basics/3?t=', at(2)],
    ['#/deployment-basics/3?t=+', at(2)],
    ['#/deployment-basics/3?t=t%3D', at(2)],
    ['#/deployment-basics/3?t=-5', at(2)],
    ['#/deployment-basics/3?t=abc', at(2)],
    ['#/deployment-basics/3?t=1e3', at(2)],
    ['#/deployment-basics/3?t=Infinity', at(2)],
    ['#/deployment-basics/3?t=NaN', at(2)],
    ['#/deployment-basics/3?t=4.2345', at(2)],
    ['#/deployment-basics/3?t=1:75', at(2)],
    ['#/deployment-basics/3?t=1:60:00', at(2)],
    ['#/deployment-basics/3?t=99999999', at(2)],
    ['#/deployment-basics/3?t=ms', at(2)],
    ['#/deployment-basics/3?t=65&t=70', at(2, 65_000)],
  ] as const)('%s', (hash, want) => {
    expect(parseHash(hash)).toStrictEqual(want);
  });

  it.each([
    [at(2), '#/deployment-basics/3'],
    [at(2, 65_000), '#/deployment-basics/3?t=65'],
    [at(0, 0), '#/deployment-basics/1?t=0'],
    [at(4, 4_200), '#/deployment-basics/5?t=4.2'],
    [at(4, 4_125), '#/deployment-basics/5?t=4.125'],
    [at(4, 3_725_050), '#/deployment-basics/5?t=3725.05'],
    [{ kind: 'bench', pods: 50 }, '#/bench?pods=50'],
    [{ kind: 'home' }, '#/'],
  ] as const)('formats %o as %s', (route, want) => {
    expect(formatHash(route)).toBe(want);
  });

  it('round-trips', () => {
    for (const r of [at(4), at(4, 65_000), at(0, 4_321), { kind: 'bench', pods: 50 } as const])
      expect(parseHash(formatHash(r))).toStrictEqual(r);
  });

  it('ignores moments past the limit but accepts the limit itself', () => {
    expect(parseHashTime(formatHashTime(MAX_HASH_TIME_MS))).toBe(MAX_HASH_TIME_MS);
    expect(parseHashTime(formatHashTime(MAX_HASH_TIME_MS + 1000))).toBeUndefined();
  });

  it('rounds sub-millisecond cursor times when writing', () => {
    expect(formatHashTime(4_200.4)).toBe('4.2');
    expect(formatHashTime(-3)).toBe('0');
  });
});
