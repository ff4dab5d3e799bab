// One vanilla Zustand store built from slices (layout.md §2). React reads it with `useStore`;
// the engine bridge, playback loop and console write to it without React.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createClusterSlice, type ClusterSlice } from './cluster-slice.ts';
import { createTimeSlice, type TimeSlice } from './time-slice.ts';
import { createConsoleSlice, type ConsoleSlice } from './console-slice.ts';
import { createTutorialSlice, type TutorialSlice } from './tutorial-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';

export type AppState = ClusterSlice & TimeSlice & ConsoleSlice & TutorialSlice & UiSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createClusterSlice(...a),
    ...createTimeSlice(...a),
    ...createConsoleSlice(...a),
    ...createTutorialSlice(...a),
    ...createUiSlice(...a),
  }));
}
