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
  /** Keys waiting in the queue, per controller name. */
  private readonly queued = new Map<string, Set<string>>();
  /** Total syncs run so far. */
  processed = 0;

  constructor(private readonly clock: VirtualClock) {}

  /** Queues `key` for `c` unless it is already waiting (as client-go's workqueue dedups). */
  add(c: Controller, key: string): void {
    let keys = this.queued.get(c.name);
    if (!keys) this.queued.set(c.name, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
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
      this.queued.get(item.c.name)!.delete(item.key);
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
  return m.namespace ? namespacedKey(m.namespace, m.name ?? '') : (m.name ?? '');
}

/** Keys already built, per namespace and name (the same few thousand keys are asked for over and over). */
const builtKeys = new Map<string, Map<string, string>>();
let builtKeyCount = 0;

/** `namespace/name`, as keyOf builds it for a namespaced object. */
export function namespacedKey(namespace: string, name: string): string {
  let byName = builtKeys.get(namespace);
  if (!byName) builtKeys.set(namespace, (byName = new Map<string, string>()));
  let k = byName.get(name);
  if (k === undefined) {
    if (++builtKeyCount > 100_000) {
      builtKeys.clear();
      builtKeyCount = 1;
      builtKeys.set(namespace, (byName = new Map<string, string>()));
    }
    byName.set(name, (k = `${namespace}/${name}`));
  }
  return k;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
