// Seeded randomness for the engine. The generator's state is plain numbers so a snapshot can carry it.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go alphanums
export const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

const hexCodes = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
/** Scratch buffer of uuid(): 32 hex digits and 4 dashes. */
const uuidCodes: number[] = new Array<number>(36).fill(0);

export class Rand {
  private gen: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed);
  }

  getState(): readonly number[] {
    return this.gen.getState();
  }

  setState(state: readonly number[]): void {
    this.gen = xoroshiro128plusFromState(state);
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }

  // Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go String
  string(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphanums[this.int(0, alphanums.length - 1)];
    return out;
  }

  /** A random (version 4) UUID, as the apiserver assigns to metadata.uid. */
  uuid(): string {
    const codes = uuidCodes;
    let j = 0;
    for (let i = 0; i < 32; i++) {
      let v = this.int(0, 15);
      if (i === 12) v = 4;
      if (i === 16) v = (v & 0x3) | 0x8;
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[j++] = 45; // '-'
      codes[j++] = hexCodes[v]!;
    }
    return String.fromCharCode.apply(null, codes);
  }
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go SafeEncodeString
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += alphanums[s.charCodeAt(i) % alphanums.length];
  return out;
}

/** FNV-1a, 32 bit, over the UTF-8 bytes of `s`. */
export function fnv32a(s: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    // A surrogate pair is one code point (as for-of over the string reads it); a lone surrogate stays itself.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (c < 0x80) h = Math.imul(h ^ c, 0x01000193) >>> 0;
    else if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | (c & 63)), 0x01000193) >>> 0;
    } else if (c < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (c >> 12)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | (c & 63)), 0x01000193) >>> 0;
    } else {
      h = Math.imul(h ^ (0xf0 | (c >> 18)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | ((c >> 12) & 63)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193) >>> 0;
      h = Math.imul(h ^ (0x80 | (c & 63)), 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}
