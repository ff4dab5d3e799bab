// Engine figures: a 1,000-replica Deployment created on 50 workers, then rolled to a new image, headless,
// stepping the virtual clock from timer to timer until the rollout is complete and the old pods are gone.
import { createCluster, deepCopy, type Cluster, type Deployment } from '../src/engine/index.ts';

export interface EngineBenchResult {
  /** Wall-clock milliseconds from creating the Deployment to the end of its rollout (cluster setup excluded). */
  wallMs: number;
  /** Engine happenings: timers fired (clock.fired) plus controller/kubelet syncs run (queue.processed). */
  events: number;
  timersFired: number;
  syncs: number;
  eventsPerSec: number;
  /** Peak of process.memoryUsage().heapUsed, sampled every 100 steps, in MB. */
  peakMB: number;
  /** Peak resident set size, sampled the same way, in MB. */
  peakRssMB: number;
  /** Virtual seconds from create to the end of the rollout. */
  virtualSeconds: number;
  /** 1 when both phases finished within the virtual-time limit, else 0. */
  completed: number;
}

const NAME = 'web';
const REPLICAS = 1000;
const WORKERS = 50;
/** Give up after this much virtual time per phase (a broken engine must not hang the bench). */
const PHASE_LIMIT_MS = 2 * 3600 * 1000;

function deployment(image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NAME, namespace: 'default' },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: NAME } },
      template: { metadata: { labels: { app: NAME } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

/** As `kubectl rollout status` decides, plus: no pod left over from the old revision. */
function rolledOut(c: Cluster): boolean {
  const d = c.api.get<Deployment>('Deployment', 'default', NAME);
  const s = d?.status;
  if (!d || !s) return false;
  const want = d.spec?.replicas ?? 1;
  return (
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    s.updatedReplicas === want &&
    s.replicas === want &&
    s.availableReplicas === want &&
    // Listing is costly, so only once the status says done: no pod of the old revision is left.
    c.api.list('Pod', 'default').length === want
  );
}

export function runEngineBench(): EngineBenchResult {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  sample();
  const c = createCluster({ workers: WORKERS, seed: 1 });
  const t0 = performance.now();
  const fired0 = c.clock.fired;
  const synced0 = c.queue.processed;
  const v0 = c.now();
  let completed = 1;
  let steps = 0;
  const runUntilRolledOut = () => {
    c.settle();
    const limit = c.now() + PHASE_LIMIT_MS;
    while (!rolledOut(c)) {
      if (!c.step(limit)) {
        completed = 0;
        return;
      }
      if (++steps % 100 === 0) sample();
    }
  };
  const [, createErr] = c.api.create(deployment('nginx:1.17'));
  if (createErr) throw new Error(`bench: cannot create the Deployment: ${createErr.message}`);
  runUntilRolledOut();
  const d = c.api.get<Deployment>('Deployment', 'default', NAME)!;
  const next = deepCopy(d) as Deployment;
  next.spec!.template.spec!.containers[0]!.image = 'nginx:1.18';
  const [, updateErr] = c.api.update(next);
  if (updateErr) throw new Error(`bench: cannot update the Deployment: ${updateErr.message}`);
  runUntilRolledOut();
  const wallMs = performance.now() - t0;
  sample();
  const timersFired = c.clock.fired - fired0;
  const syncs = c.queue.processed - synced0;
  const events = timersFired + syncs;
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    wallMs: Math.round(wallMs),
    events,
    timersFired,
    syncs,
    eventsPerSec: Math.round(events / (wallMs / 1000)),
    peakMB: mb(peakHeap),
    peakRssMB: mb(peakRss),
    virtualSeconds: Math.round((c.now() - v0) / 1000),
    completed,
  };
}
