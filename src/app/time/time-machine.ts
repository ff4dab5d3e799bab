// Virtual time as the learner controls it: play forward, step back, scrub to any earlier moment.
// The engine is deterministic, so the past is never stored: rewinding rebuilds the session from the scenario
// and replays the recorded inputs (console commands, Ctrl-C, clear, saved editor text) at their virtual times up to the target.
// Acting after a rewind forks history: the inputs not yet replayed are dropped.
//
// Times here are "session time": virtual milliseconds since the session started. It equals cluster.elapsed()
// until `sim cluster create` replaces the cluster, after which the new cluster's elapsed time is added to
// what the old one had reached (`base`).
import type { Cluster } from '../../engine/index.ts';
import type { PlaybackCluster } from '../playback/playback.ts';

/**
 * A recorded input. `edit` is the learner closing `kubectl edit`'s editor: the saved text, or null when it was
 * cancelled. Recording the text (not just the command) lets a replay repeat the edit exactly.
 */
export type TimeAction =
  | { kind: 'run'; text: string }
  | { kind: 'interrupt'; pending: string }
  | { kind: 'clear' }
  | { kind: 'edit'; text: string | null };
export type TimeInput = TimeAction & { at: number };

/** What the time machine needs from the runtime. */
export interface TimeHost {
  cluster(): Cluster;
  /** A fresh session exactly as it started (scenario cluster, files, empty console, any catch-up prelude). */
  rebuild(): void;
  /** Performs one input (echo, run, interrupt…); `live` is false when it is replayed. Never records. */
  apply(input: TimeInput, live: boolean): void;
  /** Copies the running command's output so far (called before each replayed input). */
  poll(): void;
}

export interface TimeMachine extends PlaybackCluster {
  /** Session time now. */
  now(): number;
  /** The earliest moment one can rewind to (after a catch-up prelude). */
  origin(): number;
  /** The latest moment reached in this history. */
  horizon(): number;
  /** Inputs of this history (including ones ahead of the cursor after a rewind). */
  inputs(): readonly TimeInput[];
  /** Moments something visible changed (Pods, ReplicaSets, Deployments, Node status) or an input ran. */
  marks(): readonly number[];
  /** Bumped whenever marks, inputs, origin or horizon change (cheap change detection for the UI). */
  version(): number;
  /** The learner acts now: forks history if the cursor is behind the horizon, records and performs it. */
  act(action: TimeAction): void;
  /** Moves the cursor to `t` (clamped to [origin, horizon] when going back). */
  seek(t: number): void;
  /** Goes back to the previous moment something changed. Returns false at the origin. */
  stepBack(): boolean;
  /** The session was rebuilt from scratch with a (possibly new) prelude: forget history. */
  reset(): void;
  /** Session time of a cluster time (Unix ms) of the current cluster. */
  sessionTime(clusterMs: number): number;
  /** The runtime tells it when `sim cluster create` replaced the cluster. */
  clusterReplaced(previous: Cluster, next: Cluster): void;
}

const WATCHED = new Set([
  'Pod',
  'ReplicaSet',
  'Deployment',
  'ReplicationController',
  'StatefulSet',
  'PersistentVolumeClaim',
]);

/** Index of the first element > x in a sorted array. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createTimeMachine(host: TimeHost): TimeMachine {
  let inputs: TimeInput[] = [];
  /** How many of `inputs` have been performed in the current session. */
  let applied = 0;
  let base = 0;
  let originMs = 0;
  let horizonMs = 0;
  let marks: number[] = [];
  let version = 0;
  let rebuilding = false;
  let unwatch: (() => void) | null = null;
  const nodeStatus = new Map<string, string>();

  const now = () => base + host.cluster().elapsed();
  const clusterTime = (t: number) => host.cluster().startMs + (t - base);

  const addMark = (t: number) => {
    const n = marks.length;
    if (n > 0 && marks[n - 1]! >= t) {
      if (marks[n - 1] === t) return;
      // Replaying an earlier stretch: marks already known are kept once.
      const i = upperBound(marks, t);
      if (marks[i - 1] === t) return;
      marks.splice(i, 0, t);
    } else marks.push(t);
    version++;
  };

  const watch = (c: Cluster) => {
    unwatch?.();
    nodeStatus.clear();
    unwatch = c.api.watch('*', (e) => {
      const o = e.object;
      if (WATCHED.has(o.kind)) {
        if (o.metadata.namespace !== 'kube-system') addMark(now());
      } else if (o.kind === 'Node') {
        const ready =
          e.type === 'DELETED'
            ? 'gone'
            : (
                (o as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ??
                []
              )
                .filter((x) => x.type === 'Ready')
                .map((x) => x.status)
                .join('') +
              String((o as { spec?: { unschedulable?: boolean } }).spec?.unschedulable ?? false);
        if (nodeStatus.get(o.metadata.name) !== ready) {
          const known = nodeStatus.has(o.metadata.name);
          nodeStatus.set(o.metadata.name, ready);
          if (known) addMark(now());
        }
      }
    });
  };

  const grow = () => {
    const t = now();
    if (t > horizonMs) {
      horizonMs = t;
      version++;
    }
  };

  /** Advances to session time `t`, performing recorded inputs due on the way. */
  const advanceTo = (t: number) => {
    for (;;) {
      const next = inputs[applied];
      if (!next || next.at > t) break;
      host.cluster().advanceTo(clusterTime(Math.max(now(), next.at)));
      host.poll();
      applied++;
      addMark(next.at);
      host.apply(next, false);
    }
    if (t > now()) host.cluster().advanceTo(clusterTime(t));
    host.poll();
    grow();
  };

  const rebuild = () => {
    rebuilding = true;
    try {
      base = 0;
      applied = 0;
      host.rebuild();
      watch(host.cluster());
    } finally {
      rebuilding = false;
    }
  };

  const tm: TimeMachine = {
    now,
    origin: () => originMs,
    horizon: () => horizonMs,
    inputs: () => inputs,
    marks: () => marks,
    version: () => version,
    sessionTime: (clusterMs) => base + (clusterMs - host.cluster().startMs),
    advanceTo(t) {
      advanceTo(t);
      return false;
    },
    nextEventTime() {
      const c = host.cluster();
      const timer = c.nextEventTime();
      const ts = timer === undefined ? undefined : tm.sessionTime(timer);
      const input = inputs[applied]?.at;
      if (input === undefined) return ts;
      return ts === undefined ? input : Math.min(ts, input);
    },
    step(limit = Number.POSITIVE_INFINITY) {
      const c = host.cluster();
      const timer = c.nextEventTime();
      const ts = timer === undefined ? Number.POSITIVE_INFINITY : tm.sessionTime(timer);
      const input = inputs[applied];
      if (input && input.at <= limit && input.at <= ts) {
        advanceTo(input.at);
        return true;
      }
      if (ts > limit) return false;
      const fired = c.step(clusterTime(limit));
      grow();
      return fired;
    },
    act(action) {
      const t = now();
      if (applied < inputs.length || horizonMs > t) {
        inputs = inputs.slice(0, applied);
        marks = marks.slice(0, upperBound(marks, t));
        horizonMs = t;
        version++;
      }
      const input: TimeInput = { ...action, at: t };
      inputs.push(input);
      applied++;
      addMark(t);
      host.apply(input, true);
      grow();
    },
    seek(target) {
      const t = Math.max(originMs, target);
      if (t >= now()) {
        advanceTo(Math.min(t, Math.max(horizonMs, t)));
        return;
      }
      rebuild();
      advanceTo(t);
    },
    stepBack() {
      const t = now();
      if (t <= originMs) return false;
      // The last change at or before the cursor is what is on screen; go to the one before it.
      const i = upperBound(marks, t) - 1;
      const current = i >= 0 ? marks[i]! : originMs;
      const j = upperBound(marks, current - 1) - 1;
      const prev = j >= 0 ? marks[j]! : originMs;
      tm.seek(Math.max(originMs, prev));
      return true;
    },
    reset() {
      inputs = [];
      marks = [];
      horizonMs = 0;
      rebuild();
      originMs = now();
      horizonMs = originMs;
      version++;
    },
    clusterReplaced(previous, next) {
      if (rebuilding) return;
      base += previous.elapsed() - next.elapsed();
      watch(next);
    },
  };
  return tm;
}
