// Wires one learner session together outside React: the session and shell, the engine bridge, the playback
// loop, the console and the tutorial. React components reach it through RuntimeContext.
import type { Cluster } from '../engine/index.ts';
import { Session, Shell } from '../shell/index.ts';
import {
  findScenario,
  runStep,
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
import { formatHash } from './tutorial/hash.ts';
import type { ViewSelection } from '../view/cluster/frame.ts';
import { describeSelection } from './cluster/describe.ts';

export interface Runtime {
  store: AppStore;
  readonly scenario: Scenario;
  readonly session: Session;
  playback: Playback;
  console: ConsoleController;
  cluster(): Cluster;
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
  const session = new Session(scenario.cluster);
  const loadFiles = () => {
    session.files.clear();
    for (const [k, v] of Object.entries(scenario.files)) session.files.set(k, v);
  };
  loadFiles();
  const shell = new Shell(session, { onClear: () => store.getState().clearConsole() });

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

  const bridge: EngineBridge = createEngineBridge(store, session.cluster, evaluate);
  session.onClusterChange((c) => bridge.attach(c));

  const consoleCtl = createConsoleController({
    store,
    shell: () => shell,
    needsMoreInput: (t) => Shell.needsMoreInput(t),
    onCommand: (line) => store.getState().recordCommand(line),
    onDone: evaluate,
  });

  const reportError = (e: unknown) => {
    store.getState().setPlaying(false);
    store.getState().print('stderr', `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  };

  const playback = createPlayback({
    store,
    cluster: () => session.cluster,
    afterAdvance: () => {
      consoleCtl.poll();
      bridge.flush();
    },
    signature: () => JSON.stringify(deriveFrame(session.cluster.api)),
    onError: reportError,
    requestFrame: options.requestFrame ?? (() => 0),
    cancelFrame: options.cancelFrame ?? (() => {}),
  });

  const runtime: Runtime = {
    store,
    scenario,
    session,
    playback,
    console: consoleCtl,
    cluster: () => session.cluster,
    runCommand(line) {
      consoleCtl.run(line);
      bridge.flush();
    },
    goToStep(step) {
      const n = Math.max(0, Math.min(scenario.steps.length - 1, step));
      store.getState().setStep(n);
      setHash(formatHash({ kind: 'scenario', scenario: scenario.id, step: n }));
      evaluate();
    },
    restart() {
      if (store.getState().running) consoleCtl.interrupt();
      session.replaceCluster(scenario.cluster);
      loadFiles();
      session.vars.clear();
      const s = store.getState();
      s.setScenario(scenario.id);
      s.clearConsole();
      s.select(null);
      s.setPlaying(true);
      runtime.goToStep(0);
      bridge.flush();
    },
    catchUp(step) {
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
            s.pushHistory(r.command);
            s.recordCommand(r.command);
          }
          if (result.reached) s.markReached(i);
        }
      } catch (e) {
        reportError(e);
      } finally {
        s.setCatchingUp(false);
      }
      runtime.goToStep(step);
      bridge.flush();
    },
    describe(selection) {
      return describeSelection(session.cluster, selection);
    },
    dispose() {
      playback.dispose();
      bridge.dispose();
    },
  };

  store.getState().setScenario(scenario.id);
  bridge.flush();
  const start = options.step ?? 0;
  if (start > 0) runtime.catchUp(start);
  else runtime.goToStep(0);
  return runtime;
}
