// One kubelet per node: admits the pods bound to its node, runs each pod's lifecycle machine, pulls images
// (one pull per image at a time, shared by the pods that need it), writes pod status and records events.
import { createActor, type Actor } from 'xstate';
import type { Controller, ControllerContext } from '../controller/controller.ts';
import { keyOf, splitKey } from '../controller/controller.ts';
import type { Container, ContainerStatus, Node, Pod, PodCondition, Stored } from '../api/types.ts';
import { formatRFC3339, goDuration, parseTime } from '../apimachinery/time.ts';
import { deepCopy } from '../util/copy.ts';
import { fnv32a } from '../rand/rand.ts';
import { xstateClock, type XStateClock } from '../clock/xstate-clock.ts';
import { podMachine, type PodHost, type PodTimings } from './pod-machine.ts';
import { parseImageRef, type ImageRegistry } from './images.ts';
import { readyConditions } from './node-status.ts';
import { processModel, runProbe } from './container-runtime.ts';
import { ProbeWorker, type ProbeTarget } from './prober.ts';

export interface KubeletTimings {
  readyAfterSeconds?: number;
  terminateAfterSeconds?: number;
}

/** Default timings of the model (documented in ARCHITECTURE.md). */
export const SANDBOX_MS = 1000;
export const CONTAINER_START_MS = 1000;
export const REMOVE_AFTER_EXIT_MS = 1000;

interface PodRecord {
  uid: string;
  actor: Actor<typeof podMachine>;
  stopProbes?: () => void;
  created: number;
  terminating: boolean;
}

function hex(seed: string, len: number): string {
  let out = '';
  let h = fnv32a(seed);
  while (out.length < len) {
    h = fnv32a(String(h), h);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, len);
}

const notFoundError = (canonical: string) =>
  `rpc error: code = NotFound desc = failed to pull and unpack image "${canonical}": failed to resolve reference "${canonical}": ${canonical}: not found`;

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
  private readonly clock: XStateClock;
  private readonly source: { component: string; host: string };

  constructor(
    private readonly ctx: ControllerContext,
    readonly nodeName: string,
    private readonly images: ImageRegistry,
    private readonly timings: KubeletTimings,
  ) {
    this.name = `kubelet/${nodeName}`;
    this.clock = xstateClock(ctx.clock);
    this.source = { component: 'kubelet', host: nodeName };
    this.startedAt = ctx.clock.now();
    ctx.api.watch<Pod>('Pod', (e) => {
      if (e.object.spec?.nodeName === nodeName || e.old?.spec?.nodeName === nodeName)
        ctx.queue.add(this, keyOf(e.object));
    });
  }

  /** Marks images as already pulled on this node (e.g. the control-plane images). */
  preload(refs: string[]): void {
    for (const r of refs) this.present.add(parseImageRef(r).canonical);
  }

  /** Power off: every container stops, nothing is reported any more. */
  stop(): void {
    this.running = false;
    for (const rec of this.pods.values()) {
      rec.actor.stop();
      rec.stopProbes?.();
    }
    this.pods.clear();
    this.pulling.clear();
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
      rec.actor.stop();
      rec.stopProbes?.();
      this.pods.delete(key);
      rec = undefined;
    }
    if (!pod || pod.spec?.nodeName !== this.nodeName) return;
    if (!rec) {
      if (pod.metadata.deletionTimestamp) {
        // Never started here: nothing to stop.
        this.ctx.api.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
        return;
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      rec = this.startPod(key, pod, this.restartsOf(pod));
    }
    if (pod.metadata.deletionTimestamp && !rec.terminating) {
      rec.terminating = true;
      rec.actor.send({ type: 'KILL' });
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

  private startPod(key: string, pod: Stored<Pod>, restartCount = 0): PodRecord {
    const host = this.hostFor(key, pod, restartCount);
    const readyAfter = this.timings.readyAfterSeconds;
    const timings: PodTimings = {
      sandboxMs: readyAfter !== undefined ? 0 : SANDBOX_MS,
      removeMs: this.timings.terminateAfterSeconds !== undefined ? 0 : REMOVE_AFTER_EXIT_MS,
    };
    const actor = createActor(podMachine, { input: { host, timings }, clock: this.clock });
    const rec: PodRecord = {
      uid: pod.metadata.uid,
      actor,
      stopProbes: () => host.stopProbes(),
      created: parseTime(pod.metadata.creationTimestamp),
      terminating: false,
    };
    this.pods.set(key, rec);
    actor.start();
    return rec;
  }

  private hostFor(key: string, initial: Stored<Pod>, restartCount: number): PodHost & { stopProbes(): void } {
    const [ns, name] = splitKey(key);
    const api = this.ctx.api;
    const uid = initial.metadata.uid;
    const containers: Container[] = initial.spec?.containers ?? [];
    const now = () => this.ctx.clock.now();
    const current = () => {
      const p = api.get<Pod>('Pod', ns, name);
      return p && p.metadata.uid === uid ? p : undefined;
    };
    const writeStatus = (mutate: (p: Stored<Pod>) => void) => {
      const p = current();
      if (!p) return;
      const next = deepCopy(p);
      mutate(next);
      api.update(next, { status: true });
    };
    const event = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => {
      const p = current();
      if (p)
        this.ctx.recorder.event(
          p,
          type,
          reason,
          message,
          this.source,
          container ? `spec.containers{${container}}` : undefined,
        );
    };
    const readyAfter = this.timings.readyAfterSeconds;
    const terminateAfter = this.timings.terminateAfterSeconds;
    const created = parseTime(initial.metadata.creationTimestamp);
    let startedAt = '';
    let startedAtMs = 0;
    let podIP = '';
    let restarts = restartCount;
    let lastState: ContainerStatus['lastState'];
    let terminatedState: ContainerStatus['state'];
    let ready = false;
    const pullBegan = new Map<string, number>();
    const main = containers[0];
    const mainImage = main ? this.images.lookup(main.image ?? '') : undefined;
    const model = main ? processModel(main, mainImage) : undefined;
    const workers: ProbeWorker[] = [];
    const stopProbes = () => {
      for (const w of workers) w.stop();
      workers.length = 0;
    };
    const ownProcess = () => (startedAtMs > 0 ? (now() - startedAtMs) / 1000 : undefined);

    const setConditions = (p: Stored<Pod>, ready: boolean, sandbox: boolean) => {
      const ts = formatRFC3339(now());
      const prev = p.status?.conditions ?? [];
      const cond = (type: string, status: boolean, reason?: string, message?: string): PodCondition => {
        const old = prev.find((c) => c.type === type);
        const s = status ? 'True' : 'False';
        return {
          type,
          status: s,
          lastProbeTime: null as unknown as string,
          lastTransitionTime: old && old.status === s ? old.lastTransitionTime : ts,
          ...(reason ? { reason } : {}),
          ...(message ? { message } : {}),
        };
      };
      const names = containers.map((c) => c.name).join(' ');
      const unready = ready ? undefined : `containers with unready status: [${names}]`;
      p.status!.conditions = [
        cond('PodReadyToStartContainers', sandbox),
        cond('Initialized', true),
        cond('Ready', ready, ready ? undefined : 'ContainersNotReady', unready),
        cond('ContainersReady', ready, ready ? undefined : 'ContainersNotReady', unready),
        cond('PodScheduled', true),
      ];
    };
    const statuses = (
      state: ContainerStatus['state'],
      ready: boolean,
      extra: Partial<ContainerStatus> = {},
    ): ContainerStatus[] =>
      containers.map((c) => {
        const ref = parseImageRef(c.image ?? '');
        const running = state?.running !== undefined || state?.terminated !== undefined;
        return {
          name: c.name,
          image: c.image ?? '',
          imageID: running ? `${ref.repository}@sha256:${hex(ref.canonical, 64)}` : '',
          ...(running ? { containerID: `containerd://${hex(`${uid}/${c.name}`, 64)}` } : {}),
          ...(lastState && c === main ? { lastState } : {}),
          ready,
          restartCount: restarts,
          started: state?.running !== undefined,
          state,
          ...extra,
        };
      });
    const waiting = (reason: string, message?: string) =>
      statuses({ waiting: { reason, ...(message ? { message } : {}) } }, false);
    const nodeIP = () => {
      const node = api.get<Node>('Node', undefined, this.nodeName);
      return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    };

    return {
      stopProbes,
      containerCreating: () =>
        writeStatus((p) => {
          const hostIP = nodeIP();
          p.status = {
            ...(p.status ?? {}),
            phase: 'Pending',
            hostIP,
            hostIPs: [{ ip: hostIP }],
            startTime: formatRFC3339(now()),
            qosClass: p.status?.qosClass ?? 'BestEffort',
          };
          setConditions(p, false, false);
          p.status.containerStatuses = waiting('ContainerCreating');
        }),
      pullImage: () => {
        let delay = 0;
        let exists = true;
        let alreadyPresent = true;
        for (const c of containers) {
          const image = c.image ?? '';
          const ref = parseImageRef(image);
          const info = this.images.lookup(image);
          const always = c.imagePullPolicy === 'Always';
          if (this.present.has(ref.canonical) && !always && info) {
            event(
              'Normal',
              'Pulled',
              `Container image "${image}" already present on machine and can be accessed by the pod`,
              c.name,
            );
            continue;
          }
          alreadyPresent = false;
          pullBegan.set(ref.canonical, now());
          event('Normal', 'Pulling', `Pulling image "${image}"`, c.name);
          if (!info) {
            exists = false;
            delay = Math.max(delay, readyAfter !== undefined ? Math.min(2000, readyAfter * 1000) : 2000);
            continue;
          }
          const inFlight = this.pulling.get(ref.canonical);
          let d: number;
          if (inFlight !== undefined && inFlight >= now()) d = inFlight - now();
          else {
            d =
              readyAfter !== undefined
                ? Math.floor((readyAfter * 1000) / 2)
                : this.images.pullSeconds(info) * 1000;
            if (this.present.has(ref.canonical)) d = Math.min(d, 1000); // re-pull of a present image: only the manifest
            this.pulling.set(ref.canonical, now() + d);
            this.pullStarted.set(ref.canonical, now());
          }
          delay = Math.max(delay, d);
        }
        if (readyAfter !== undefined && exists)
          delay = Math.min(delay, Math.max(0, created + readyAfter * 1000 - now()));
        return { delayMs: delay, exists, alreadyPresent };
      },
      pullSucceeded: () => {
        for (const c of containers) {
          const image = c.image ?? '';
          const ref = parseImageRef(image);
          const info = this.images.lookup(image);
          const began = pullBegan.get(ref.canonical);
          if (!info || began === undefined) continue;
          this.present.add(ref.canonical);
          const pulled = this.pullStarted.get(ref.canonical) ?? began;
          const took = goDuration(now() - pulled);
          const waited = goDuration(now() - began);
          event(
            'Normal',
            'Pulled',
            `Successfully pulled image "${image}" in ${took} (${waited} including waiting). Image size: ${info.sizeBytes} bytes.`,
            c.name,
          );
        }
        pullBegan.clear();
      },
      pullFailed: () => {
        const c = containers.find((x) => !this.images.lookup(x.image ?? '')) ?? containers[0];
        if (!c) return;
        const image = c.image ?? '';
        const msg = notFoundError(parseImageRef(image).canonical);
        event('Warning', 'Failed', `Failed to pull image "${image}": ${msg}`, c.name);
        event('Warning', 'Failed', 'Error: ErrImagePull', c.name);
        writeStatus((p) => {
          setConditions(p, false, true);
          p.status!.containerStatuses = statuses(
            { waiting: { reason: 'ErrImagePull', message: msg } },
            false,
          );
        });
      },
      imagePullBackOff: () => {
        const c = containers.find((x) => !this.images.lookup(x.image ?? '')) ?? containers[0];
        if (!c) return;
        const image = c.image ?? '';
        event('Normal', 'BackOff', `Back-off pulling image "${image}"`, c.name);
        event('Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
        const msg = `Back-off pulling image "${image}": ErrImagePull: ${notFoundError(parseImageRef(image).canonical)}`;
        writeStatus((p) => {
          p.status!.containerStatuses = statuses(
            { waiting: { reason: 'ImagePullBackOff', message: msg } },
            false,
          );
        });
      },
      startDelayMs: () => {
        if (readyAfter !== undefined) return Math.max(0, created + readyAfter * 1000 - now());
        return CONTAINER_START_MS;
      },
      now,
      containerStarted: () => {
        for (const c of containers) {
          event('Normal', 'Created', 'Container created', c.name);
          event('Normal', 'Started', 'Container started', c.name);
        }
        if (startedAtMs > 0) restarts++;
        startedAt = formatRFC3339(now());
        startedAtMs = now();
        podIP ||= this.allocateIP();
        const readinessProbe = main?.readinessProbe;
        ready = !readinessProbe;
        writeStatus((p) => {
          p.status!.phase = 'Running';
          p.status!.podIP = podIP;
          p.status!.podIPs = [{ ip: podIP }];
          setConditions(p, ready, true);
          p.status!.containerStatuses = statuses({ running: { startedAt } }, ready);
        });
        if (!main || !model) return;
        const target: ProbeTarget = {
          upSeconds: ownProcess,
          run: (probe) => runProbe(probe, main, mainImage, model, ownProcess() ?? 0, podIP),
          onResult: (kind, ok, output) => {
            const label = kind === 'readiness' ? 'Readiness' : 'Liveness';
            if (!ok && output !== '\u0000threshold') {
              event('Warning', 'Unhealthy', `${label} probe failed: ${output}`, main.name);
              return;
            }
            if (kind === 'liveness') {
              if (!ok) this.pods.get(key)?.actor.send({ type: 'LIVENESS_FAILED' });
              return;
            }
            if (ok === ready) return;
            ready = ok;
            writeStatus((p) => {
              setConditions(p, ready, true);
              p.status!.containerStatuses = statuses({ running: { startedAt } }, ready);
            });
          },
        };
        if (readinessProbe)
          workers.push(new ProbeWorker(this.ctx.clock, 'readiness', readinessProbe, target));
        if (main.livenessProbe)
          workers.push(new ProbeWorker(this.ctx.clock, 'liveness', main.livenessProbe, target));
        for (const w of workers) w.start();
      },
      processExitMs: () =>
        model?.exitAfterSeconds !== undefined ? model.exitAfterSeconds * 1000 : undefined,
      livenessKill: () => {
        stopProbes();
        if (main)
          event(
            'Normal',
            'Killing',
            `Container ${main.name} failed liveness probe, will be restarted`,
            main.name,
          );
        return Math.min(
          (initial.spec?.terminationGracePeriodSeconds ?? 30) * 1000,
          (mainImage?.stopSeconds ?? 1) * 1000,
        );
      },
      containerExited: () => {
        stopProbes();
        const killedByProbe =
          model?.exitAfterSeconds === undefined || now() - startedAtMs < (model.exitAfterSeconds ?? 0) * 1000;
        const exitCode = killedByProbe
          ? (mainImage?.stopSeconds ?? 1) === Number.POSITIVE_INFINITY
            ? 137
            : 0
          : (model?.exitCode ?? 0);
        const terminated = {
          exitCode,
          reason: exitCode === 0 ? 'Completed' : 'Error',
          startedAt,
          finishedAt: formatRFC3339(now()),
          containerID: `containerd://${hex(`${uid}/${main?.name ?? ''}/${restarts}`, 64)}`,
        };
        terminatedState = { terminated };
        ready = false;
        writeStatus((p) => {
          setConditions(p, false, true);
          p.status!.containerStatuses = statuses(terminatedState, false);
        });
        lastState = terminatedState;
      },
      crashLoopBackOff: (delayMs) => {
        if (!main) return;
        const msg = `back-off ${goDuration(delayMs)} restarting failed container=${main.name} pod=${name}_${ns}(${uid})`;
        event(
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${main.name} in pod ${name}_${ns}(${uid})`,
          main.name,
        );
        writeStatus((p) => {
          p.status!.containerStatuses = statuses(
            { waiting: { reason: 'CrashLoopBackOff', message: msg } },
            false,
          );
        });
      },
      killContainers: () => {
        stopProbes();
        const p = current();
        const grace =
          (p?.metadata.deletionGracePeriodSeconds ?? p?.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
        if (terminateAfter !== undefined) {
          if (startedAt)
            for (const c of containers) event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
          return terminateAfter * 1000;
        }
        if (!startedAt) return 0;
        let stop = 0;
        for (const c of containers) {
          event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
          const info = this.images.lookup(c.image ?? '');
          stop = Math.max(stop, Math.min(grace, (info?.stopSeconds ?? 1) * 1000));
        }
        return stop;
      },
      containersStopped: () => {
        if (!startedAt) return;
        const p = current();
        const grace = (p?.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
        const killed = containers.some(
          (c) => (this.images.lookup(c.image ?? '')?.stopSeconds ?? 1) * 1000 > grace,
        );
        const finishedAt = formatRFC3339(now());
        const exitCode = killed && terminateAfter === undefined ? 137 : 0;
        writeStatus((q) => {
          q.status!.phase = exitCode === 0 ? 'Succeeded' : 'Failed';
          setConditions(q, false, false);
          q.status!.containerStatuses = statuses(
            {
              terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt },
            },
            false,
          );
        });
      },
      removePod: () => {
        const p = current();
        if (p) api.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
      },
    };
  }

  private allocateIP(): string {
    const node = this.ctx.api.get<Node>('Node', undefined, this.nodeName);
    const prefix = (node?.spec?.podCIDR ?? '10.244.0.0/24').split('.').slice(0, 3).join('.');
    return `${prefix}.${this.nextIP++}`;
  }
}
