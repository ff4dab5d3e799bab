// The browser side of the high-contrast theme (contrast.ts is DOM-free for its tests).
import { CONTRAST_STORAGE_KEY, initialContrast, type Contrast } from './contrast.ts';

/** Reads the choice in the browser (storage may be unavailable, e.g. in private modes). */
export function readContrast(): Contrast {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(CONTRAST_STORAGE_KEY);
  } catch {
    // No storage: the system preference decides.
  }
  const prefersMore = window.matchMedia?.('(prefers-contrast: more)').matches ?? false;
  return initialContrast(stored, prefersMore);
}

export function storeContrast(c: Contrast): void {
  try {
    window.localStorage.setItem(CONTRAST_STORAGE_KEY, c);
  } catch {
    // Not remembered; the toggle still works for this visit.
  }
}
