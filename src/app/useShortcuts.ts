// Keyboard shortcuts (product.md): Space play/pause, → next event, ← step back, [ ] speed, / console, ? help.
import { useEffect } from 'react';
import type { Runtime } from './runtime.ts';
import { nextSpeed } from './store/time-slice.ts';
import { CONSOLE_INPUT_ID } from './console/Console.tsx';

/** Keys typed into a field, or pressed on a control that uses them itself, are not shortcuts. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

export function useShortcuts(runtime: Runtime): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const s = runtime.store.getState();
      if (s.helpOpen || s.editor) return;
      const field = ownsKeys(e.target);
      if (
        e.key === '/' &&
        !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)
      ) {
        e.preventDefault();
        document.getElementById(CONSOLE_INPUT_ID)?.focus();
        return;
      }
      if (field) return;
      switch (e.key) {
        case ' ':
          e.preventDefault();
          s.setPlaying(!s.playing);
          break;
        case 'ArrowRight':
          e.preventDefault();
          runtime.playback.step();
          break;
        case 'ArrowLeft':
          e.preventDefault();
          runtime.stepBack();
          break;
        case '[':
          s.setSpeed(nextSpeed(s.speed, -1));
          break;
        case ']':
          s.setSpeed(nextSpeed(s.speed, 1));
          break;
        case '?':
          s.setHelpOpen(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runtime]);
}
