// How components reach the runtime and read the store (Zustand's useStore over the vanilla store).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Runtime } from './runtime.ts';
import type { AppState } from './store/store.ts';

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const r = useContext(RuntimeContext);
  if (!r) throw new Error('RuntimeContext is missing');
  return r;
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useRuntime().store, selector);
}
