import { describe, expect, it } from 'vitest';
import { applyContrast, initialContrast } from './contrast.ts';

describe('high-contrast theme', () => {
  it('a stored choice wins over the system preference', () => {
    expect(initialContrast('normal', true)).toBe('normal');
    expect(initialContrast('more', false)).toBe('more');
  });

  it('with nothing (or garbage) stored, prefers-contrast: more decides', () => {
    expect(initialContrast(null, true)).toBe('more');
    expect(initialContrast(undefined, false)).toBe('normal');
    expect(initialContrast('yes', false)).toBe('normal');
  });

  it('marks <html> with data-contrast only when on', () => {
    const root = { dataset: {} as Record<string, string | undefined> };
    applyContrast(root, 'more');
    expect(root.dataset.contrast).toBe('more');
    applyContrast(root, 'normal');
    expect(root.dataset.contrast).toBeUndefined();
  });
});
