// Seeded randomness for the engine. The generator's state is plain numbers so a snapshot can carry it.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go alphanums
export const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

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
    const hex = '0123456789abcdef';
    let s = '';
    for (let i = 0; i < 32; i++) {
      let v = this.int(0, 15);
      if (i === 12) v = 4;
      if (i === 16) v = (v & 0x3) | 0x8;
      s += hex[v];
    }
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
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
  const step = (b: number) => {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) step(c);
    else if (c < 0x800) [0xc0 | (c >> 6), 0x80 | (c & 63)].forEach(step);
    else if (c < 0x10000) [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(step);
    else [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(step);
  }
  return h >>> 0;
}
