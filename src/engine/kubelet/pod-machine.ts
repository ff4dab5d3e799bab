// A pod's lifecycle as the kubelet drives it, as an XState machine. State names are the words kubectl prints.
// Timers run on the engine's virtual clock (see clock/xstate-clock.ts). The machine decides *when*; the
// kubelet (the `host`) performs the effects: status writes and events.
import { assign, setup } from 'xstate';

// Models kubernetes/pkg/kubelet/kubelet.go constants: image pull back-off 10 s initial, 300 s max.
export const backOffPeriodMs = 10_000;
export const maxBackOffMs = 300_000;
/** How long a failed pull shows ErrImagePull before the next pod sync reports ImagePullBackOff (model). */
export const errImagePullShownMs = 5_000;

/** The effects a pod machine asks its kubelet for. */
export interface PodHost {
  /** Sandbox being created: status ContainerCreating. */
  containerCreating(): void;
  /** Starts (or joins) the image pull; returns ms until it is done and whether the image exists. */
  pullImage(): { delayMs: number; exists: boolean; alreadyPresent: boolean };
  pullSucceeded(): void;
  pullFailed(): void;
  imagePullBackOff(): void;
  /** ms from now until the container has been created and started (after the image is present). */
  startDelayMs(): number;
  /** Container created and started: status Running (and Ready when there is no readiness probe). */
  containerStarted(): void;
  /** SIGTERM sent (Killing event); returns ms until the container has exited. */
  killContainers(): number;
  containersExited(): void;
  /** The pod's API object may be removed now. */
  removePod(): void;
}

export interface PodTimings {
  /** Sandbox and network set-up before the image is pulled. */
  sandboxMs: number;
  /** From the last container exit to the API object's removal. */
  removeMs: number;
}

interface Context {
  host: PodHost;
  timings: PodTimings;
  pullDelayMs: number;
  pullOk: boolean;
  backOffMs: number;
  stopDelayMs: number;
}

export const podMachine = setup({
  types: {
    context: {} as Context,
    input: {} as { host: PodHost; timings: PodTimings },
    events: {} as { type: 'KILL' },
  },
  delays: {
    sandbox: ({ context }) => context.timings.sandboxMs,
    pull: ({ context }) => context.pullDelayMs,
    start: ({ context }) => context.host.startDelayMs(),
    errImagePullShown: () => errImagePullShownMs,
    // The part of the back-off window left after ErrImagePull was shown.
    backOff: ({ context }) => Math.max(0, context.backOffMs - errImagePullShownMs),
    stop: ({ context }) => context.stopDelayMs,
    remove: ({ context }) => context.timings.removeMs,
  },
  guards: {
    pullOk: ({ context }) => context.pullOk,
  },
  actions: {
    containerCreating: ({ context }) => context.host.containerCreating(),
    startPull: assign(({ context }) => {
      const r = context.host.pullImage();
      return { pullDelayMs: r.delayMs, pullOk: r.exists };
    }),
    pullSucceeded: ({ context }) => context.host.pullSucceeded(),
    pullFailed: ({ context }) => context.host.pullFailed(),
    // Models client-go/util/flowcontrol/backoff.go Backoff.Next: 10 s, doubling, capped at 300 s.
    advanceBackOff: assign(({ context }) => ({
      backOffMs: context.backOffMs === 0 ? backOffPeriodMs : Math.min(context.backOffMs * 2, maxBackOffMs),
    })),
    imagePullBackOff: ({ context }) => context.host.imagePullBackOff(),
    containerStarted: ({ context }) => context.host.containerStarted(),
    kill: assign(({ context }) => ({ stopDelayMs: context.host.killContainers() })),
    containersExited: ({ context }) => context.host.containersExited(),
    removePod: ({ context }) => context.host.removePod(),
  },
}).createMachine({
  id: 'pod',
  context: ({ input }) => ({ ...input, pullDelayMs: 0, pullOk: false, backOffMs: 0, stopDelayMs: 0 }),
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
          { target: 'ErrImagePull', actions: ['pullFailed', 'advanceBackOff'] },
        ],
      },
    },
    ErrImagePull: {
      after: { errImagePullShown: 'ImagePullBackOff' },
    },
    ImagePullBackOff: {
      entry: 'imagePullBackOff',
      after: { backOff: 'Pulling' },
    },
    Starting: {
      after: { start: 'Running' },
    },
    Running: {
      entry: 'containerStarted',
    },
    Terminating: {
      entry: 'kill',
      on: { KILL: {} },
      after: { stop: 'Exited' },
    },
    Exited: {
      entry: 'containersExited',
      on: { KILL: {} },
      after: { remove: 'Gone' },
    },
    Gone: {
      type: 'final',
      entry: 'removePod',
    },
  },
});
