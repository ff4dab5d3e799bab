// The only writer of the cluster slice: after each engine change, derive a frame and set it (once per batch:
// a playback tick may fire many timers, the frame is derived after the last one).
import type { Cluster } from '../../engine/index.ts';
import type { AppStore } from './store.ts';
import { deriveFrame, stableFrame } from './derive-frame.ts';

export interface EngineBridge {
  /** Derives the frame now if the cluster changed since the last flush. */
  flush(): void;
  /** Points the bridge at another cluster (a scenario reset or `sim cluster create`). */
  attach(cluster: Cluster): void;
  dispose(): void;
}

const WATCHED = new Set([
  'Pod',
  'Node',
  'ReplicaSet',
  'ReplicationController',
  'Deployment',
  'PodDisruptionBudget',
  'StatefulSet',
  'PersistentVolumeClaim',
  // A StatefulSet's revision numbers (`r2`) are its ControllerRevisions'.
  'ControllerRevision',
]);

export function createEngineBridge(
  store: AppStore,
  cluster: Cluster,
  onFlush?: () => void,
  /** Session time (it outlives a replaced cluster); defaults to the cluster's elapsed time. */
  elapsedOf: (c: Cluster) => number = (c) => c.elapsed(),
): EngineBridge {
  let current = cluster;
  let dirty = true;
  let scheduled = false;
  let unsubs: (() => void)[] = [];

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      bridge.flush();
    });
  };

  const bind = (c: Cluster) => {
    for (const u of unsubs) u();
    unsubs = [
      c.api.watch('*', (e) => {
        if (WATCHED.has(e.object.kind)) dirty = true;
      }),
      c.subscribe(schedule),
    ];
  };

  const bridge: EngineBridge = {
    flush() {
      const s = store.getState();
      const elapsed = elapsedOf(current);
      if (elapsed !== s.elapsedMs) s.setElapsed(elapsed);
      if (dirty) {
        dirty = false;
        try {
          const next = stableFrame(s.frame, deriveFrame(current.api));
          if (next !== s.frame) s.setFrame(next);
        } catch (e) {
          // Keep the last good picture; the failure is a bug to report, not a reason to blank the page.
          console.error('[engine-bridge] cannot derive a frame', e);
        }
      }
      onFlush?.();
    },
    attach(c) {
      current = c;
      dirty = true;
      bind(c);
      bridge.flush();
    },
    dispose() {
      for (const u of unsubs) u();
      unsubs = [];
    },
  };
  bind(cluster);
  return bridge;
}
