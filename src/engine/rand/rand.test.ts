import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rand, fnv32a } from './rand.ts';

/** FNV-1a over the UTF-8 bytes, written the obvious way (TextEncoder), as the reference. */
function fnv32aReference(s: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

describe('fnv32a', () => {
  it('matches FNV-1a over UTF-8 for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (s, seed) => {
        expect(fnv32a(s)).toBe(fnv32aReference(s));
        expect(fnv32a(s, seed)).toBe(fnv32aReference(s, seed));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes a lone surrogate as its own 3-byte sequence', () => {
    let h = 0x811c9dc5;
    for (const b of [0x61, 0xed, 0xa0, 0x80, 0x62]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    expect(fnv32a('a\uD800b')).toBe(h);
  });

  it('has the known FNV-1a test vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });
});

describe('Rand', () => {
  it('makes version 4 UUIDs', () => {
    const r = new Rand(7);
    for (let i = 0; i < 200; i++)
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is a pure function of the seed', () => {
    const a = new Rand(42);
    const b = new Rand(42);
    expect([a.uuid(), a.string(5), a.int(0, 9), a.uuid()]).toEqual([
      b.uuid(),
      b.string(5),
      b.int(0, 9),
      b.uuid(),
    ]);
  });

  it('keeps the sequence of seed 1 (names and uids of every existing transcript)', () => {
    const r = new Rand(1);
    expect([r.uuid(), r.string(5), r.uuid()]).toEqual(EXPECTED_SEED_1);
  });
});

// Captured from the implementation before uuid() was rewritten without string concatenation.
const EXPECTED_SEED_1 = [
  'e01da5e3-2c01-49fe-8d92-f1e4a9496951',
  'rxbks',
  '1edefb93-24cc-45fe-ad9f-dc9cb9ad48e5',
];
