// The cluster as the UI sees it. Only engine-bridge.ts writes it.
import type { StateCreator } from 'zustand/vanilla';
import { emptyFrame, type Frame } from '../../view/cluster/frame.ts';
import type { AppState } from './store.ts';

export interface ClusterSlice {
  frame: Frame;
  setFrame(frame: Frame): void;
}

export const createClusterSlice: StateCreator<AppState, [], [], ClusterSlice> = (set) => ({
  frame: emptyFrame,
  setFrame: (frame) => set({ frame }),
});
