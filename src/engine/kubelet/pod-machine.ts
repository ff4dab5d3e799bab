// A pod's lifecycle as the kubelet drives it, as an XState machine. State names are the words kubectl prints.
// Timers run on the engine's virtual clock (see clock/machine-runner.ts). The machine decides *when*; the
// kubelet (the `host`) performs the effects: status writes and events. Probes run beside it in prober.ts,
// as upstream's prober workers do, and report a liveness failure with LIVENESS_FAILED.
import { assign, setup } from 'xstate';

// Models kubernetes/pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff: 10 s initial, 300 s max.
export const backOffPeriodMs = 10_000;
export const maxBackOffMs = 300_000;
/** How long a failed pull shows ErrImagePull before the next pod sync reports ImagePullBackOff (model). */
export const errImagePullShownMs = 5_000;
// Models kubernetes/pkg/kubelet/kubelet.go: a crash back-off entry expires 600 s after its last update.
export const crashBackOffResetMs = 600_000;

/** The effects a pod machine asks its kubelet for. */
export interface PodHost {
  now(): number;
  /** Sandbox being created: status ContainerCreating. */
  containerCreating(): void;
  /** Starts (or joins) the image pull; `pull` then tells how long it takes and whether the image exists. */
  pullImage(): void;
  /** The pull started last: ms until it is done and whether the image exists. */
  readonly pull: { readonly delayMs: number; readonly exists: boolean };
  pullSucceeded(): void;
  pullFailed(): void;
  imagePullBackOff(): void;
  /** ms from now until the container has been created and started (after the image is present). */
  startDelayMs(): number;
  /** Container created and started: status Running (Ready when there is no readiness probe). */
  containerStarted(): void;
  /** ms until the main process exits by itself, or undefined when it runs until stopped. */
  processExitMs(): number | undefined;
  /** A liveness failure: the kubelet kills the container (Killing event); `stopDelayMs` tells when it stopped. */
  livenessKill(): void;
  /** The container has exited (by itself or killed): status Terminated with its exit code. */
  containerExited(): void;
  /** Waiting out the crash back-off: status CrashLoopBackOff, BackOff event. */
  crashLoopBackOff(delayMs: number): void;
  /** SIGTERM sent because the pod is being deleted (Killing event); `stopDelayMs` then tells when all exited. */
  killContainers(): void;
  /** ms from a kill (liveness or deletion) until the containers have stopped. */
  readonly stopDelayMs: number;
  containersStopped(): void;
  /** The pod's API object may be removed now. */
  removePod(): void;
}

export interface PodTimings {
  /** Sandbox and network set-up before the image is pulled. */
  sandboxMs: number;
  /** From the last container exit to the API object's removal. */
  removeMs: number;
}

/**
 * The back-off state lives in the context; the figures of the step in progress (pull time, stop time) are the
 * host's, read by the delays, so the common path of a pod's life runs no `assign`.
 */
interface Context {
  host: PodHost;
  timings: PodTimings;
  pullBackOffMs: number;
  crashBackOffMs: number;
  crashBackOffUpdated: number;
  waitMs: number;
}

export const podMachine = setup({
  types: {
    context: {} as Context,
    input: {} as { host: PodHost; timings: PodTimings },
    events: {} as { type: 'KILL' } | { type: 'LIVENESS_FAILED' },
  },
  delays: {
    sandbox: ({ context }) => context.timings.sandboxMs,
    pull: ({ context }) => context.host.pull.delayMs,
    start: ({ context }) => context.host.startDelayMs(),
    errImagePullShown: () => errImagePullShownMs,
    // The part of the pull back-off window left after ErrImagePull was shown.
    pullBackOff: ({ context }) => Math.max(0, context.pullBackOffMs - errImagePullShownMs),
    processExit: ({ context }) => context.host.processExitMs() ?? 0,
    wait: ({ context }) => context.waitMs,
    stop: ({ context }) => context.host.stopDelayMs,
    remove: ({ context }) => context.timings.removeMs,
  },
  guards: {
    pullOk: ({ context }) => context.host.pull.exists,
    processExits: ({ context }) => context.host.processExitMs() !== undefined,
    // Models kubernetes/pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (IsInBackOffSince)
    inCrashBackOff: ({ context }) =>
      context.crashBackOffMs > 0 && context.host.now() - context.crashBackOffUpdated <= crashBackOffResetMs,
  },
  actions: {
    containerCreating: ({ context }) => context.host.containerCreating(),
    startPull: ({ context }) => context.host.pullImage(),
    pullSucceeded: ({ context }) => context.host.pullSucceeded(),
    pullFailed: ({ context }) => context.host.pullFailed(),
    // Models client-go/util/flowcontrol/backoff.go Backoff.Next: 10 s, doubling, capped at 300 s.
    advancePullBackOff: assign(({ context }) => ({
      pullBackOffMs:
        context.pullBackOffMs === 0 ? backOffPeriodMs : Math.min(context.pullBackOffMs * 2, maxBackOffMs),
    })),
    imagePullBackOff: ({ context }) => context.host.imagePullBackOff(),
    containerStarted: ({ context }) => context.host.containerStarted(),
    livenessKill: ({ context }) => context.host.livenessKill(),
    containerExited: ({ context }) => context.host.containerExited(),
    // Models client-go/util/flowcontrol/backoff.go Backoff.Next for the container restart back-off.
    advanceCrashBackOff: assign(({ context }) => {
      const expired = context.host.now() - context.crashBackOffUpdated > crashBackOffResetMs;
      const prev = expired ? 0 : context.crashBackOffMs;
      return {
        crashBackOffMs: prev === 0 ? backOffPeriodMs : Math.min(prev * 2, maxBackOffMs),
        crashBackOffUpdated: context.host.now(),
      };
    }),
    startCrashWait: assign(({ context }) => ({ waitMs: context.crashBackOffMs })),
    crashLoopBackOff: ({ context }) => context.host.crashLoopBackOff(context.waitMs),
    kill: ({ context }) => context.host.killContainers(),
    containersStopped: ({ context }) => context.host.containersStopped(),
    removePod: ({ context }) => context.host.removePod(),
  },
}).createMachine({
  id: 'pod',
  context: ({ input }) => ({
    ...input,
    pullBackOffMs: 0,
    crashBackOffMs: 0,
    crashBackOffUpdated: 0,
    waitMs: 0,
  }),
  initial: 'ContainerCreating',
  on: { KILL: '.Terminating' },
  states: {
    ContainerCreating: {
      entry: 'containerCreating',
      after: { sandbox: 'Pulling' },
    },
    Pulling: {
      entry: 'startPull',
      after: {
        pull: [
          { guard: 'pullOk', target: 'Starting', actions: 'pullSucceeded' },
          { target: 'ErrImagePull', actions: ['pullFailed', 'advancePullBackOff'] },
        ],
      },
    },
    ErrImagePull: {
      after: { errImagePullShown: 'ImagePullBackOff' },
    },
    ImagePullBackOff: {
      entry: 'imagePullBackOff',
      after: { pullBackOff: 'Pulling' },
    },
    Starting: {
      after: { start: [{ guard: 'processExits', target: 'RunningUntilExit' }, { target: 'Running' }] },
    },
    // Running until stopped (a server such as nginx).
    Running: {
      entry: 'containerStarted',
      on: { LIVENESS_FAILED: 'Killing' },
    },
    // Running, and its main process will exit by itself (e.g. `busybox` with a finite command). Two flat states
    // rather than one with substates: a pod machine is made for every pod, and flat configurations are cheaper.
    RunningUntilExit: {
      entry: 'containerStarted',
      on: { LIVENESS_FAILED: 'Killing' },
      after: { processExit: 'Exited' },
    },
    Killing: {
      entry: 'livenessKill',
      after: { stop: 'Exited' },
    },
    Exited: {
      entry: 'containerExited',
      always: [
        { guard: 'inCrashBackOff', target: 'CrashLoopBackOff', actions: 'startCrashWait' },
        { target: 'Pulling', actions: 'advanceCrashBackOff' },
      ],
    },
    CrashLoopBackOff: {
      entry: 'crashLoopBackOff',
      after: { wait: { target: 'Pulling', actions: 'advanceCrashBackOff' } },
    },
    Terminating: {
      entry: 'kill',
      on: { KILL: {} },
      after: { stop: 'Stopped' },
    },
    Stopped: {
      entry: 'containersStopped',
      on: { KILL: {} },
      after: { remove: 'Gone' },
    },
    Gone: {
      type: 'final',
      entry: 'removePod',
    },
  },
});
