import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.ts';

describe('LruCache (groupcache lru)', () => {
  it('evicts the least recently used entry when it grows past maxEntries', () => {
    const c = new LruCache<number>(3);
    c.add('a', 1);
    c.add('b', 2);
    c.add('c', 3);
    expect(c.get('a')).toBe(1); // a is now the most recently used
    c.add('d', 4); // b goes
    expect(c.keys()).toEqual(['c', 'a', 'd']);
    expect(c.get('b')).toBeUndefined();
    c.add('c', 30); // re-adding updates and touches
    expect(c.keys()).toEqual(['a', 'd', 'c']);
    expect(c.get('c')).toBe(30);
    expect(c.size).toBe(3);
  });

  it('keeps order through touches of the newest, the oldest and the middle', () => {
    const c = new LruCache<string>(10);
    for (const k of ['a', 'b', 'c', 'd']) c.add(k, k);
    c.get('d');
    c.get('a');
    c.get('c');
    expect(c.keys()).toEqual(['b', 'd', 'a', 'c']);
    const one = new LruCache<number>(1);
    one.add('x', 1);
    one.add('y', 2);
    expect(one.keys()).toEqual(['y']);
    expect(one.get('y')).toBe(2);
  });
});
