// Controllers and the work queue that runs them. Every reaction in the cluster (controllers, scheduler,
// kubelets) is a keyed sync on one global FIFO, drained to quiescence after every input and every timer.
// That is the engine's model of "controllers react in 0 s, one event at a time": deterministic, and it
// reproduces upstream's event order (see ../../../ARCHITECTURE.md).
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { VirtualClock } from '../clock/clock.ts';
import type { Rand } from '../rand/rand.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { TraceLog } from '../trace/trace.ts';

export interface Controller {
  /** Unique, e.g. `deployment-controller`, `replicaset-controller`, `kubelet/node1`. */
  readonly name: string;
  /** Reconciles one key (usually `namespace/name`). Must not throw for expected conditions. */
  sync(key: string): void;
}

export interface ControllerContext {
  api: ApiServer;
  clock: VirtualClock;
  rand: Rand;
  queue: WorkQueue;
  recorder: EventRecorder;
  trace: TraceLog;
}

export class WorkQueue {
  private readonly items: { c: Controller; key: string }[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  /** Total syncs run so far. */
  processed = 0;

  constructor(private readonly clock: VirtualClock) {}

  /** Queues `key` for `c` unless it is already waiting (as client-go's workqueue dedups). */
  add(c: Controller, key: string): void {
    const id = `${c.name}\u0000${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.items.push({ c, key });
  }

  /** Queues `key` after `delayMs` of virtual time (workqueue AddAfter). */
  addAfter(c: Controller, key: string, delayMs: number): void {
    this.clock.setTimeout(() => this.add(c, key), delayMs);
  }

  get length(): number {
    return this.items.length - this.head;
  }

  /** Runs queued syncs in FIFO order until none is left. */
  drain(limit = 50_000_000): void {
    let n = 0;
    while (this.head < this.items.length) {
      const item = this.items[this.head++]!;
      this.queued.delete(`${item.c.name}\u0000${item.key}`);
      item.c.sync(item.key);
      this.processed++;
      if (++n > limit) throw new Error(`work queue did not settle after ${limit} syncs`);
      if (this.head > 4096 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
    }
  }
}

/** `namespace/name` (or `name` for cluster-scoped objects), as cache.MetaNamespaceKeyFunc. */
export function keyOf(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '');
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
