// What the kubelet does for one pod when its lifecycle machine asks (the machine's `host`): status writes,
// events, image pulls and probes. A class rather than a bundle of closures, so a pod costs one object.
import type { Container, ContainerStatus, Node, Pod, PodCondition, Stored } from '../api/types.ts';
import type { ControllerContext } from '../controller/controller.ts';
import { splitKey } from '../controller/controller.ts';
import { formatRFC3339, goDuration, parseTime } from '../apimachinery/time.ts';
import { fnv32a } from '../rand/rand.ts';
import type { PodHost } from './pod-machine.ts';
import { parseImageRef, type ImageInfo, type ImageRegistry } from './images.ts';
import { processModel, runProbe, type ProcessModel } from './container-runtime.ts';
import { ProbeWorker, type ProbeKind, type ProbeTarget } from './prober.ts';

/** Default timings of the model (documented in ARCHITECTURE.md). */
export const CONTAINER_START_MS = 1000;

/** What the pods of one node share: their kubelet's state and settings. */
export interface KubeletShared {
  readonly ctx: ControllerContext;
  readonly nodeName: string;
  readonly images: ImageRegistry;
  readonly source: { component: string; host: string };
  readonly readyAfter: number | undefined;
  readonly terminateAfter: number | undefined;
  /** Images present on the node (canonical references). */
  readonly present: Set<string>;
  /** Pulls in flight: canonical reference → virtual time the pull completes. */
  readonly pulling: Map<string, number>;
  /** When the pull in flight (or last finished) of each image began. */
  readonly pullStarted: Map<string, number>;
  allocateIP(): string;
  /** Tells the pod's machine that its liveness probe failed. */
  livenessFailed(key: string): void;
}

// Models kubernetes/pkg/kubelet/types/pod_status.go PodConditionsByKubelet
const kubeletConditions = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
]);

function hex(seed: string, len: number): string {
  let out = '';
  let h = fnv32a(seed);
  while (out.length < len) {
    h = fnv32a(String(h), h);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, len);
}

/** The digest reference a pulled image reports, per image reference (the same few images run everywhere). */
const imageIDs = new Map<string, string>();

function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    const ref = parseImageRef(image);
    id = `${ref.repository}@sha256:${hex(ref.canonical, 64)}`;
    if (imageIDs.size > 1000) imageIDs.clear();
    imageIDs.set(image, id);
  }
  return id;
}

const notFoundError = (canonical: string) =>
  `rpc error: code = NotFound desc = failed to pull and unpack image "${canonical}": failed to resolve reference "${canonical}": ${canonical}: not found`;

export class PodRuntime implements PodHost, ProbeTarget {
  private readonly ns: string | undefined;
  private readonly name: string;
  private readonly uid: string;
  private readonly containers: Container[];
  private readonly created: number;
  private readonly main: Container | undefined;
  private readonly mainImage: ImageInfo | undefined;
  private readonly model: ProcessModel | undefined;
  private startedAt = '';
  private startTime: string | undefined;
  private startedAtMs = 0;
  private podIP = '';
  private restarts: number;
  private lastState: ContainerStatus['lastState'];
  private terminatedState: ContainerStatus['state'];
  private ready = false;
  private pullBegan: Map<string, number> | undefined;
  private workers: ProbeWorker[] | undefined;
  /** imageID and containerID of each container (fixed for the pod's life). */
  private ids: { imageID: string; containerID: string }[] | undefined;

  constructor(
    private readonly k: KubeletShared,
    private readonly key: string,
    private readonly initial: Stored<Pod>,
    restartCount: number,
  ) {
    [this.ns, this.name] = splitKey(key);
    this.uid = initial.metadata.uid;
    this.containers = initial.spec?.containers ?? [];
    this.created = parseTime(initial.metadata.creationTimestamp);
    this.restarts = restartCount;
    this.main = this.containers[0];
    this.mainImage = this.main ? k.images.lookup(this.main.image ?? '') : undefined;
    this.model = this.main ? processModel(this.main, this.mainImage) : undefined;
  }

  now(): number {
    return this.k.ctx.clock.now();
  }

  stopProbes(): void {
    if (!this.workers) return;
    for (const w of this.workers) w.stop();
    this.workers.length = 0;
  }

  private current(): Stored<Pod> | undefined {
    const p = this.k.ctx.api.get<Pod>('Pod', this.ns, this.name);
    return p && p.metadata.uid === this.uid ? p : undefined;
  }

  /**
   * The mutations only assign fields of .status, and the status subresource takes only .status: a copy of the
   * status object is enough (its nested values are shared with the immutable stored pod).
   */
  private writeStatus(mutate: (p: Stored<Pod>) => void): void {
    const p = this.current();
    if (!p) return;
    const next = { ...p, status: { ...p.status } };
    mutate(next);
    this.k.ctx.api.update(next, { status: true });
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const p = this.current();
    if (p)
      this.k.ctx.recorder.event(
        p,
        type,
        reason,
        message,
        this.k.source,
        container ? `spec.containers{${container}}` : undefined,
      );
  }

  private ownProcess(): number | undefined {
    return this.startedAtMs > 0 ? (this.now() - this.startedAtMs) / 1000 : undefined;
  }

  private setConditions(p: Stored<Pod>, ready: boolean, sandbox: boolean): void {
    const prev = p.status?.conditions ?? [];
    let ts: string | undefined;
    // A condition that does not change keeps its (immutable) object from the stored pod.
    const cond = (type: string, status: boolean, reason?: string, message?: string): PodCondition => {
      const old = prev.find((c) => c.type === type);
      const s = status ? 'True' : 'False';
      if (old && old.status === s && old.reason === reason && old.message === message) return old;
      return {
        type,
        status: s,
        lastProbeTime: null as unknown as string,
        lastTransitionTime:
          old && old.status === s ? old.lastTransitionTime : (ts ??= formatRFC3339(this.now())),
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
      };
    };
    const unready = ready
      ? undefined
      : (this.unreadyMessage ??= `containers with unready status: [${this.containers.map((c) => c.name).join(' ')}]`);
    // Models kubernetes/pkg/kubelet/status/status_manager.go mergePodStatus: conditions the kubelet does not own
    // (DisruptionTarget, written by an eviction or the taint manager) are kept, ahead of the kubelet's own.
    const others = prev.filter((c) => !kubeletConditions.has(c.type));
    p.status!.conditions = [
      ...others,
      cond('PodReadyToStartContainers', sandbox),
      cond('Initialized', true),
      cond('Ready', ready, ready ? undefined : 'ContainersNotReady', unready),
      cond('ContainersReady', ready, ready ? undefined : 'ContainersNotReady', unready),
      cond('PodScheduled', true),
    ];
  }

  /** The message of the Ready condition while not ready (the container names do not change). */
  private unreadyMessage: string | undefined;

  private idsOf(i: number, c: Container): { imageID: string; containerID: string } {
    this.ids ??= [];
    let ids = this.ids[i];
    if (!ids) {
      ids = {
        imageID: imageID(c.image ?? ''),
        containerID: `containerd://${hex(`${this.uid}/${c.name}`, 64)}`,
      };
      this.ids[i] = ids;
    }
    return ids;
  }

  private statuses(state: ContainerStatus['state'], ready: boolean): ContainerStatus[] {
    const running = state?.running !== undefined || state?.terminated !== undefined;
    return this.containers.map((c, i) => {
      const ids = running ? this.idsOf(i, c) : undefined;
      return {
        name: c.name,
        image: c.image ?? '',
        imageID: ids ? ids.imageID : '',
        ...(ids ? { containerID: ids.containerID } : {}),
        ...(this.lastState && c === this.main ? { lastState: this.lastState } : {}),
        ready,
        restartCount: this.restarts,
        started: state?.running !== undefined,
        state,
      };
    });
  }

  private waiting(reason: string, message?: string): ContainerStatus[] {
    return this.statuses({ waiting: { reason, ...(message ? { message } : {}) } }, false);
  }

  private nodeIP(): string {
    const node = this.k.ctx.api.get<Node>('Node', undefined, this.k.nodeName);
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  containerCreating(): void {
    this.writeStatus((p) => {
      const hostIP = this.nodeIP();
      p.status = {
        ...(p.status ?? {}),
        phase: 'Pending',
        hostIP,
        hostIPs: [{ ip: hostIP }],
        // A pod that waited for its volumes keeps the startTime of its first sync.
        startTime: (this.startTime ??= formatRFC3339(this.now())),
        qosClass: p.status?.qosClass ?? 'BestEffort',
      };
      this.setConditions(p, false, false);
      p.status.containerStatuses = this.waiting('ContainerCreating');
    });
  }

  pull = { delayMs: 0, exists: false };
  stopDelayMs = 0;

  pullImage(): void {
    const { images, present, pulling, pullStarted, readyAfter } = this.k;
    const now = this.now();
    let delay = 0;
    let exists = true;
    for (const c of this.containers) {
      const image = c.image ?? '';
      const ref = parseImageRef(image);
      const info = images.lookup(image);
      const always = c.imagePullPolicy === 'Always';
      if (present.has(ref.canonical) && !always && info) {
        this.event(
          'Normal',
          'Pulled',
          `Container image "${image}" already present on machine and can be accessed by the pod`,
          c.name,
        );
        continue;
      }
      (this.pullBegan ??= new Map()).set(ref.canonical, now);
      this.event('Normal', 'Pulling', `Pulling image "${image}"`, c.name);
      if (!info) {
        exists = false;
        delay = Math.max(delay, readyAfter !== undefined ? Math.min(2000, readyAfter * 1000) : 2000);
        continue;
      }
      const inFlight = pulling.get(ref.canonical);
      let d: number;
      if (inFlight !== undefined && inFlight >= now) d = inFlight - now;
      else {
        d = readyAfter !== undefined ? Math.floor((readyAfter * 1000) / 2) : images.pullSeconds(info) * 1000;
        if (present.has(ref.canonical)) d = Math.min(d, 1000); // re-pull of a present image: only the manifest
        pulling.set(ref.canonical, now + d);
        pullStarted.set(ref.canonical, now);
      }
      delay = Math.max(delay, d);
    }
    if (readyAfter !== undefined && exists)
      delay = Math.min(delay, Math.max(0, this.created + readyAfter * 1000 - now));
    this.pull = { delayMs: delay, exists };
  }

  pullSucceeded(): void {
    const now = this.now();
    for (const c of this.containers) {
      const image = c.image ?? '';
      const ref = parseImageRef(image);
      const info = this.k.images.lookup(image);
      const began = this.pullBegan?.get(ref.canonical);
      if (!info || began === undefined) continue;
      this.k.present.add(ref.canonical);
      const pulled = this.k.pullStarted.get(ref.canonical) ?? began;
      const took = goDuration(now - pulled);
      const waited = goDuration(now - began);
      this.event(
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${waited} including waiting). Image size: ${info.sizeBytes} bytes.`,
        c.name,
      );
    }
    this.pullBegan?.clear();
  }

  private missingImageContainer(): Container | undefined {
    return this.containers.find((x) => !this.k.images.lookup(x.image ?? '')) ?? this.containers[0];
  }

  pullFailed(): void {
    const c = this.missingImageContainer();
    if (!c) return;
    const image = c.image ?? '';
    const msg = notFoundError(parseImageRef(image).canonical);
    this.event('Warning', 'Failed', `Failed to pull image "${image}": ${msg}`, c.name);
    this.event('Warning', 'Failed', 'Error: ErrImagePull', c.name);
    this.writeStatus((p) => {
      this.setConditions(p, false, true);
      p.status!.containerStatuses = this.statuses(
        { waiting: { reason: 'ErrImagePull', message: msg } },
        false,
      );
    });
  }

  imagePullBackOff(): void {
    const c = this.missingImageContainer();
    if (!c) return;
    const image = c.image ?? '';
    this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`, c.name);
    this.event('Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
    const msg = `Back-off pulling image "${image}": ErrImagePull: ${notFoundError(parseImageRef(image).canonical)}`;
    this.writeStatus((p) => {
      p.status!.containerStatuses = this.statuses(
        { waiting: { reason: 'ImagePullBackOff', message: msg } },
        false,
      );
    });
  }

  startDelayMs(): number {
    const readyAfter = this.k.readyAfter;
    if (readyAfter !== undefined) return Math.max(0, this.created + readyAfter * 1000 - this.now());
    return CONTAINER_START_MS;
  }

  containerStarted(): void {
    for (const c of this.containers) {
      this.event('Normal', 'Created', 'Container created', c.name);
      this.event('Normal', 'Started', 'Container started', c.name);
    }
    if (this.startedAtMs > 0) this.restarts++;
    this.startedAt = formatRFC3339(this.now());
    this.startedAtMs = this.now();
    this.podIP ||= this.k.allocateIP();
    const main = this.main;
    const readinessProbe = main?.readinessProbe;
    this.ready = !readinessProbe;
    this.writeStatus((p) => {
      p.status!.phase = 'Running';
      p.status!.podIP = this.podIP;
      p.status!.podIPs = [{ ip: this.podIP }];
      this.setConditions(p, this.ready, true);
      p.status!.containerStatuses = this.statuses({ running: { startedAt: this.startedAt } }, this.ready);
    });
    if (!main || !this.model) return;
    const workers = (this.workers ??= []);
    const clock = this.k.ctx.clock;
    if (readinessProbe) workers.push(new ProbeWorker(clock, 'readiness', readinessProbe, this));
    if (main.livenessProbe) workers.push(new ProbeWorker(clock, 'liveness', main.livenessProbe, this));
    for (const w of workers) w.start();
  }

  // ProbeTarget: the probe workers' view of the main container.
  upSeconds(): number | undefined {
    return this.ownProcess();
  }

  run(probe: Parameters<ProbeTarget['run']>[0]): ReturnType<ProbeTarget['run']> {
    return runProbe(probe, this.main!, this.mainImage, this.model!, this.ownProcess() ?? 0, this.podIP);
  }

  onResult(kind: ProbeKind, ok: boolean, output: string): void {
    const main = this.main!;
    const label = kind === 'readiness' ? 'Readiness' : 'Liveness';
    if (!ok && output !== '\u0000threshold') {
      this.event('Warning', 'Unhealthy', `${label} probe failed: ${output}`, main.name);
      return;
    }
    if (kind === 'liveness') {
      if (!ok) this.k.livenessFailed(this.key);
      return;
    }
    if (ok === this.ready) return;
    this.ready = ok;
    this.writeStatus((p) => {
      this.setConditions(p, this.ready, true);
      p.status!.containerStatuses = this.statuses({ running: { startedAt: this.startedAt } }, this.ready);
    });
  }

  processExitMs(): number | undefined {
    return this.model?.exitAfterSeconds !== undefined ? this.model.exitAfterSeconds * 1000 : undefined;
  }

  livenessKill(): void {
    this.stopProbes();
    const main = this.main;
    if (main)
      this.event(
        'Normal',
        'Killing',
        `Container ${main.name} failed liveness probe, will be restarted`,
        main.name,
      );
    this.stopDelayMs = Math.min(
      (this.initial.spec?.terminationGracePeriodSeconds ?? 30) * 1000,
      (this.mainImage?.stopSeconds ?? 1) * 1000,
    );
  }

  containerExited(): void {
    this.stopProbes();
    const model = this.model;
    const now = this.now();
    const killedByProbe =
      model?.exitAfterSeconds === undefined || now - this.startedAtMs < (model.exitAfterSeconds ?? 0) * 1000;
    const exitCode = killedByProbe
      ? (this.mainImage?.stopSeconds ?? 1) === Number.POSITIVE_INFINITY
        ? 137
        : 0
      : (model?.exitCode ?? 0);
    const terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: this.startedAt,
      finishedAt: formatRFC3339(now),
      containerID: `containerd://${hex(`${this.uid}/${this.main?.name ?? ''}/${this.restarts}`, 64)}`,
    };
    this.terminatedState = { terminated };
    this.ready = false;
    this.writeStatus((p) => {
      this.setConditions(p, false, true);
      p.status!.containerStatuses = this.statuses(this.terminatedState, false);
    });
    this.lastState = this.terminatedState;
  }

  crashLoopBackOff(delayMs: number): void {
    const main = this.main;
    if (!main) return;
    const { name, ns, uid } = this;
    const msg = `back-off ${goDuration(delayMs)} restarting failed container=${main.name} pod=${name}_${ns}(${uid})`;
    this.event(
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${main.name} in pod ${name}_${ns}(${uid})`,
      main.name,
    );
    this.writeStatus((p) => {
      p.status!.containerStatuses = this.statuses(
        { waiting: { reason: 'CrashLoopBackOff', message: msg } },
        false,
      );
    });
  }

  killContainers(): void {
    this.stopDelayMs = this.signalTerm();
  }

  /** Sends SIGTERM to the containers (Killing events); returns ms until every one has exited. */
  private signalTerm(): number {
    this.stopProbes();
    const p = this.current();
    const grace =
      (p?.metadata.deletionGracePeriodSeconds ?? p?.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    const terminateAfter = this.k.terminateAfter;
    if (terminateAfter !== undefined) {
      if (this.startedAt)
        for (const c of this.containers)
          this.event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
      return terminateAfter * 1000;
    }
    if (!this.startedAt) return 0;
    let stop = 0;
    for (const c of this.containers) {
      this.event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
      const info = this.k.images.lookup(c.image ?? '');
      stop = Math.max(stop, Math.min(grace, (info?.stopSeconds ?? 1) * 1000));
    }
    return stop;
  }

  containersStopped(): void {
    if (!this.startedAt) return;
    const p = this.current();
    const grace = (p?.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    const killed = this.containers.some(
      (c) => (this.k.images.lookup(c.image ?? '')?.stopSeconds ?? 1) * 1000 > grace,
    );
    const finishedAt = formatRFC3339(this.now());
    const exitCode = killed && this.k.terminateAfter === undefined ? 137 : 0;
    const startedAt = this.startedAt;
    this.writeStatus((q) => {
      q.status!.phase = exitCode === 0 ? 'Succeeded' : 'Failed';
      this.setConditions(q, false, false);
      q.status!.containerStatuses = this.statuses(
        {
          terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt },
        },
        false,
      );
    });
  }

  removePod(): void {
    const p = this.current();
    if (p) this.k.ctx.api.delete('Pod', this.ns, this.name, { gracePeriodSeconds: 0 });
  }
}
