// The view benchmark: a Deployment of N Pods on four workers rolls to a new image while the view animates;
// requestAnimationFrame intervals are recorded. bench/view.ts drives it in headless Chromium.
import { createCluster, deepCopy, type Cluster, type Deployment } from '../../engine/index.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import { createEngineBridge } from '../store/engine-bridge.ts';
import { createPlayback } from '../playback/playback.ts';

export interface BenchResult {
  pods: number;
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  /** Mean time spent advancing the engine and drawing, per frame. */
  meanWorkMs: number;
  virtualMs: number;
}

export interface BenchSetup {
  store: AppStore;
  cluster: Cluster;
  run(durationMs: number): Promise<BenchResult>;
}

const NAME = 'bench';

function deployment(pods: number, image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NAME, namespace: 'default' },
    spec: {
      replicas: pods,
      selector: { matchLabels: { app: NAME } },
      template: { metadata: { labels: { app: NAME } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function setupBench(pods: number): BenchSetup {
  const store = createAppStore();
  // 1,000 Pods roll on 50 nodes (issue #4); smaller runs keep the four workers.
  const cluster = createCluster({ seed: 1, workers: pods >= 500 ? 50 : 4 });
  const bridge = createEngineBridge(store, cluster);
  cluster.api.create(deployment(pods, 'nginx:1.17'));
  cluster.settle();
  const ready = () => {
    const d = cluster.api.get<Deployment>('Deployment', 'default', NAME);
    return (d?.status?.availableReplicas ?? 0) >= pods && (d?.status?.updatedReplicas ?? 0) >= pods;
  };
  cluster.advanceTo(cluster.now() + 10 * 60_000, ready);
  bridge.flush();

  return {
    store,
    cluster,
    run(durationMs) {
      return new Promise((resolve) => {
        const d = cluster.api.get<Deployment>('Deployment', 'default', NAME);
        if (d) {
          const next = deepCopy(d);
          next.spec!.template.spec!.containers[0]!.image = 'nginx:1.18';
          cluster.api.update(next);
          cluster.settle();
        }
        store.getState().setSpeed(8);
        store.getState().setPlaying(true);
        const start = cluster.now();
        let work = 0;
        const playback = createPlayback({
          store,
          cluster: () => cluster,
          afterAdvance: () => bridge.flush(),
          signature: () => '',
          requestFrame: (cb) => requestAnimationFrame(cb),
          cancelFrame: (id) => cancelAnimationFrame(id),
        });
        const intervals: number[] = [];
        let prev: number | null = null;
        let t0: number | null = null;
        const frame = (ts: number) => {
          const w0 = performance.now();
          playback.tick(ts);
          work += performance.now() - w0;
          if (prev !== null) intervals.push(ts - prev);
          prev = ts;
          t0 ??= ts;
          if (ts - t0 < durationMs) {
            requestAnimationFrame(frame);
            return;
          }
          const sorted = intervals.slice().sort((a, b) => a - b);
          const mean = intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length);
          resolve({
            pods,
            frames: intervals.length,
            meanFrameMs: Math.round(mean * 100) / 100,
            p95FrameMs: Math.round(percentile(sorted, 95) * 100) / 100,
            maxFrameMs: Math.round((sorted[sorted.length - 1] ?? 0) * 100) / 100,
            meanWorkMs: Math.round((work / Math.max(1, intervals.length + 1)) * 100) / 100,
            virtualMs: cluster.now() - start,
          });
        };
        requestAnimationFrame(frame);
      });
    },
  };
}
