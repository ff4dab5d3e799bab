// What the learner has selected in the picture, whether the shortcut help is open, and the editor `kubectl edit`
// has open.
import type { StateCreator } from 'zustand/vanilla';
import type { ViewSelection } from '../../view/cluster/frame.ts';
import type { AppState } from './store.ts';

/** The YAML editor `kubectl edit` asked for: its text; `seq` changes each time it (re)opens. */
export interface EditorState {
  initial: string;
  seq: number;
}

export interface UiSlice {
  selection: ViewSelection | null;
  helpOpen: boolean;
  editor: EditorState | null;
  select(selection: ViewSelection | null): void;
  setHelpOpen(open: boolean): void;
  setEditor(editor: EditorState | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selection: null,
  helpOpen: false,
  editor: null,
  select: (selection) => set({ selection }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setEditor: (editor) => set({ editor }),
});
