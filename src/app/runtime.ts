// Wires one learner session together outside React: the session and shell, the engine bridge, the playback
// loop, the console and the tutorial. React components reach it through RuntimeContext.
import type { Cluster } from '../engine/index.ts';
import { Session, Shell } from '../shell/index.ts';
import {
  findScenario,
  runStep,
  setUpScenario,
  scenarios,
  evaluateCheck,
  type Scenario,
  type RunnerEnv,
} from '../scenarios/index.ts';
import { createAppStore, type AppStore } from './store/store.ts';
import { createEngineBridge, type EngineBridge } from './store/engine-bridge.ts';
import { deriveFrame } from './store/derive-frame.ts';
import { createPlayback, type Playback } from './playback/playback.ts';
import { createConsoleController, echo, type ConsoleController } from './console/console-controller.ts';
import type { ViewSelection } from '../view/cluster/frame.ts';
import { describeSelection } from './cluster/describe.ts';
import { createTimeMachine, type TimeInput, type TimeMachine } from './time/time-machine.ts';
import { createHistory, type History } from './time/history.ts';
import { createJumps, type Jumps } from './time/jumps.ts';
import { createTimeHash } from './time/time-hash.ts';

export interface Runtime {
  store: AppStore;
  readonly scenario: Scenario;
  readonly session: Session;
  playback: Playback;
  /** The console as the learner drives it: every action is recorded on the timeline. */
  console: ConsoleController;
  /** Rewind, step back, scrub (time/time-machine.ts). */
  time: TimeMachine;
  /** Replica counts over virtual time for the guardrail chart. */
  history: History;
  /** Scrubs, step back and step forward, told once each (the live region, the URL hash listen). */
  jumps: Jumps;
  cluster(): Cluster;
  /**
   * Closes `kubectl edit`'s editor: the saved text, or undefined to cancel. Recorded on the timeline with the
   * text, so a rewind replays the same edit.
   */
  finishEdit(text: string | undefined): void;
  /** Ctrl-L / the Clear button (recorded, so a rewind shows the console as it was). */
  clearConsole(): void;
  /** Moves the time cursor (session ms); earlier moments are rebuilt by replay. */
  seek(ms: number): void;
  /** Pauses and goes back to the previous change. */
  stepBack(): void;
  /** Pauses at session time `ms` (a shared moment): replays to it, or runs the clock forward to it. */
  openAt(ms: number): void;
  /** Runs a tutorial command as if typed (a Run button). */
  runCommand(line: string): void;
  goToStep(step: number): void;
  /** A fresh cluster and files for the current scenario, back at step 1. */
  restart(): void;
  /** Replays steps before `step` so the cluster looks as it would have there (a shared link). */
  catchUp(step: number): void;
  describe(selection: ViewSelection): string | null;
  dispose(): void;
}

export interface RuntimeOptions {
  scenarioId?: string;
  step?: number;
  /** Session time to open at, paused (the hash's `t`). */
  timeMs?: number;
  /** Writes the URL hash (the browser passes history.replaceState). */
  setHash?: (hash: string) => void;
  /** The animation-frame clock (the browser passes requestAnimationFrame; tests never start the loop). */
  requestFrame?: (cb: (ts: number) => void) => number;
  cancelFrame?: (id: number) => void;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const store = createAppStore();
  const scenario = findScenario(options.scenarioId ?? '') ?? scenarios[0]!;
  const setHash = options.setHash ?? (() => {});
  const openTime = options.timeMs;
  const session = new Session(scenario.cluster);
  const loadFiles = () => {
    session.files.clear();
    for (const [k, v] of Object.entries(scenario.files)) session.files.set(k, v);
  };
  loadFiles();
  // `kubectl edit` asks the session for an editor; the store shows it and the learner's Save/Cancel comes back
  // through the time machine as an `edit` input (finishEdit), so replays reach the same callback.
  let pendingEdit: ((edited: string | undefined) => void) | null = null;
  let editSeq = 0;
  const closeEditor = () => {
    pendingEdit = null;
    if (store.getState().editor) store.getState().setEditor(null);
  };
  session.editor = (initial, done) => {
    pendingEdit = done;
    store.getState().setEditor({ initial, seq: ++editSeq });
    return () => {
      if (pendingEdit === done) closeEditor();
    };
  };
  const newShell = () => new Shell(session, { onClear: () => store.getState().clearConsole() });
  let shell = newShell();
  /** Steps replayed before the session starts (a shared link opened at a later step). */
  let prelude = 0;
  let preludeHistoryDone = false;
  let live = true;

  const evaluate = () => {
    const s = store.getState();
    const step = scenario.steps[s.step];
    if (!step || s.reached.includes(s.step)) return;
    try {
      if (evaluateCheck(step.check, { cluster: session.cluster, commands: s.commandsRun }))
        s.markReached(s.step);
    } catch {
      // A check that cannot be evaluated is simply not reached.
    }
  };

  // eslint-disable-next-line prefer-const -- assigned once the time machine exists (the bridge reads it)
  let time: TimeMachine;
  const history = createHistory(() => time.now());
  const syncTimeline = () => {
    const s = store.getState();
    const o = time.origin();
    const h = Math.max(time.horizon(), time.now());
    const v = time.version();
    if (o !== s.originMs || h !== s.horizonMs || v !== s.timelineVersion) s.setTimeline(o, h, v);
  };
  const bridge: EngineBridge = createEngineBridge(
    store,
    session.cluster,
    () => {
      evaluate();
      syncTimeline();
    },
    () => time.now(),
  );
  let previous = session.cluster;
  session.onClusterChange((c) => {
    time.clusterReplaced(previous, c);
    previous = c;
    history.attach(c);
    bridge.attach(c);
  });

  const inner = createConsoleController({
    store,
    shell: () => shell,
    needsMoreInput: (t) => Shell.needsMoreInput(t),
    onCommand: (line) => store.getState().recordCommand(line),
    onDone: evaluate,
    recordHistory: () => live,
  });

  const reportError = (e: unknown) => {
    store.getState().setPlaying(false);
    store.getState().print('stderr', `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  };

  const runPrelude = (step: number) => {
    const s = store.getState();
    s.setCatchingUp(true);
    try {
      const env: RunnerEnv = {
        cluster: () => session.cluster,
        run: (line) => shell.run(line),
        commands: [],
      };
      for (let i = 0; i < Math.min(step, scenario.steps.length); i++) {
        const result = runStep(env, scenario.steps[i]!);
        for (const r of result.runs) {
          s.print('input', echo(r.command));
          s.print('stdout', r.stdout);
          s.print('stderr', r.stderr);
          if (!preludeHistoryDone) s.pushHistory(r.command);
          s.recordCommand(r.command);
        }
        if (result.reached) s.markReached(i);
      }
      preludeHistoryDone = true;
    } catch (e) {
      reportError(e);
    } finally {
      s.setCatchingUp(false);
    }
  };

  time = createTimeMachine({
    cluster: () => session.cluster,
    rebuild() {
      inner.reset();
      const s = store.getState();
      s.setRunning(false);
      s.setContinuation(null);
      s.clearConsole();
      s.resetCommands();
      closeEditor();
      history.clear();
      session.replaceCluster({ seed: 1, ...scenario.cluster });
      loadFiles();
      session.vars.clear();
      shell = newShell();
      try {
        setUpScenario({ cluster: () => session.cluster, run: (l) => shell.run(l), commands: [] }, scenario);
      } catch (e) {
        reportError(e);
      }
      if (prelude > 0) runPrelude(prelude);
    },
    apply(input: TimeInput, isLive: boolean) {
      live = isLive;
      try {
        if (input.kind === 'run') inner.run(input.text);
        else if (input.kind === 'interrupt') {
          store.getState().setContinuation(null);
          inner.interrupt(input.pending);
        } else if (input.kind === 'edit') {
          const done = pendingEdit;
          closeEditor();
          // kubectl reads the saved file on its next poll (and may reopen the editor with the errors).
          done?.(input.text ?? undefined);
          inner.poll();
        } else store.getState().clearConsole();
      } finally {
        live = true;
      }
    },
    poll: () => inner.poll(),
  });
  history.attach(session.cluster);

  const consoleCtl: ConsoleController = {
    submit(line) {
      const s = store.getState();
      const text = s.continuation !== null ? `${s.continuation}\n${line}` : line;
      if (Shell.needsMoreInput(text)) return inner.submit(line);
      time.act({ kind: 'run', text });
      return true;
    },
    run(text) {
      time.act({ kind: 'run', text });
    },
    interrupt(pending = '') {
      const s = store.getState();
      const typed = !s.running && s.continuation !== null ? `${s.continuation}\n${pending}` : pending;
      time.act({ kind: 'interrupt', pending: typed });
    },
    poll: () => inner.poll(),
    reset: () => inner.reset(),
  };

  const jumps = createJumps({ now: () => time.now(), frame: () => store.getState().frame });
  const loop = createPlayback({
    store,
    cluster: () => time,
    afterAdvance: () => {
      consoleCtl.poll();
      bridge.flush();
    },
    signature: () => JSON.stringify(deriveFrame(session.cluster.api)),
    onError: reportError,
    requestFrame: options.requestFrame ?? (() => 0),
    cancelFrame: options.cancelFrame ?? (() => {}),
  });
  // Stepping forward (the button, →) is a jump too.
  const playback: Playback = { ...loop, step: () => jumps.run('step', () => loop.step()) };

  const hash = createTimeHash({ write: setHash, scenario: scenario.id, step: () => store.getState().step });
  // The moment goes into the hash when the clock stops and after each jump while it is stopped; a jump that
  // pauses (step, step back) writes once, when it is done.
  const unsubPlaying = store.subscribe((s, prev) => {
    if (s.playing === prev.playing || jumps.active()) return;
    if (s.playing) hash.clear();
    else hash.mark(time.now());
  });
  const unsubJumps = jumps.subscribe((j) => {
    if (!store.getState().playing) hash.markSoon(j.to);
  });

  const runtime: Runtime = {
    store,
    scenario,
    session,
    playback,
    console: consoleCtl,
    time,
    history,
    jumps,
    cluster: () => session.cluster,
    finishEdit(text) {
      if (!pendingEdit) return;
      time.act({ kind: 'edit', text: text ?? null });
      bridge.flush();
    },
    clearConsole() {
      time.act({ kind: 'clear' });
    },
    seek(ms) {
      jumps.run('seek', () => {
        try {
          time.seek(ms);
        } catch (e) {
          reportError(e);
        }
        bridge.flush();
      });
    },
    stepBack() {
      jumps.run('back', () => {
        store.getState().setPlaying(false);
        try {
          time.stepBack();
        } catch (e) {
          reportError(e);
        }
        bridge.flush();
      });
    },
    openAt(ms) {
      runtime.seek(ms);
      store.getState().setPlaying(false);
    },
    runCommand(line) {
      consoleCtl.run(line);
      bridge.flush();
    },
    goToStep(step) {
      const n = Math.max(0, Math.min(scenario.steps.length - 1, step));
      store.getState().setStep(n);
      hash.clear();
      evaluate();
    },
    restart() {
      prelude = 0;
      const s = store.getState();
      s.setScenario(scenario.id);
      time.reset();
      s.select(null);
      s.setPlaying(true);
      runtime.goToStep(0);
      bridge.flush();
    },
    catchUp(step) {
      prelude = step;
      time.reset();
      runtime.goToStep(step);
      bridge.flush();
    },
    describe(selection) {
      return describeSelection(session.cluster, selection);
    },
    dispose() {
      unsubPlaying();
      unsubJumps();
      hash.dispose();
      playback.dispose();
      bridge.dispose();
      history.dispose();
    },
  };

  store.getState().setScenario(scenario.id);
  bridge.flush();
  const start = options.step ?? 0;
  if (start > 0) runtime.catchUp(start);
  else {
    time.reset();
    runtime.goToStep(0);
  }
  if (openTime !== undefined) runtime.openAt(openTime);
  return runtime;
}
