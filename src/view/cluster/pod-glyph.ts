// How one pod looks for each phase: fill level, outline and icon (product.md, visual language).
// Revision is the fill hue (and the `r2` label); phase is never shown by colour alone.
import type { PodVisual } from './layout.ts';

export interface PodStyle {
  /** 0 = tinted only, 0.5 = half fill (running, not ready), 1 = full fill. */
  level: number;
  dash: string;
  strokeWidth: number;
  icon: 'none' | 'hourglass' | 'check' | 'bang' | 'cross';
  hatched: boolean;
  opacity: number;
  /** Scale of the square: a terminating pod shrinks. */
  scale: number;
}

export function podStyle(visual: PodVisual): PodStyle {
  const base: PodStyle = {
    level: 0,
    dash: 'none',
    strokeWidth: 1.5,
    icon: 'none',
    hatched: false,
    opacity: 1,
    scale: 1,
  };
  switch (visual) {
    case 'pending':
      return { ...base, dash: '4 3' };
    case 'creating':
      return { ...base, dash: '1 3', strokeWidth: 2, icon: 'hourglass' };
    case 'running':
      return { ...base, level: 0.5 };
    case 'ready':
      return { ...base, level: 1, icon: 'check' };
    case 'terminating':
      return { ...base, level: 1, hatched: true, opacity: 0.55, scale: 0.82, dash: '2 2' };
    case 'pullError':
      return { ...base, strokeWidth: 3.5, icon: 'bang' };
    case 'crash':
      return { ...base, level: 0.5, strokeWidth: 2.5, icon: 'cross' };
    case 'done':
      return { ...base, level: 1, opacity: 0.5 };
  }
}

/** Icon path in a 10×10 box (drawn scaled into the pod's lower right corner). */
export function iconPath(icon: PodStyle['icon']): string {
  switch (icon) {
    case 'check':
      return 'M1.5 5.2 L4 7.8 L8.8 2.2';
    case 'hourglass':
      return 'M2 1 H8 M2 9 H8 M2.6 1 C2.6 4 5 4.2 5 5 C5 5.8 2.6 6 2.6 9 M7.4 1 C7.4 4 5 4.2 5 5 C5 5.8 7.4 6 7.4 9';
    case 'cross':
      return 'M2 2 L8 8 M8 2 L2 8';
    case 'bang':
      return 'M5 1.2 V6.2 M5 8.2 V8.8';
    case 'none':
      return '';
  }
}

/** Rounded-square outline for a given side. */
export function podRadius(size: number): number {
  return Math.max(2, Math.round(size * 0.18));
}
