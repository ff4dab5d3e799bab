// A whole simulated cluster: apiserver, controllers, scheduler and one kubelet per node, on one virtual clock.
import { VirtualClock, DEFAULT_START_MS } from './clock/clock.ts';
import { Rand } from './rand/rand.ts';
import { ApiServer } from './apiserver/apiserver.ts';
import { WorkQueue, type ControllerContext } from './controller/controller.ts';
import { EventRecorder } from './events/recorder.ts';
import { TraceLog } from './trace/trace.ts';
import { registerStrategies } from './apis/install.ts';
import { ImageRegistry } from './kubelet/images.ts';
import { ReplicaSetController } from './controller/replicaset/replica-set.ts';
import { startStatefulSetController } from './controller/statefulset/index.ts';
import { startVolumeControllers } from './controller/volume/index.ts';
import { ReplicationManager } from './controller/replication/replication-controller.ts';
import { DeploymentController } from './controller/deployment/deployment-controller.ts';
import { GarbageCollector } from './controller/garbagecollector/garbage-collector.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { NodeLifecycleController } from './controller/nodelifecycle/node-lifecycle-controller.ts';
import { TaintEvictionController } from './controller/tainteviction/taint-eviction.ts';
import { DaemonSetController } from './controller/daemon/daemon-controller.ts';
import { DisruptionController } from './controller/disruption/disruption.ts';
import { evictPod, type EvictionOptions } from './apiserver/eviction.ts';
import type { Result } from './apiserver/errors.ts';
import {
  createAddons,
  createNamespaces,
  createStaticPods,
  createSystemServices,
  registerSystemImages,
  systemImages,
} from './bootstrap/kubeadm.ts';
import { EndpointsController } from './controller/endpoint/endpoints-controller.ts';
import { httpRequest, type HttpResult } from './proxy/proxy.ts';
import { Kubelet, type KubeletTimings } from './kubelet/kubelet.ts';
import { newNode } from './kubelet/node-status.ts';
import type { Node, Pod, Stored } from './api/types.ts';
import { formatRFC3339 } from './apimachinery/time.ts';

export interface ClusterOptions {
  /** Seed of the engine RNG (names, uids, scheduler tie-breaks). Same seed + same inputs ⇒ same output. */
  seed?: number;
  /** Number of worker nodes, named node1…nodeN, besides the tainted `control-plane` node. Default 2. */
  workers?: number;
  /** When set, every pod whose image exists is Ready exactly this many seconds after it is created. */
  readyAfterSeconds?: number;
  /** When set, a deleted pod is gone exactly this many seconds after its deletion. */
  terminateAfterSeconds?: number;
  /** Virtual start time (Unix ms). */
  startMs?: number;
  /** Name of the control-plane node. Default `control-plane`. */
  controlPlaneName?: string;
  /**
   * Whether the cluster comes with what kubeadm and a CNI install (kube-system static pods, kube-proxy,
   * flannel, CoreDNS), set up `bootstrapSeconds` before the start so they are Running. Default true.
   */
  addons?: boolean;
  /** How long before the start the cluster was set up (ages of nodes and system pods). Default 600 s. */
  bootstrapSeconds?: number;
}

export type ClusterListener = () => void;

export class Cluster {
  readonly clock: VirtualClock;
  readonly rand: Rand;
  readonly api: ApiServer;
  readonly queue: WorkQueue;
  readonly recorder: EventRecorder;
  readonly trace: TraceLog;
  readonly images: ImageRegistry;
  readonly startMs: number;
  readonly options: Required<Pick<ClusterOptions, 'seed' | 'workers'>> & ClusterOptions;
  readonly kubelets = new Map<string, Kubelet>();
  private readonly ctx: ControllerContext;
  private readonly listeners = new Set<ClusterListener>();
  private readonly timings: KubeletTimings;
  private readonly nodeLifecycle: NodeLifecycleController;

  constructor(options: ClusterOptions = {}) {
    this.options = { seed: 1, workers: 2, ...options };
    this.startMs = options.startMs ?? DEFAULT_START_MS;
    const addons = options.addons ?? true;
    const bootstrapMs = addons ? (options.bootstrapSeconds ?? 600) * 1000 : 0;
    this.clock = new VirtualClock(this.startMs - bootstrapMs);
    this.rand = new Rand(this.options.seed);
    this.api = new ApiServer(this.clock, this.rand);
    registerStrategies(this.api, (a, b) => this.rand.int(a, b));
    this.queue = new WorkQueue(this.clock);
    this.recorder = new EventRecorder(this.api, this.clock);
    this.trace = new TraceLog();
    this.images = new ImageRegistry();
    registerSystemImages(this.images);
    this.ctx = {
      api: this.api,
      clock: this.clock,
      rand: this.rand,
      queue: this.queue,
      recorder: this.recorder,
      trace: this.trace,
    };
    this.timings = {
      readyAfterSeconds: options.readyAfterSeconds,
      terminateAfterSeconds: options.terminateAfterSeconds,
    };

    new GarbageCollector(this.ctx);
    new ReplicaSetController(this.ctx);
    new ReplicationManager(this.ctx);
    new DeploymentController(this.ctx);
    new Scheduler(this.ctx);
    this.nodeLifecycle = new NodeLifecycleController(this.ctx, this.startMs);
    new TaintEvictionController(this.ctx);
    new DaemonSetController(this.ctx);
    new EndpointsController(this.ctx);
    new DisruptionController(this.ctx);
    startStatefulSetController(this.ctx);
    startVolumeControllers(this.ctx);

    const cp = options.controlPlaneName ?? 'control-plane';
    if (addons) createNamespaces(this.api);
    this.addNode(cp, { controlPlane: true });
    if (addons) {
      createSystemServices(this.api, '192.168.56.10');
      createStaticPods(this.api, cp);
      createAddons(this.api);
      this.settle();
    }
    for (let i = 1; i <= this.options.workers; i++) this.addNode(`node${i}`);
    this.settle();
    if (bootstrapMs > 0) this.advanceTo(this.startMs);
  }

  get context(): ControllerContext {
    return this.ctx;
  }

  now(): number {
    return this.clock.now();
  }

  /** Virtual milliseconds since the cluster started. */
  elapsed(): number {
    return this.clock.now() - this.startMs;
  }

  addNode(name: string, opts: { controlPlane?: boolean } = {}): void {
    const index = this.kubelets.size;
    const node: Node = newNode(name, index, opts.controlPlane ?? false, formatRFC3339(this.clock.now()));
    this.api.create(node);
    const kubelet = new Kubelet(this.ctx, name, this.images, this.timings);
    kubelet.preload(systemImages());
    this.kubelets.set(name, kubelet);
    this.settle();
  }

  /** Powers a node off: its kubelet stops (containers stop, no status, no Lease renewals). */
  stopNode(name: string): string | undefined {
    const k = this.kubelets.get(name);
    if (!k) return `node "${name}" not found`;
    if (!k.running) return `node "${name}" is already stopped`;
    k.stop();
    this.nodeLifecycle.kubeletStopped(name, k.startedAt);
    this.settle();
    return undefined;
  }

  /** Powers a node on again: its kubelet posts Ready and resyncs its pods. */
  startNode(name: string): string | undefined {
    const k = this.kubelets.get(name);
    if (!k) return `node "${name}" not found`;
    if (k.running) return `node "${name}" is already running`;
    k.start();
    this.nodeLifecycle.kubeletStarted(name);
    this.settle();
    return undefined;
  }

  /**
   * POST pods/<name>/eviction: deletes the pod gracefully unless a PodDisruptionBudget forbids it. Does not
   * settle; callers settle.
   */
  evict(namespace: string, name: string, opts?: EvictionOptions): Result<Stored<Pod>> {
    return evictPod(this.ctx, namespace, name, opts);
  }

  /** Extra host names the learner's machine resolves (e.g. the tutorial's `host01` → a node). */
  readonly hostAliases = new Map<string, string>();

  /** An HTTP GET as `curl URL` from a node of the cluster would make it (NodePort, ClusterIP, DNS name, pod IP). */
  request(url: string, namespace = 'default'): HttpResult {
    return httpRequest(this.api, this.images, this.rand, url, this.hostAliases, namespace);
  }

  /** Whether a node's kubelet is running (false after `sim node stop`). */
  nodeRunning(name: string): boolean {
    return this.kubelets.get(name)?.running ?? false;
  }

  /** Runs every queued controller sync until the cluster is quiet at the current instant. */
  settle(): void {
    this.queue.drain();
    for (const l of this.listeners) l();
  }

  /** Fires the next timer (and lets every controller react). Returns false when nothing is scheduled. */
  step(limit = Number.POSITIVE_INFINITY): boolean {
    this.queue.drain();
    if (!this.clock.fireNext(limit)) return false;
    this.queue.drain();
    for (const l of this.listeners) l();
    return true;
  }

  /** The virtual time of the next scheduled happening, if any. */
  nextEventTime(): number | undefined {
    return this.clock.nextDeadline();
  }

  /**
   * Advances virtual time to `t`, firing every timer due on the way, one at a time. When `until` returns
   * true after a step, stops early at that instant. Returns true if it stopped early.
   */
  advanceTo(t: number, until?: () => boolean): boolean {
    this.queue.drain();
    while (this.step(t)) if (until?.()) return true;
    this.clock.setNow(t);
    for (const l of this.listeners) l();
    return false;
  }

  advanceBy(ms: number, until?: () => boolean): boolean {
    return this.advanceTo(this.clock.now() + ms, until);
  }

  /** Called after every change (settle, step, advance). */
  subscribe(l: ClusterListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}
