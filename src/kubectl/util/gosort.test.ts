import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSort, goSortSlice } from './gosort.ts';

describe("Go's sort.Sort (pdqsort)", () => {
  it('sorts: the result is ordered and a permutation of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (xs) => {
        const sorted = goSortSlice(xs, (a, b) => a < b);
        expect(sorted).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('up to 12 elements it is an insertion sort, so equal keys keep their order', () => {
    const items = ['b1', 'a1', 'b2', 'a2', 'c1', 'a3', 'b3', 'a4', 'c2', 'b4', 'a5', 'c3'];
    expect(goSortSlice(items, (x, y) => x[0]! < y[0]!)).toEqual([
      ...['a1', 'a2', 'a3', 'a4', 'a5'],
      ...['b1', 'b2', 'b3', 'b4'],
      ...['c1', 'c2', 'c3'],
    ]);
  });

  it('beyond 12 it is not stable: equal keys are reordered by the partitioning', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ key: i % 3, id: i }));
    const sorted = goSortSlice(items, (x, y) => x.key < y.key);
    expect(sorted.map((x) => x.key)).toEqual([...items.map((x) => x.key)].sort());
    const ids = (k: number) => sorted.filter((x) => x.key === k).map((x) => x.id);
    expect([ids(0), ids(1), ids(2)].some((g) => g.some((v, i) => i > 0 && v < g[i - 1]!))).toBe(true);
  });

  it('already sorted input is left as it is (partialInsertionSort), reversed input is reversed', () => {
    const asc = Array.from({ length: 100 }, (_, i) => i);
    expect(goSortSlice(asc, (a, b) => a < b)).toEqual(asc);
    expect(goSortSlice([...asc].reverse(), (a, b) => a < b)).toEqual(asc);
  });

  it('falls back to heapsort and breaks patterns on adversarial input without losing elements', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 50, maxLength: 400 }), (xs) => {
        const a = [...xs];
        let swaps = 0;
        goSort({
          len: () => a.length,
          less: (i, j) => a[i]! < a[j]!,
          swap: (i, j) => {
            swaps++;
            [a[i], a[j]] = [a[j]!, a[i]!];
          },
        });
        expect(a).toEqual([...xs].sort((p, q) => p - q));
        expect(swaps).toBeLessThan(xs.length * xs.length);
      }),
      { numRuns: 50 },
    );
  });
});
