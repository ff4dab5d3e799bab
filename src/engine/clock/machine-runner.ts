// Runs many small instances of one XState machine on the engine's virtual clock.
//
// Each instance is stepped by XState's own statechart algorithm (`machine.getInitialSnapshot` and
// `machine.transition`, the ActorLogic interface every XState actor uses), but without an `Actor` object, an
// actor system, a mailbox and a scheduler per instance: one actor scope is shared by every instance of a
// runner, and delayed events (`after:`) become timers on the virtual clock. A cluster runs a pod machine for
// each of thousands of pods, and creating an XState actor per pod cost about a fifth of the engine's time.
//
// What an XState actor guarantees and this keeps (machine-runner.test.ts runs both side by side):
// - actions run in the order XState resolves them; timers are set after the step's actions, in XState's order;
// - an event sent while the instance is handling another waits until that one is done (the mailbox);
// - a delayed event is cancelled when its state is left; a stopped or finished instance cancels its timers and
//   ignores further events;
// - scheduling an id that is already pending replaces the cancellable entry without cancelling the earlier
//   timer, as XState's scheduler does.
import type { AnyStateMachine, EventFromLogic, InputFrom, SnapshotFrom } from 'xstate';
import type { VirtualClock, TimerId } from './clock.ts';

type Step = () => void;

/** The actor scope a machine's `transition` takes. */
type Scope<TMachine extends AnyStateMachine> = Parameters<TMachine['transition']>[2];

/** What XState hands an actor's `actionExecutor` (its ExecutableActionObject, structurally). */
interface ExecutableAction {
  exec?: (info: unknown, params: unknown) => void;
  info: unknown;
  params: unknown;
}

/** One running instance: its snapshot, its pending delayed events and its mailbox. */
export class MachineInstance<TMachine extends AnyStateMachine> {
  /** @internal */ snapshot!: SnapshotFrom<TMachine>;
  /** @internal Delayed events pending: XState's send id → virtual-clock timer. */
  readonly timers = new Map<string, TimerId>();
  /** @internal */ stopped = false;
  /** @internal Events sent while this instance was handling one. */
  readonly mailbox: EventFromLogic<TMachine>[] = [];
  /** @internal True while a step of this instance runs. */ busy = false;

  constructor(private readonly runner: MachineRunner<TMachine>) {}

  getSnapshot(): SnapshotFrom<TMachine> {
    return this.snapshot;
  }

  /** Sends an event, as `actor.send` does: ignored once the instance is stopped or has finished. */
  send(event: EventFromLogic<TMachine>): void {
    this.runner.send(this, event);
  }

  /** Stops the instance: its pending delayed events are cancelled, later events are ignored. */
  stop(): void {
    this.runner.stop(this);
  }
}

export class MachineRunner<TMachine extends AnyStateMachine> {
  /** The instance being stepped: the shared scope's scheduler acts for it. */
  private current: MachineInstance<TMachine> | undefined;
  /** Work XState defers until a step's snapshot is settled (timer scheduling, cancellation). */
  private deferred: Step[] = [];
  private readonly scope: Scope<TMachine>;

  constructor(
    private readonly machine: TMachine,
    private readonly clock: VirtualClock,
  ) {
    const scheduler = {
      schedule: (
        _source: unknown,
        _target: unknown,
        event: EventFromLogic<TMachine>,
        delay: number,
        id: string,
      ) => this.schedule(this.current!, event, delay, id),
      cancel: (_source: unknown, id: string) => this.cancel(this.current!, id),
      cancelAll: () => this.cancelAll(this.current!),
    };
    const system = {
      scheduler,
      _sendInspectionEvent: () => {},
      _bookId: () => 'machine-runner',
      _register: () => 'machine-runner',
      _unregister: () => {},
      _relay: () => {},
      _snapshot: { _scheduledEvents: {} },
      get: () => undefined,
    };
    const self = {
      id: 'machine-runner',
      sessionId: 'machine-runner',
      system,
      send: (event: EventFromLogic<TMachine>) => this.current && this.send(this.current, event),
      getSnapshot: () => this.current?.snapshot,
    };
    this.scope = {
      self,
      id: 'machine-runner',
      sessionId: 'machine-runner',
      logger: () => {},
      defer: (fn: Step) => {
        this.deferred.push(fn);
      },
      emit: () => {},
      system,
      stopChild: () => {},
      // An actor runs an action when XState resolves it (a started actor does not defer actions).
      actionExecutor: (action: ExecutableAction) => {
        if (action.exec) action.exec(action.info, action.params);
      },
    } as unknown as Scope<TMachine>;
  }

  /** Creates and starts an instance: its initial state's entry actions run now, as `actor.start()` runs them. */
  start(input: InputFrom<TMachine>): MachineInstance<TMachine> {
    const inst = new MachineInstance(this);
    this.run(inst, () => {
      inst.snapshot = this.machine.getInitialSnapshot(this.scope, input) as SnapshotFrom<TMachine>;
    });
    this.drainMailbox(inst);
    return inst;
  }

  /** @internal */
  send(inst: MachineInstance<TMachine>, event: EventFromLogic<TMachine>): void {
    if (inst.stopped) return;
    if (inst.busy) {
      // The instance is handling an event: this one waits in its mailbox, as with an actor.
      inst.mailbox.push(event);
      return;
    }
    this.step(inst, event);
    this.drainMailbox(inst);
  }

  /** @internal */
  stop(inst: MachineInstance<TMachine>): void {
    if (inst.stopped) return;
    if ((inst.snapshot as { status: string }).status === 'active' && !inst.busy) {
      // XState's own stop step: the snapshot's status becomes 'stopped' (no exit actions run).
      this.run(inst, () => {
        inst.snapshot = this.machine.transition(
          inst.snapshot,
          { type: 'xstate.stop' },
          this.scope,
        ) as SnapshotFrom<TMachine>;
      });
    }
    inst.stopped = true;
    inst.mailbox.length = 0;
    this.cancelAll(inst);
  }

  private step(inst: MachineInstance<TMachine>, event: EventFromLogic<TMachine>): void {
    this.run(inst, () => {
      inst.snapshot = this.machine.transition(inst.snapshot, event, this.scope) as SnapshotFrom<TMachine>;
    });
  }

  private drainMailbox(inst: MachineInstance<TMachine>): void {
    let event: EventFromLogic<TMachine> | undefined;
    while (!inst.stopped && (event = inst.mailbox.shift()) !== undefined) this.step(inst, event);
  }

  /**
   * One step of `inst` and the work it deferred. Another instance may be stepped from inside an action (an
   * actor sending to another actor): it gets its own deferred list, and `current` is restored afterwards.
   */
  private run(inst: MachineInstance<TMachine>, step: Step): void {
    const outer = this.current;
    const outerDeferred = this.deferred;
    if (outer !== undefined) this.deferred = [];
    this.current = inst;
    inst.busy = true;
    try {
      step();
      const deferred = this.deferred;
      for (let i = 0; i < deferred.length; i++) deferred[i]!();
      deferred.length = 0;
      // A finished instance stops, as a finished actor does: no timer of it may fire any more.
      if ((inst.snapshot as { status: string }).status !== 'active') this.stop(inst);
    } finally {
      inst.busy = false;
      this.current = outer;
      this.deferred = outerDeferred;
    }
  }

  // As XState's system scheduler (createSystem.ts): the entry is removed when its timer fires, even if the
  // same id was scheduled again meanwhile; a new schedule of a pending id does not cancel the earlier timer.
  private schedule(
    inst: MachineInstance<TMachine>,
    event: EventFromLogic<TMachine>,
    delay: number,
    id: string,
  ): void {
    const timer = this.clock.setTimeout(() => {
      inst.timers.delete(id);
      this.send(inst, event);
    }, delay);
    inst.timers.set(id, timer);
  }

  private cancel(inst: MachineInstance<TMachine>, id: string): void {
    const timer = inst.timers.get(id);
    inst.timers.delete(id);
    if (timer !== undefined) this.clock.clearTimeout(timer);
  }

  private cancelAll(inst: MachineInstance<TMachine>): void {
    for (const timer of inst.timers.values()) this.clock.clearTimeout(timer);
    inst.timers.clear();
  }
}
