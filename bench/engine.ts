// Engine figures, headless, stepping the virtual clock from timer to timer:
// - rolling1000: a 1,000-replica Deployment created on 50 workers, then rolled to a new image, until the
//   rollout is complete and the old pods are gone;
// - nodeFailure1000: seed 000's node failure at that scale: the same Deployment, node2 powered off until its
//   pods are evicted and replaced on the other nodes, then powered on until its Terminating pods are gone.
import { getHeapStatistics } from 'node:v8';
import {
  createCluster,
  deepCopy,
  type Cluster,
  type Deployment,
  type Node,
  type Pod,
} from '../src/engine/index.ts';

export interface EngineBenchResult {
  /** Wall-clock milliseconds from creating the Deployment to the end of the run (cluster setup excluded). */
  wallMs: number;
  /** Engine happenings: timers fired (clock.fired) plus controller/kubelet syncs run (queue.processed). */
  events: number;
  timersFired: number;
  syncs: number;
  eventsPerSec: number;
  /** Peak of the V8 heap used (process.memoryUsage().heapUsed), sampled every 100 steps, in MB. */
  peakMB: number;
  /** Peak resident set size, sampled every 1,000 steps and at the end, in MB. */
  peakRssMB: number;
  /** Virtual seconds from creating the Deployment to the end of the run. */
  virtualSeconds: number;
  /** 1 when every phase finished within the virtual-time limit, else 0. */
  completed: number;
}

export interface NodeFailureBenchResult extends EngineBenchResult {
  /** Pods of the Deployment on node2 when it was stopped. */
  podsOnNode: number;
  /** Virtual seconds after `stopNode('node2')` at which node2's Ready condition left True. */
  notReadySeconds: number;
  /** … at which every pod of the Deployment on node2 was marked for deletion (Terminating). */
  evictedSeconds: number;
  /** … at which the Deployment was back to 1,000 available pods, none on node2 (node2 started then). */
  recoveredSeconds: number;
  /** … at which the last Terminating pod on node2 was gone after `startNode('node2')`. */
  cleanedUpSeconds: number;
}

const NAME = 'web';
const REPLICAS = 1000;
const WORKERS = 50;
const FAILED_NODE = 'node2';
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
function rolledOut(c: Cluster, podsInDefault: number): boolean {
  const d = c.api.get<Deployment>('Deployment', 'default', NAME);
  const s = d?.status;
  if (!d || !s) return false;
  const want = d.spec?.replicas ?? 1;
  return (
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    s.updatedReplicas === want &&
    s.replicas === want &&
    s.availableReplicas === want &&
    // No pod of the old revision is left (counted by a watch: listing on every step would cost).
    podsInDefault === want
  );
}

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

/** Steps one cluster to conditions, counting its events and sampling memory, from the moment it is made. */
class Run {
  readonly c = createCluster({ workers: WORKERS, seed: 1 });
  completed = 1;
  private peakHeap = 0;
  private peakRss = 0;
  private steps = 0;
  private samples = 0;
  private readonly t0 = performance.now();
  private readonly fired0 = this.c.clock.fired;
  private readonly synced0 = this.c.queue.processed;
  private readonly v0 = this.c.now();

  /** Pods in the `default` namespace, kept by a watch. */
  podsInDefault = 0;

  constructor() {
    this.c.api.watch('Pod', (e) => {
      if (e.object.metadata.namespace !== 'default') return;
      if (e.type === 'ADDED') this.podsInDefault++;
      else if (e.type === 'DELETED') this.podsInDefault--;
    });
    this.sample();
  }

  rolledOut(): boolean {
    return rolledOut(this.c, this.podsInDefault);
  }

  /** Samples the heap (cheap) and, every tenth time or when asked, the RSS (a read of /proc: slow). */
  sample(withRss = false): void {
    this.peakHeap = Math.max(this.peakHeap, getHeapStatistics().used_heap_size);
    if (withRss || this.samples++ % 10 === 0)
      this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
  }

  /** Steps until `done` holds (checked before each step) or the phase limit; false on giving up. */
  until(done: () => boolean): boolean {
    const c = this.c;
    c.settle();
    const limit = c.now() + PHASE_LIMIT_MS;
    while (!done()) {
      if (!c.step(limit)) {
        this.completed = 0;
        return false;
      }
      if (++this.steps % 100 === 0) this.sample();
    }
    return true;
  }

  result(): EngineBenchResult {
    const wallMs = performance.now() - this.t0;
    this.sample(true);
    const timersFired = this.c.clock.fired - this.fired0;
    const syncs = this.c.queue.processed - this.synced0;
    const events = timersFired + syncs;
    return {
      wallMs: Math.round(wallMs),
      events,
      timersFired,
      syncs,
      eventsPerSec: Math.round(events / (wallMs / 1000)),
      peakMB: mb(this.peakHeap),
      peakRssMB: mb(this.peakRss),
      virtualSeconds: Math.round((this.c.now() - this.v0) / 1000),
      completed: this.completed,
    };
  }
}

function createDeployment(c: Cluster): void {
  const [, err] = c.api.create(deployment('nginx:1.17'));
  if (err) throw new Error(`bench: cannot create the Deployment: ${err.message}`);
}

export function runEngineBench(): EngineBenchResult {
  const run = new Run();
  const c = run.c;
  createDeployment(c);
  run.until(() => run.rolledOut());
  const d = c.api.get<Deployment>('Deployment', 'default', NAME)!;
  const next = deepCopy(d) as Deployment;
  next.spec!.template.spec!.containers[0]!.image = 'nginx:1.18';
  const [, updateErr] = c.api.update(next);
  if (updateErr) throw new Error(`bench: cannot update the Deployment: ${updateErr.message}`);
  run.until(() => run.rolledOut());
  return run.result();
}

export function runNodeFailureBench(): NodeFailureBenchResult {
  const run = new Run();
  const c = run.c;
  // The Deployment's pods on node2 and whether each is Terminating, kept by a watch (listing 1,000 pods
  // on every step would dominate the figures).
  const onNode = new Map<string, boolean>();
  let terminating = 0;
  const unwatch = c.api.watch<Pod>('Pod', (e) => {
    const p = e.object;
    if (p.metadata.namespace !== 'default' || p.metadata.labels?.app !== NAME) return;
    const uid = p.metadata.uid;
    const was = onNode.get(uid);
    if (was) terminating--;
    if (e.type === 'DELETED' || p.spec?.nodeName !== FAILED_NODE) {
      onNode.delete(uid);
      return;
    }
    const now = !!p.metadata.deletionTimestamp;
    onNode.set(uid, now);
    if (now) terminating++;
  });
  const nodeReady = () =>
    c.api.get<Node>('Node', undefined, FAILED_NODE)?.status?.conditions?.find((x) => x.type === 'Ready')
      ?.status;
  const available = () => {
    const d = c.api.get<Deployment>('Deployment', 'default', NAME);
    return (d?.status?.availableReplicas ?? 0) === REPLICAS && (d?.status?.replicas ?? 0) === REPLICAS;
  };

  createDeployment(c);
  run.until(() => run.rolledOut());
  const podsOnNode = onNode.size;
  if (podsOnNode === 0) throw new Error(`bench: no pod of the Deployment landed on ${FAILED_NODE}`);
  const stopErr = c.stopNode(FAILED_NODE);
  if (stopErr) throw new Error(`bench: ${stopErr}`);
  const tStop = c.now();
  const since = () => Math.round((c.now() - tStop) / 100) / 10;
  const at = (ok: boolean) => (ok ? since() : -1);
  const notReadySeconds = at(run.until(() => nodeReady() !== 'True'));
  const evictedSeconds = at(run.until(() => terminating === podsOnNode));
  // Every pod still on node2 is Terminating, so the available ones all run on the other nodes.
  const recoveredSeconds = at(run.until(() => available() && terminating === onNode.size));
  const startErr = c.startNode(FAILED_NODE);
  if (startErr) throw new Error(`bench: ${startErr}`);
  const cleanedUpSeconds = at(run.until(() => onNode.size === 0));
  const result = run.result();
  unwatch();
  const pods = c.api.list<Pod>('Pod', 'default');
  if (run.completed && (pods.length !== REPLICAS || pods.some((p) => p.spec?.nodeName === FAILED_NODE)))
    throw new Error(`bench: after the node failure, ${pods.length} pods (want ${REPLICAS}, none on node2)`);
  return { ...result, podsOnNode, notReadySeconds, evictedSeconds, recoveredSeconds, cleanedUpSeconds };
}
