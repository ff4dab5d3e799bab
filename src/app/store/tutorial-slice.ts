// Where the learner is in the tutorial and which step outcomes have been reached.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export interface TutorialSlice {
  scenarioId: string;
  /** 0-based step index. */
  step: number;
  /** Step indexes whose outcome check has passed (once reached, a check stays lit). */
  reached: number[];
  /** Every command line run in this session, in order (checks may look for one). */
  commandsRun: string[];
  /** True while earlier steps are being replayed to reach a shared link's step. */
  catchingUp: boolean;
  setScenario(id: string): void;
  setStep(step: number): void;
  markReached(step: number): void;
  recordCommand(line: string): void;
  /** Forgets the commands run (a rewind replays them again). */
  resetCommands(): void;
  setCatchingUp(v: boolean): void;
}

export const createTutorialSlice: StateCreator<AppState, [], [], TutorialSlice> = (set) => ({
  scenarioId: '',
  step: 0,
  reached: [],
  commandsRun: [],
  catchingUp: false,
  setScenario: (scenarioId) => set({ scenarioId, step: 0, reached: [], commandsRun: [] }),
  setStep: (step) => set({ step }),
  markReached: (step) => set((s) => (s.reached.includes(step) ? s : { reached: [...s.reached, step] })),
  recordCommand: (line) => set((s) => ({ commandsRun: [...s.commandsRun, line] })),
  resetCommands: () => set({ commandsRun: [] }),
  setCatchingUp: (catchingUp) => set({ catchingUp }),
});
