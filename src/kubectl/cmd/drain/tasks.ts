// Goroutines on the virtual clock: `kubectl drain` evicts pods concurrently, sleeps between retries and polls
// until pods are gone. Each goroutine is a generator that yields what it waits for (a sleep, or other
// goroutines to finish); sleeps are clock timers, so the driver sees them as the next event and advances
// virtual time to them. Goroutines started at the same instant run in start order (deterministic).

/** What a goroutine waits for. */
export type Wait = { sleepMs: number } | { join: readonly Task[] };

export type Routine<T> = Generator<Wait, T, void>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, delayMs: number): number;
  clearTimeout(id: number): void;
}

export class Task {
  done = false;
  /** Goroutines blocked in a join on this one. */
  readonly joiners: Task[] = [];
  waitingOn: readonly Task[] | undefined;

  constructor(
    /** One step: runs the goroutine up to its next wait; returns undefined when it has returned. */
    readonly next: () => Wait | undefined,
  ) {}
}

export class Scheduler {
  private readonly timers = new Set<number>();
  private stopped = false;

  constructor(readonly clock: Clock) {}

  /** Starts a goroutine: it runs now, up to its first wait. */
  go<T>(routine: Routine<T>, onDone?: (result: T) => void): Task {
    const task = new Task(() => {
      const r = routine.next();
      if (!r.done) return r.value;
      onDone?.(r.value);
      return undefined;
    });
    this.resume(task);
    return task;
  }

  /** Ctrl-C: nothing runs any more. */
  stop(): void {
    this.stopped = true;
    for (const id of this.timers) this.clock.clearTimeout(id);
    this.timers.clear();
  }

  private resume(task: Task): void {
    if (this.stopped) return;
    const w = task.next();
    if (w === undefined) {
      task.done = true;
      for (const j of task.joiners.splice(0)) {
        if (j.waitingOn?.every((t) => t.done)) {
          j.waitingOn = undefined;
          this.resume(j);
        }
      }
      return;
    }
    if ('sleepMs' in w) {
      const id = this.clock.setTimeout(() => {
        this.timers.delete(id);
        this.resume(task);
      }, w.sleepMs);
      this.timers.add(id);
      return;
    }
    if (w.join.every((t) => t.done)) {
      this.resume(task);
      return;
    }
    task.waitingOn = w.join;
    for (const t of w.join) if (!t.done) t.joiners.push(task);
  }
}

export function sleep(ms: number): Wait {
  return { sleepMs: ms };
}
