// The engine's virtual clock. Nothing in the engine reads wall time: every delay is a timer on this clock.
// Timers fire in (deadline, insertion) order, and `now` is set to each timer's own deadline before it fires,
// which makes event order byte-identical between runs (XState's stock SimulatedClock guarantees neither).

export type TimerId = number;

interface Timer {
  id: TimerId;
  deadline: number;
  seq: number;
  fn: () => void;
}

/** The virtual time every cluster starts at (2026-01-05T00:00:00Z), in Unix milliseconds. */
export const DEFAULT_START_MS = 1767571200000;

export class VirtualClock {
  private current: number;
  private readonly heap: Timer[] = [];
  private readonly live = new Map<TimerId, Timer>();
  private nextId = 1;
  private seq = 0;
  /** Total timers fired so far: a cheap measure of how much happened. */
  fired = 0;

  constructor(startMs: number = DEFAULT_START_MS) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, delayMs: number): TimerId {
    const id = this.nextId++;
    const timer: Timer = { id, deadline: this.current + Math.max(0, delayMs), seq: this.seq++, fn };
    this.live.set(id, timer);
    this.push(timer);
    return id;
  }

  clearTimeout(id: TimerId): void {
    this.live.delete(id);
  }

  /** The deadline of the next live timer, or undefined when none is pending. */
  nextDeadline(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.deadline;
  }

  pending(): number {
    return this.live.size;
  }

  /** Fires the earliest timer if its deadline is at or before `limit`. Returns false when there was none. */
  fireNext(limit = Number.POSITIVE_INFINITY): boolean {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.deadline > limit) return false;
    this.pop();
    this.live.delete(top.id);
    if (top.deadline > this.current) this.current = top.deadline;
    this.fired++;
    top.fn();
    return true;
  }

  /** Moves time forward without firing anything. Only the cluster loop calls this, after firing due timers. */
  setNow(t: number): void {
    if (t > this.current) this.current = t;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && !this.live.has(this.heap[0]!.id)) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
