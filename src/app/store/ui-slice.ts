// What the learner has selected in the picture, and whether the shortcut help is open.
import type { StateCreator } from 'zustand/vanilla';
import type { ViewSelection } from '../../view/cluster/frame.ts';
import type { AppState } from './store.ts';

export interface UiSlice {
  selection: ViewSelection | null;
  helpOpen: boolean;
  select(selection: ViewSelection | null): void;
  setHelpOpen(open: boolean): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selection: null,
  helpOpen: false,
  select: (selection) => set({ selection }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
