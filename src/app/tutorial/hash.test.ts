import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './hash.ts';

describe('hash routes', () => {
  it.each([
    ['', { kind: 'home' }],
    ['#/', { kind: 'home' }],
    ['#/deployment-basics', { kind: 'scenario', scenario: 'deployment-basics', step: 0 }],
    ['#/deployment-basics/3', { kind: 'scenario', scenario: 'deployment-basics', step: 2 }],
    ['#/deployment-basics/0', { kind: 'scenario', scenario: 'deployment-basics', step: 0 }],
    ['#/deployment-basics/x', { kind: 'scenario', scenario: 'deployment-basics', step: 0 }],
    ['#/bench?pods=200', { kind: 'bench', pods: 200 }],
    ['#/bench', { kind: 'bench', pods: 200 }],
    ['#/bench?pods=-4', { kind: 'bench', pods: 200 }],
  ] as const)('%s', (hash, want) => {
    expect(parseHash(hash)).toEqual(want);
  });

  it('round-trips', () => {
    for (const r of [
      { kind: 'scenario', scenario: 'deployment-basics', step: 4 },
      { kind: 'bench', pods: 50 },
    ] as const)
      expect(parseHash(formatHash(r))).toEqual(r);
  });
});
