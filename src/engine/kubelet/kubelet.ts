// One kubelet per node: admits the pods bound to its node, runs each pod's lifecycle machine, pulls images
// (one pull per image at a time, shared by the pods that need it), writes pod status and records events.
import type { Controller, ControllerContext } from '../controller/controller.ts';
import { keyOf, splitKey } from '../controller/controller.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, Stored } from '../api/types.ts';
import type { TimerId } from '../clock/clock.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { deepCopy } from '../util/copy.ts';
import { MachineRunner, type MachineInstance } from '../clock/machine-runner.ts';
import { podMachine, type PodTimings } from './pod-machine.ts';
import { parseImageRef, type ImageRegistry } from './images.ts';
import { readyConditions } from './node-status.ts';
import { CONTAINER_START_MS, PodRuntime, type KubeletShared } from './pod-host.ts';

export interface KubeletTimings {
  readyAfterSeconds?: number;
  terminateAfterSeconds?: number;
}

/** Default timings of the model (documented in ARCHITECTURE.md). */
export const SANDBOX_MS = 1000;
export { CONTAINER_START_MS };
export const REMOVE_AFTER_EXIT_MS = 1000;
// Models kubernetes/pkg/kubelet/volumemanager/volume_manager.go podAttachAndMountTimeout (2m3s)
export const VOLUME_MOUNT_TIMEOUT_MS = 123_000;

/** A pod whose claims are not bound yet: the kubelet reported it ContainerCreating and waits to mount them. */
interface VolumeWait {
  uid: string;
  host: PodRuntime;
  timer: TimerId;
}

interface PodRecord {
  uid: string;
  /** Its lifecycle machine; unset only while the machine's first step runs. */
  machine: MachineInstance<typeof podMachine> | undefined;
  host: PodRuntime;
  terminating: boolean;
}

/**
 * One Pod watch for all the kubelets of an apiserver, handing each event to the kubelet(s) of the node(s) it
 * names, in the order the kubelets were created (as one watch per kubelet would, without asking every
 * kubelet about every pod).
 */
class PodDispatcher {
  /** Kubelets by node name, each with its creation index. */
  private readonly byNode = new Map<string, { kubelet: Kubelet; index: number }[]>();
  private registered = 0;

  constructor(ctx: ControllerContext) {
    ctx.api.watch<Pod>('Pod', (e) => {
      if (e.type === 'MODIFIED' && e.old && !podsDifferSemantically(e.old, e.object)) return;
      const n = e.object.spec?.nodeName;
      const o = e.old?.spec?.nodeName;
      const a = n !== undefined ? this.byNode.get(n) : undefined;
      const b = o !== undefined && o !== n ? this.byNode.get(o) : undefined;
      if (!a && !b) return;
      const key = keyOf(e.object);
      const targets = a && b ? [...a, ...b].sort((x, y) => x.index - y.index) : (a ?? b)!;
      for (const t of targets) ctx.queue.add(t.kubelet, key);
    });
  }

  register(k: Kubelet): void {
    const entry = { kubelet: k, index: this.registered++ };
    const list = this.byNode.get(k.nodeName);
    if (list) list.push(entry);
    else this.byNode.set(k.nodeName, [entry]);
  }
}

// Models kubernetes/pkg/kubelet/config/config.go podsDifferSemantically
/**
 * Whether a pod change matters to the kubelet's pod config (spec, labels, annotations, deletion); a status-only
 * write (the kubelet's own, mostly) does not start a pod sync. Stored pods share unchanged parts with their
 * previous version, so sameness is checked by reference: a copy counts as a change (a sync is harmless).
 */
function podsDifferSemantically(existing: Stored<Pod>, ref: Stored<Pod>): boolean {
  const a = existing.metadata;
  const b = ref.metadata;
  return !(
    existing.spec === ref.spec &&
    a.labels === b.labels &&
    a.annotations === b.annotations &&
    a.deletionTimestamp === b.deletionTimestamp &&
    a.deletionGracePeriodSeconds === b.deletionGracePeriodSeconds
  );
}

const dispatchers = new WeakMap<ControllerContext['api'], PodDispatcher>();

function podDispatcher(ctx: ControllerContext): PodDispatcher {
  let d = dispatchers.get(ctx.api);
  if (!d) dispatchers.set(ctx.api, (d = new PodDispatcher(ctx)));
  return d;
}

export class Kubelet implements Controller {
  readonly name: string;
  private readonly pods = new Map<string, PodRecord>();
  /** Images present on this node: canonical reference → true. */
  private readonly present = new Set<string>();
  /** Pulls in flight: canonical reference → virtual time the pull completes. */
  private readonly pulling = new Map<string, number>();
  /** When the pull in flight (or last finished) of each image began. */
  private readonly pullStarted = new Map<string, number>();
  private nextIP = 2;
  /** False while the node is powered off: no syncs, no status, no heartbeats. */
  running = true;
  /** When this kubelet (last) started: its Lease renewals are on a 10 s grid from here. */
  startedAt: number;
  /** When this kubelet was last powered off (see heartbeat.ts), if ever. */
  stoppedAt: number | undefined;
  /** Runs the pod machines on the virtual clock (one runner per kubelet). */
  private readonly runner: MachineRunner<typeof podMachine>;
  private readonly source: { component: string; host: string };
  /** What this kubelet's pod runtimes share (one object per node). */
  private readonly shared: KubeletShared;
  private readonly podTimings: PodTimings;
  private readonly volumeWaits = new Map<string, VolumeWait>();

  constructor(
    private readonly ctx: ControllerContext,
    readonly nodeName: string,
    images: ImageRegistry,
    timings: KubeletTimings,
  ) {
    this.name = `kubelet/${nodeName}`;
    this.runner = new MachineRunner(podMachine, ctx.clock);
    this.source = { component: 'kubelet', host: nodeName };
    this.startedAt = ctx.clock.now();
    this.shared = {
      ctx,
      nodeName,
      images,
      source: this.source,
      readyAfter: timings.readyAfterSeconds,
      terminateAfter: timings.terminateAfterSeconds,
      present: this.present,
      pulling: this.pulling,
      pullStarted: this.pullStarted,
      allocateIP: () => this.allocateIP(),
      livenessFailed: (key) => this.pods.get(key)?.machine?.send({ type: 'LIVENESS_FAILED' }),
    };
    this.podTimings = {
      sandboxMs: timings.readyAfterSeconds !== undefined ? 0 : SANDBOX_MS,
      removeMs: timings.terminateAfterSeconds !== undefined ? 0 : REMOVE_AFTER_EXIT_MS,
    };
    podDispatcher(ctx).register(this);
    ctx.api.watch<PersistentVolumeClaim>('PersistentVolumeClaim', (e) => {
      if (this.volumeWaits.size === 0) return;
      for (const k of this.volumeWaits.keys())
        if (splitKey(k)[0] === e.object.metadata.namespace) ctx.queue.add(this, k);
    });
    ctx.api.watch('PersistentVolume', () => {
      for (const k of this.volumeWaits.keys()) ctx.queue.add(this, k);
    });
  }

  // Models kubernetes/pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go getPVCExtractPV
  /** The pod's volumes whose claims cannot be mounted yet (missing, terminating, not bound), sorted. */
  private unmountableVolumes(pod: Stored<Pod>): string[] {
    const out: string[] = [];
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (claimName === undefined) continue;
      const pvc = this.ctx.api.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        pod.metadata.namespace,
        claimName,
      );
      const pvName = pvc?.spec?.volumeName;
      const ok =
        pvc &&
        !pvc.metadata.deletionTimestamp &&
        pvc.status?.phase === 'Bound' &&
        pvName &&
        this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pvName);
      if (!ok) out.push(v.name);
    }
    return out.sort();
  }

  /**
   * Holds a pod whose claims are not bound (ContainerCreating); every podAttachAndMountTimeout it reports
   * FailedMount, as the kubelet's WaitForAttachAndMount times out and the pod sync is retried.
   */
  private waitForVolumes(key: string, pod: Stored<Pod>): void {
    let w = this.volumeWaits.get(key);
    if (w && w.uid !== pod.metadata.uid) {
      this.ctx.clock.clearTimeout(w.timer);
      w = undefined;
    }
    if (w) return;
    const host = new PodRuntime(this.shared, key, pod, this.restartsOf(pod));
    host.containerCreating();
    const uid = pod.metadata.uid;
    const fire = (): void => {
      const current = this.volumeWaits.get(key);
      const p = this.ctx.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (current?.uid !== uid || !p || p.metadata.uid !== uid || !this.running) return;
      const names = this.unmountableVolumes(p);
      if (names.length === 0) return;
      // Models kubernetes/pkg/kubelet/volumemanager/volume_manager.go WaitForAttachAndMount (the error text)
      const list = `[${names.join(' ')}]`;
      this.ctx.recorder.event(
        p,
        'Warning',
        'FailedMount',
        `Unable to attach or mount volumes: unmounted volumes=${list}, unattached volumes=[], failed to process volumes=${list}: context deadline exceeded`,
        this.source,
      );
      current.timer = this.ctx.clock.setTimeout(fire, VOLUME_MOUNT_TIMEOUT_MS);
    };
    this.volumeWaits.set(key, { uid, host, timer: this.ctx.clock.setTimeout(fire, VOLUME_MOUNT_TIMEOUT_MS) });
  }

  private stopVolumeWait(key: string): PodRuntime | undefined {
    const w = this.volumeWaits.get(key);
    if (!w) return undefined;
    this.ctx.clock.clearTimeout(w.timer);
    this.volumeWaits.delete(key);
    return w.host;
  }

  /** Marks images as already pulled on this node (e.g. the control-plane images). */
  preload(refs: string[]): void {
    for (const r of refs) this.present.add(parseImageRef(r).canonical);
  }

  /** Power off: every container stops, nothing is reported any more. */
  stop(): void {
    this.running = false;
    this.stoppedAt = this.ctx.clock.now();
    for (const rec of this.pods.values()) {
      rec.machine?.stop();
      rec.host.stopProbes();
    }
    this.pods.clear();
    this.pulling.clear();
    for (const k of [...this.volumeWaits.keys()]) this.stopVolumeWait(k);
  }

  /** Power on: the kubelet posts Ready again and resyncs every pod bound to the node. */
  start(): void {
    this.running = true;
    this.startedAt = this.ctx.clock.now();
    const node = this.ctx.api.get<Node>('Node', undefined, this.nodeName);
    if (node) {
      const next = deepCopy(node);
      const ts = formatRFC3339(this.ctx.clock.now());
      next.status!.conditions = readyConditions(ts).map((c) => {
        const old = node.status?.conditions?.find((o) => o.type === c.type);
        return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
      });
      const [updated] = this.ctx.api.update(next, { status: true });
      if (updated) {
        this.ctx.recorder.event(updated, 'Normal', 'Starting', 'Starting kubelet.', this.source);
        this.ctx.recorder.event(
          updated,
          'Normal',
          'NodeReady',
          `Node ${this.nodeName} status is now: NodeReady`,
          this.source,
        );
      }
    }
    for (const pod of this.ctx.api.list<Pod>('Pod'))
      if (pod.spec?.nodeName === this.nodeName) this.ctx.queue.add(this, keyOf(pod));
  }

  sync(key: string): void {
    if (!this.running) return;
    const [ns, name] = splitKey(key);
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    let rec = this.pods.get(key);
    if (rec && (!pod || pod.metadata.uid !== rec.uid)) {
      rec.machine?.stop();
      rec.host.stopProbes();
      this.pods.delete(key);
      rec = undefined;
    }
    if (!pod || pod.spec?.nodeName !== this.nodeName) {
      this.stopVolumeWait(key);
      return;
    }
    if (!rec) {
      const waited = this.volumeWaits.get(key);
      if (waited && (waited.uid !== pod.metadata.uid || pod.metadata.deletionTimestamp))
        this.stopVolumeWait(key);
      if (pod.metadata.deletionTimestamp) {
        // Nothing runs here for it (never started, or its containers died with the node): the kubelet only
        // reports it terminated, and its status manager then removes it.
        const uid = pod.metadata.uid;
        const remove = () => {
          const p = this.ctx.api.get<Pod>('Pod', ns, name);
          if (p && p.metadata.uid === uid && this.running)
            this.ctx.api.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
        };
        if (this.podTimings.removeMs === 0) remove();
        else this.ctx.clock.setTimeout(remove, this.podTimings.removeMs);
        return;
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      if (this.unmountableVolumes(pod).length > 0) {
        this.waitForVolumes(key, pod);
        return;
      }
      rec = this.startPod(key, pod, this.restartsOf(pod), this.stopVolumeWait(key));
    }
    if (pod.metadata.deletionTimestamp && !rec.terminating) {
      rec.terminating = true;
      rec.machine?.send({ type: 'KILL' });
    }
  }

  /** A pod this kubelet already ran before it was powered off restarts its containers: RESTARTS + 1. */
  private restartsOf(pod: Stored<Pod>): number {
    const cs = pod.status?.containerStatuses?.[0];
    if (!cs) return 0;
    const ran =
      cs.state?.running !== undefined || cs.state?.terminated !== undefined || (cs.restartCount ?? 0) > 0;
    return ran ? (cs.restartCount ?? 0) + 1 : (cs.restartCount ?? 0);
  }

  private startPod(key: string, pod: Stored<Pod>, restartCount = 0, waited?: PodRuntime): PodRecord {
    const host = waited ?? new PodRuntime(this.shared, key, pod, restartCount);
    const rec: PodRecord = { uid: pod.metadata.uid, machine: undefined, host, terminating: false };
    this.pods.set(key, rec);
    rec.machine = this.runner.start({ host, timings: this.podTimings });
    return rec;
  }

  private allocateIP(): string {
    const node = this.ctx.api.get<Node>('Node', undefined, this.nodeName);
    const prefix = (node?.spec?.podCIDR ?? '10.244.0.0/24').split('.').slice(0, 3).join('.');
    return `${prefix}.${this.nextIP++}`;
  }
}
