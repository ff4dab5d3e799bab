// The console's scrollback and history. Text is kept exactly as the shell printed it.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export type ConsoleStream = 'input' | 'stdout' | 'stderr' | 'info';

export interface ConsoleChunk {
  id: number;
  stream: ConsoleStream;
  text: string;
}

/** Scrollback is trimmed to this many chunks (a long `get -w` must not grow without bound). */
export const MAX_CHUNKS = 4000;

export interface ConsoleSlice {
  chunks: ConsoleChunk[];
  history: string[];
  /** A command is running (Ctrl-C interrupts it). */
  running: boolean;
  /** Lines typed so far of a command that needs more input (a heredoc), or null. */
  continuation: string | null;
  print(stream: ConsoleStream, text: string): void;
  pushHistory(command: string): void;
  setRunning(running: boolean): void;
  setContinuation(text: string | null): void;
  clearConsole(): void;
}

let nextId = 1;

export const createConsoleSlice: StateCreator<AppState, [], [], ConsoleSlice> = (set) => ({
  chunks: [],
  history: [],
  running: false,
  continuation: null,
  print: (stream, text) => {
    if (text === '') return;
    set((s) => {
      const last = s.chunks[s.chunks.length - 1];
      // Merge consecutive output of one stream so the log stays small.
      if (last && last.stream === stream && stream !== 'input') {
        const merged = { ...last, text: last.text + text };
        return { chunks: [...s.chunks.slice(0, -1), merged] };
      }
      const chunks = [...s.chunks, { id: nextId++, stream, text }];
      return { chunks: chunks.length > MAX_CHUNKS ? chunks.slice(-MAX_CHUNKS) : chunks };
    });
  },
  pushHistory: (command) =>
    set((s) =>
      command.trim() === '' || s.history[s.history.length - 1] === command
        ? s
        : { history: [...s.history, command] },
    ),
  setRunning: (running) => set({ running }),
  setContinuation: (continuation) => set({ continuation }),
  clearConsole: () => set({ chunks: [] }),
});
