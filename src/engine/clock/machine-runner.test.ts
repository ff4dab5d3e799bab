// The runner must step a machine exactly as an XState actor on the same virtual clock would: same actions, same
// order, same virtual times. Each case runs both side by side and compares what the machine asked its host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createActor, setup } from 'xstate';
import { VirtualClock } from './clock.ts';
import { xstateClock } from './xstate-clock.ts';
import { MachineRunner } from './machine-runner.ts';
import { podMachine, type PodHost } from '../kubelet/pod-machine.ts';

interface Script {
  image: boolean;
  exitAfterMs?: number;
}

// An XState actor warns on the console when it gets an event after it stopped; the runner ignores such events
// silently. Both are given the same events, so the warnings are expected here.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A pod host that records each call with its virtual time. */
function recordingHost(clock: VirtualClock, log: string[], script: Script): PodHost {
  const rec = (what: string) => log.push(`${clock.now()} ${what}`);
  return {
    now: () => clock.now(),
    containerCreating: () => rec('containerCreating'),
    pullImage: () => rec('pullImage'),
    pull: { delayMs: 3000, exists: script.image },
    pullSucceeded: () => rec('pullSucceeded'),
    pullFailed: () => rec('pullFailed'),
    imagePullBackOff: () => rec('imagePullBackOff'),
    startDelayMs: () => 1000,
    containerStarted: () => rec('containerStarted'),
    processExitMs: () => script.exitAfterMs,
    livenessKill: () => rec('livenessKill'),
    containerExited: () => rec('containerExited'),
    crashLoopBackOff: (ms) => rec(`crashLoopBackOff ${ms}`),
    killContainers: () => rec('killContainers'),
    stopDelayMs: 500,
    containersStopped: () => rec('containersStopped'),
    removePod: () => rec('removePod'),
  };
}

type Send = (e: { type: 'KILL' } | { type: 'LIVENESS_FAILED' }) => void;

interface Driver {
  clock: VirtualClock;
  log: string[];
  start(): { send: Send; stop(): void; state(): string; status(): string };
}

function driver(kind: 'actor' | 'runner', script: Script): Driver {
  const clock = new VirtualClock(0);
  const log: string[] = [];
  const runner = new MachineRunner(podMachine, clock);
  const input = () => ({
    host: recordingHost(clock, log, script),
    timings: { sandboxMs: 1000, removeMs: 1000 },
  });
  return {
    clock,
    log,
    start() {
      if (kind === 'actor') {
        const a = createActor(podMachine, { input: input(), clock: xstateClock(clock) });
        a.start();
        return {
          send: (e) => a.send(e),
          stop: () => a.stop(),
          state: () => String(a.getSnapshot().value),
          status: () => a.getSnapshot().status,
        };
      }
      const m = runner.start(input());
      return {
        send: (e) => m.send(e),
        stop: () => m.stop(),
        state: () => m.getSnapshot().value as string,
        status: () => m.getSnapshot().status,
      };
    },
  };
}

/** Runs a scenario: `at` lists (virtual ms, what to do) on one pod; returns the host log plus end state. */
function play(
  kind: 'actor' | 'runner',
  script: Script,
  at: [number, 'KILL' | 'LIVENESS_FAILED' | 'stop'][],
  until: number,
) {
  const d = driver(kind, script);
  const pod = d.start();
  for (const [t, what] of at) {
    while (d.clock.fireNext(t)) {
      /* fire everything due by t */
    }
    d.clock.setNow(t);
    d.log.push(`${t} <- ${what}`);
    if (what === 'stop') pod.stop();
    else pod.send({ type: what });
  }
  while (d.clock.fireNext(until)) {
    /* run out */
  }
  return { log: d.log, state: pod.state(), status: pod.status(), pending: d.clock.pending() };
}

describe('MachineRunner steps the pod machine as an XState actor does', () => {
  const cases: [string, Script, [number, 'KILL' | 'LIVENESS_FAILED' | 'stop'][]][] = [
    ['a server started, then deleted', { image: true }, [[10_000, 'KILL']]],
    ['deleted while its image is being pulled', { image: true }, [[2_000, 'KILL']]],
    ['an image that does not exist, backing off, then deleted', { image: false }, [[200_000, 'KILL']]],
    [
      'a process that exits by itself, crash-looping',
      { image: true, exitAfterMs: 2_000 },
      [[400_000, 'KILL']],
    ],
    [
      'a liveness failure restarts it',
      { image: true },
      [
        [20_000, 'LIVENESS_FAILED'],
        [60_000, 'KILL'],
      ],
    ],
    [
      'two deletions: the second is ignored',
      { image: true },
      [
        [10_000, 'KILL'],
        [10_200, 'KILL'],
      ],
    ],
    [
      'stopped (node powered off): nothing more happens',
      { image: true },
      [
        [4_500, 'stop'],
        [9_000, 'KILL'],
      ],
    ],
  ];
  for (const [name, script, at] of cases) {
    it(name, () => {
      const actor = play('actor', script, at, 2_000_000);
      const runner = play('runner', script, at, 2_000_000);
      expect(runner).toEqual(actor);
      expect(runner.log.length).toBeGreaterThan(3);
    });
  }

  it('ends finished, with no timer left, once the pod is gone', () => {
    const r = play('runner', { image: true }, [[10_000, 'KILL']], 2_000_000);
    expect(r.status).toBe('done');
    expect(r.pending).toBe(0);
    expect(r.log.slice(-4)).toEqual([
      '10000 <- KILL',
      '10000 killContainers',
      '10500 containersStopped',
      '11500 removePod',
    ]);
  });
});

describe('MachineRunner mailbox', () => {
  // An action that sends to its own instance: the event waits until the step in progress is done, and an
  // instance sent to from another's action is stepped at once, as XState actors do.
  const ping = setup({
    types: { input: {} as { log: string[]; peer?: () => { send(e: { type: 'PING' }): void } } },
    actions: {
      enterA: ({ self, context }) => {
        (context as { log: string[] }).log.push('enter A');
        self.send({ type: 'NEXT' });
        (context as { log: string[] }).log.push('sent NEXT');
      },
      enterB: ({ context }) => {
        (context as { log: string[] }).log.push('enter B');
        (context as { peer?: () => { send(e: { type: 'PING' }): void } }).peer?.().send({ type: 'PING' });
        (context as { log: string[] }).log.push('pinged');
      },
      pinged: ({ context }) => (context as { log: string[] }).log.push('got PING'),
    },
  }).createMachine({
    context: ({ input }) => input,
    initial: 'idle',
    states: {
      idle: { on: { GO: 'A', PING: { actions: 'pinged' } } },
      A: { entry: 'enterA', on: { NEXT: 'B' } },
      B: { entry: 'enterB' },
    },
  });

  function runWith(kind: 'actor' | 'runner'): string[] {
    const log: string[] = [];
    const clock = new VirtualClock(0);
    const runner = new MachineRunner(ping, clock);
    type Ref = { send(e: { type: 'PING' } | { type: 'GO' }): void };
    const make = (input: { log: string[]; peer?: () => Ref }): Ref => {
      if (kind === 'actor') {
        const a = createActor(ping, { input, clock: xstateClock(clock) });
        a.start();
        return a;
      }
      return runner.start(input);
    };
    const other = make({ log });
    const first = make({ log, peer: () => other });
    first.send({ type: 'GO' });
    return log;
  }

  it('queues an event to itself and steps another instance at once', () => {
    const actor = runWith('actor');
    expect(runWith('runner')).toEqual(actor);
    expect(actor).toEqual(['enter A', 'sent NEXT', 'enter B', 'got PING', 'pinged']);
  });
});

describe('MachineRunner on random lives', () => {
  it('matches the XState actor for any script of deletions, liveness failures and stops', () => {
    const what = fc.constantFrom('KILL' as const, 'LIVENESS_FAILED' as const, 'stop' as const);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900_000 }), what), { maxLength: 5 }),
        (image, exitAfterMs, steps) => {
          const at = [...steps].sort((a, b) => a[0] - b[0]);
          const script = { image, exitAfterMs };
          expect(play('runner', script, at, 2_000_000)).toEqual(play('actor', script, at, 2_000_000));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('MachineRunner refuses what it cannot run', () => {
  it('names nested states', () => {
    const nested = setup({}).createMachine({
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {} } } },
    });
    expect(() => new MachineRunner(nested, new VirtualClock(0))).toThrow(
      'MachineRunner: a compound state (a) is not supported (flat machines only)',
    );
  });

  it('names invoked actors', () => {
    const invoking = setup({ actors: { child: setup({}).createMachine({}) } }).createMachine({
      initial: 'a',
      states: { a: { invoke: { src: 'child' } } },
    });
    expect(() => new MachineRunner(invoking, new VirtualClock(0))).toThrow('MachineRunner: invoke (a)');
  });
});
