// Runs many small instances of one XState machine on the engine's virtual clock.
//
// The machine is an ordinary XState v5 machine (`setup(...).createMachine(...)`), and XState builds its state
// graph: state nodes, their entry/exit actions (with the `raise`/`cancel` actions XState generates for `after:`),
// transitions, guards and `always` transitions. The runner walks that graph itself instead of creating an XState
// actor per instance: a cluster runs a pod machine for each of thousands of pods, and an actor per pod (actor
// system, mailbox, scheduler, and XState's general statechart algorithm for each step) cost about a third of the
// engine's time in the 1,000-replica bench. It runs flat machines only (atomic and final states under the
// root) and refuses any other machine when it is constructed.
//
// What an XState actor guarantees and this keeps (machine-runner.test.ts runs both side by side and compares
// every action with its virtual time):
// - a step selects the first enabled transition (the state's own, then the root's), then runs exit actions,
//   transition actions and entry actions in XState's order, then `always` transitions until none is enabled;
//   `assign` updates the context in sequence; delays are evaluated where XState evaluates them (after the entry
//   actions before them);
// - timers (`after:`) are set and cancelled after the step's actions, in XState's order;
// - an event sent while the instance is handling another waits until that one is done (the mailbox);
// - a stopped or finished instance cancels its timers and ignores further events; as XState's scheduler, a
//   timer that fires forgets its id even if the id was scheduled again meanwhile.
import type { AnyStateMachine, EventFromLogic, EventObject, InputFrom, StateValue } from 'xstate';
import type { TimerId, VirtualClock } from './clock.ts';

type Context = Record<string, unknown>;
type Args = { context: Context; event: EventObject; self: SelfRef; system: undefined };
type Fn = (args: Args, params: unknown) => unknown;

interface SelfRef {
  send(event: EventObject): void;
  getSnapshot(): RunnerSnapshot;
}

/** What XState's `raise` (with a delay) and `cancel` action objects carry. */
interface BuiltinAction {
  (): void;
  type: string;
  event?: EventObject;
  delay?: string | number;
  id?: string;
  sendId?: string;
  assignment?: unknown;
}

/** A transition as the runner takes it from XState's TransitionDefinition. */
interface Transition {
  target: State | undefined;
  guard: Fn | undefined;
  actions: Action[];
}

type Action =
  | { kind: 'exec'; fn: Fn }
  | { kind: 'assign'; assignment: Fn | Record<string, unknown> }
  | { kind: 'schedule'; event: EventObject; id: string; delay: Fn | number }
  | { kind: 'cancel'; id: string };

interface State {
  key: string;
  final: boolean;
  entry: Action[];
  exit: Action[];
  /** Event type → transitions (the state's own; the root's are looked up after). */
  on: Map<string, Transition[]>;
  always: Transition[] | undefined;
}

/** The part of an XState snapshot the engine reads. */
export interface RunnerSnapshot {
  value: StateValue;
  status: 'active' | 'done' | 'stopped';
  context: Context;
}

const unsupported = (what: string) =>
  new Error(`MachineRunner: ${what} is not supported (flat machines only)`);

/** The runner's view of one XState machine's graph, built once. */
class Graph {
  readonly states = new Map<string, State>();
  readonly rootOn: Map<string, Transition[]>;
  readonly initial: State;

  constructor(readonly machine: AnyStateMachine) {
    const root = machine.root;
    if (root.type !== 'compound') throw unsupported(`a root of type ${root.type}`);
    if (root.entry.length > 0 || root.exit.length > 0) throw unsupported('root entry/exit actions');
    if (root.invoke.length > 0) throw unsupported('invoke');
    for (const node of Object.values(root.states)) {
      if (node.type !== 'atomic' && node.type !== 'final')
        throw unsupported(`a ${node.type} state (${node.key})`);
      if (node.invoke.length > 0) throw unsupported(`invoke (${node.key})`);
      this.states.set(node.key, {
        key: node.key,
        final: node.type === 'final',
        entry: [],
        exit: [],
        on: new Map(),
        always: undefined,
      });
    }
    // Filled in a second pass: transitions refer to states.
    for (const node of Object.values(root.states)) {
      const s = this.states.get(node.key)!;
      s.entry = node.entry.map((a) => this.action(a));
      s.exit = node.exit.map((a) => this.action(a));
      s.on = this.transitions(node.transitions);
      s.always = node.always?.map((t) => this.transition(t));
    }
    this.rootOn = this.transitions(root.transitions);
    if (root.always) throw unsupported('root always transitions');
    const initial = root.initial.target[0];
    if (!initial || root.initial.actions.length > 0) throw unsupported('this initial transition');
    this.initial = this.states.get(initial.key)!;
  }

  private transitions(map: Map<string, unknown[]>): Map<string, Transition[]> {
    const out = new Map<string, Transition[]>();
    for (const [type, ts] of map) {
      if (type.includes('*')) throw unsupported(`the wildcard event descriptor "${type}"`);
      out.set(
        type,
        ts.map((t) => this.transition(t)),
      );
    }
    return out;
  }

  private transition(t: unknown): Transition {
    const def = t as { target?: { key: string; parent?: unknown }[]; guard?: unknown; actions: unknown[] };
    const targets = def.target ?? [];
    if (targets.length > 1) throw unsupported('a transition with several targets');
    const target = targets[0];
    if (target && target.parent !== this.machine.root) throw unsupported(`the target ${target.key}`);
    return {
      target: target ? this.states.get(target.key) : undefined,
      guard: def.guard === undefined ? undefined : this.guard(def.guard),
      actions: def.actions.map((a) => this.action(a)),
    };
  }

  private guard(g: unknown): Fn {
    if (typeof g === 'function') return g as Fn;
    const name = typeof g === 'string' ? g : undefined;
    const impl = name !== undefined ? (this.machine.implementations.guards[name] as unknown) : undefined;
    if (typeof impl !== 'function' || (impl as { check?: unknown }).check !== undefined)
      throw unsupported(`the guard ${JSON.stringify(g)}`);
    return impl as Fn;
  }

  private action(a: unknown): Action {
    let impl: unknown = a;
    if (typeof a === 'string') {
      impl = this.machine.implementations.actions[a];
      if (impl === undefined) throw unsupported(`the unknown action "${a}"`);
    }
    if (typeof impl !== 'function') throw unsupported(`the action ${JSON.stringify(a)}`);
    const b = impl as BuiltinAction;
    switch (b.type) {
      case undefined:
        return { kind: 'exec', fn: impl as Fn };
      case 'xstate.assign':
        return { kind: 'assign', assignment: b.assignment as Fn | Record<string, unknown> };
      case 'xstate.raise': {
        const delay = b.delay;
        if (delay === undefined || b.id === undefined || typeof b.event !== 'object')
          throw unsupported('raise without a delay');
        const fn =
          typeof delay === 'string' ? (this.machine.implementations.delays[delay] as unknown) : delay;
        if (typeof fn !== 'function' && typeof fn !== 'number')
          throw unsupported(`the delay ${String(delay)}`);
        return { kind: 'schedule', event: b.event, id: b.id, delay: fn as Fn | number };
      }
      case 'xstate.cancel':
        if (typeof b.sendId !== 'string') throw unsupported('cancel with a computed id');
        return { kind: 'cancel', id: b.sendId };
      default:
        throw unsupported(`the action ${b.type}`);
    }
  }
}

/** One running instance: its state, context, pending delayed events and mailbox. */
export class MachineInstance<TMachine extends AnyStateMachine> implements SelfRef {
  /** @internal */ state!: State;
  /** @internal */ context: Context = {};
  /** @internal */ status: RunnerSnapshot['status'] = 'active';
  /** @internal Delayed events pending: XState's send id → virtual-clock timer. */
  readonly timers = new Map<string, TimerId>();
  /** @internal Events sent while this instance was handling one. */
  readonly mailbox: EventObject[] = [];
  /** @internal True while a step of this instance runs. */
  busy = false;

  constructor(private readonly runner: MachineRunner<TMachine>) {}

  getSnapshot(): RunnerSnapshot {
    return { value: this.state.key, status: this.status, context: this.context };
  }

  /** Sends an event, as `actor.send` does: ignored once the instance is stopped or has finished. */
  send(event: EventFromLogic<TMachine> | EventObject): void {
    this.runner.send(this, event);
  }

  /** Stops the instance: its pending delayed events are cancelled, later events are ignored. */
  stop(): void {
    this.runner.stop(this);
  }
}

export class MachineRunner<TMachine extends AnyStateMachine> {
  private readonly graph: Graph;
  /** Timer work of the step in progress, done once its actions have run (as XState defers it). */
  private deferred: { inst: MachineInstance<TMachine>; action: Action; delay: number }[] = [];

  constructor(
    machine: TMachine,
    private readonly clock: VirtualClock,
  ) {
    let graph = graphs.get(machine);
    if (!graph) graphs.set(machine, (graph = new Graph(machine)));
    this.graph = graph;
  }

  /** Creates and starts an instance: its initial state's entry actions run now, as `actor.start()` runs them. */
  start(input: InputFrom<TMachine>): MachineInstance<TMachine> {
    const inst = new MachineInstance(this);
    const init = this.graph.machine.config.context as unknown;
    const event = { type: 'xstate.init', input } as EventObject;
    inst.state = this.graph.initial;
    this.run(inst, () => {
      inst.context =
        typeof init === 'function'
          ? ((init as (a: { input: unknown; self: SelfRef }) => Context)({ input, self: inst }) ?? {})
          : ((init as Context | undefined) ?? {});
      this.enter(inst, this.graph.initial, event);
      this.settle(inst, event);
    });
    this.drainMailbox(inst);
    return inst;
  }

  /** @internal */
  send(inst: MachineInstance<TMachine>, event: EventObject): void {
    if (inst.status !== 'active') return;
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
    if (inst.status === 'active') inst.status = 'stopped';
    inst.mailbox.length = 0;
    for (const timer of inst.timers.values()) this.clock.clearTimeout(timer);
    inst.timers.clear();
  }

  private step(inst: MachineInstance<TMachine>, event: EventObject): void {
    this.run(inst, () => {
      const t =
        this.select(inst, inst.state.on.get(event.type), event) ??
        this.select(inst, this.graph.rootOn.get(event.type), event);
      if (!t) return;
      this.take(inst, t, event);
      this.settle(inst, event);
    });
  }

  private drainMailbox(inst: MachineInstance<TMachine>): void {
    let event: EventObject | undefined;
    while (inst.status === 'active' && (event = inst.mailbox.shift()) !== undefined) this.step(inst, event);
  }

  /** One step of `inst`, then its timer work; a step of another instance may run inside (from an action). */
  private run(inst: MachineInstance<TMachine>, step: () => void): void {
    const outer = this.deferred;
    this.deferred = [];
    inst.busy = true;
    try {
      step();
      for (const d of this.deferred) this.timerWork(d.inst, d.action, d.delay);
      // A finished instance stops, as a finished actor does: no timer of it may fire any more.
      if (inst.status !== 'active') this.stop(inst);
    } finally {
      inst.busy = false;
      this.deferred = outer;
    }
  }

  /** The first transition whose guard holds (undefined when none: the event is not handled here). */
  private select(inst: MachineInstance<TMachine>, ts: Transition[] | undefined, event: EventObject) {
    if (!ts) return undefined;
    for (const t of ts) if (!t.guard || t.guard(this.args(inst, event), undefined)) return t;
    return undefined;
  }

  /** `always` transitions, taken until none is enabled (XState's eventless transitions after a step). */
  private settle(inst: MachineInstance<TMachine>, event: EventObject): void {
    for (;;) {
      const t = inst.status === 'active' ? this.select(inst, inst.state.always, event) : undefined;
      if (!t) return;
      this.take(inst, t, event);
    }
  }

  private take(inst: MachineInstance<TMachine>, t: Transition, event: EventObject): void {
    // A targeted transition in a flat machine leaves the active state (a self-target re-enters it).
    if (t.target) this.runActions(inst, inst.state.exit, event);
    this.runActions(inst, t.actions, event);
    if (t.target) this.enter(inst, t.target, event);
  }

  private enter(inst: MachineInstance<TMachine>, state: State, event: EventObject): void {
    inst.state = state;
    this.runActions(inst, state.entry, event);
    if (state.final) inst.status = 'done';
  }

  private runActions(inst: MachineInstance<TMachine>, actions: Action[], event: EventObject): void {
    for (const a of actions) {
      switch (a.kind) {
        case 'exec':
          a.fn(this.args(inst, event), undefined);
          break;
        case 'assign': {
          const args = this.args(inst, event);
          const partial: Context = {};
          if (typeof a.assignment === 'function') Object.assign(partial, a.assignment(args, undefined));
          else
            for (const [k, v] of Object.entries(a.assignment))
              partial[k] = typeof v === 'function' ? (v as Fn)(args, undefined) : v;
          inst.context = { ...inst.context, ...partial };
          break;
        }
        case 'schedule':
          // The delay is evaluated here, in action order, as XState's raise resolves it.
          this.deferred.push({
            inst,
            action: a,
            delay:
              typeof a.delay === 'number' ? a.delay : (a.delay(this.args(inst, event), undefined) as number),
          });
          break;
        case 'cancel':
          this.deferred.push({ inst, action: a, delay: 0 });
          break;
      }
    }
  }

  private args(inst: MachineInstance<TMachine>, event: EventObject): Args {
    return { context: inst.context, event, self: inst, system: undefined };
  }

  private timerWork(inst: MachineInstance<TMachine>, a: Action, delay: number): void {
    if (a.kind === 'cancel') {
      const timer = inst.timers.get(a.id);
      inst.timers.delete(a.id);
      if (timer !== undefined) this.clock.clearTimeout(timer);
    } else if (a.kind === 'schedule') {
      const { event, id } = a;
      const timer = this.clock.setTimeout(() => {
        inst.timers.delete(id);
        this.send(inst, event);
      }, delay);
      inst.timers.set(id, timer);
    }
  }
}

/** Graphs already built, per machine (a runner per kubelet shares one). */
const graphs = new WeakMap<AnyStateMachine, Graph>();
