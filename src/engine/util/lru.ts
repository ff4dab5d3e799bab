// Models github.com/golang/groupcache/lru Cache (what client-go's event correlator uses): a map whose oldest
// entry goes when it grows past maxEntries, where a Get or Add makes an entry the most recently used.
// A doubly linked list keeps the order, so a hit costs a few pointer moves rather than a Map delete and insert.

interface Entry<V> {
  key: string;
  value: V;
  newer: Entry<V> | null;
  older: Entry<V> | null;
}

export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** The most and the least recently used entries. */
  private newest: Entry<V> | null = null;
  private oldest: Entry<V> | null = null;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  // Models github.com/golang/groupcache/lru Cache.Get
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.touch(e);
    return e.value;
  }

  // Models github.com/golang/groupcache/lru Cache.Add
  add(key: string, value: V): void {
    const e = this.entries.get(key);
    if (e) {
      e.value = value;
      this.touch(e);
      return;
    }
    const n: Entry<V> = { key, value, newer: null, older: this.newest };
    if (this.newest) this.newest.newer = n;
    this.newest = n;
    this.oldest ??= n;
    this.entries.set(key, n);
    if (this.maxEntries > 0 && this.entries.size > this.maxEntries) this.removeOldest();
  }

  /** Keys from the least to the most recently used (for tests). */
  keys(): string[] {
    const out: string[] = [];
    for (let e = this.oldest; e; e = e.newer) out.push(e.key);
    return out;
  }

  // Models github.com/golang/groupcache/lru Cache.RemoveOldest
  private removeOldest(): void {
    const e = this.oldest;
    if (!e) return;
    this.unlink(e);
    this.entries.delete(e.key);
  }

  private touch(e: Entry<V>): void {
    if (this.newest === e) return;
    this.unlink(e);
    e.older = this.newest;
    e.newer = null;
    if (this.newest) this.newest.newer = e;
    this.newest = e;
    this.oldest ??= e;
  }

  private unlink(e: Entry<V>): void {
    if (e.newer) e.newer.older = e.older;
    else this.newest = e.older;
    if (e.older) e.older.newer = e.newer;
    else this.oldest = e.newer;
    e.newer = e.older = null;
  }
}
