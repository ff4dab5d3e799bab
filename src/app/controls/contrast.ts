// The high-contrast theme: the stored choice, else the system's prefers-contrast: more. DOM-free so it can be
// unit-tested in Node; applyContrast sets `data-contrast="more"` on <html>, which app.css keys its variables on.
export const CONTRAST_STORAGE_KEY = 'rollout-lab.contrast';

export type Contrast = 'more' | 'normal';

/** The stored choice wins; with none, follow the system preference. */
export function initialContrast(stored: string | null | undefined, prefersMore: boolean): Contrast {
  if (stored === 'more' || stored === 'normal') return stored;
  return prefersMore ? 'more' : 'normal';
}

/** Marks <html> so that the stylesheet (and the D3 view, through the same variables) switch. */
export function applyContrast(root: { dataset: Record<string, string | undefined> }, c: Contrast): void {
  if (c === 'more') root.dataset.contrast = 'more';
  else delete root.dataset.contrast;
}
