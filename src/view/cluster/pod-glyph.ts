// How one pod looks for each phase: fill level, outline and icon (product.md, visual language), plus the
// kubectl STATUS word under it in a colour of its family. Revision is the fill hue (and the `r2` label);
// a phase is never shown by colour alone: shape, icon and text all say it too.
import type { PodVisual } from './layout.ts';

export type PodIcon = 'none' | 'hourglass' | 'check' | 'bang' | 'cross' | 'done' | 'question';

export interface PodStyle {
  /** 0 = tinted only, 0.5 = half fill (running, not ready), 1 = full fill. */
  level: number;
  dash: string;
  strokeWidth: number;
  icon: PodIcon;
  hatched: boolean;
  opacity: number;
  /** Scale of the square: a terminating pod shrinks. */
  scale: number;
  /** Outline colour (errors are drawn in red on top of their heavy outline and icon). */
  stroke: string;
  /** Colour of the status text and of a non-check icon: one per state family, AA on white. */
  tone: string;
  /** Restart-count badge even at 0 restarts (a crashed pod always shows its count). */
  badge: boolean;
}

const INK = '#1f2328';
const ERROR = '#a40e26';

export function podStyle(visual: PodVisual): PodStyle {
  const base: PodStyle = {
    level: 0,
    dash: 'none',
    strokeWidth: 1.5,
    icon: 'none',
    hatched: false,
    opacity: 1,
    scale: 1,
    stroke: INK,
    tone: INK,
    badge: false,
  };
  switch (visual) {
    case 'pending':
      return { ...base, dash: '4 3', tone: '#7a4d00' };
    case 'creating':
      return { ...base, dash: '1 3', strokeWidth: 2, icon: 'hourglass', tone: '#7a4d00' };
    case 'running':
      return { ...base, level: 0.5, tone: '#0550ae' };
    case 'ready':
      return { ...base, level: 1, icon: 'check', tone: '#116329' };
    case 'terminating':
      return {
        ...base,
        level: 1,
        hatched: true,
        opacity: 0.55,
        scale: 0.82,
        dash: '2 2',
        tone: '#57606a',
      };
    case 'pullError':
      return { ...base, strokeWidth: 3.5, icon: 'bang', stroke: ERROR, tone: ERROR };
    case 'crash':
      return {
        ...base,
        level: 0.5,
        strokeWidth: 2.5,
        icon: 'cross',
        stroke: ERROR,
        tone: ERROR,
        badge: true,
      };
    case 'done':
      return { ...base, level: 1, opacity: 0.5, icon: 'done', tone: '#6639ba' };
    case 'unknown':
      return { ...base, dash: '4 3', icon: 'question', opacity: 0.7, tone: '#57606a' };
  }
}

/** Icon path in a 10×10 box (drawn scaled into the pod's lower half). */
export function iconPath(icon: PodIcon): string {
  switch (icon) {
    case 'check':
      return 'M1.5 5.2 L4 7.8 L8.8 2.2';
    case 'hourglass':
      return 'M2 1 H8 M2 9 H8 M2.6 1 C2.6 4 5 4.2 5 5 C5 5.8 2.6 6 2.6 9 M7.4 1 C7.4 4 5 4.2 5 5 C5 5.8 7.4 6 7.4 9';
    case 'cross':
      return 'M2 2 L8 8 M8 2 L2 8';
    case 'bang':
      return 'M5 1.2 V6.2 M5 8.2 V8.8';
    case 'done':
      // A flag on its pole: the container ran to its end.
      return 'M2.5 9.2 V1 M2.5 1.5 H8.2 L6.6 3.6 L8.2 5.7 H2.5';
    case 'question':
      return 'M3 3.4 C3 0.6 7.6 0.6 7.4 3.4 C7.3 5 5 5 5 6.6 M5 8.6 V8.8';
    case 'none':
      return '';
  }
}

/** Rounded-square outline for a given side. */
export function podRadius(size: number): number {
  return Math.max(2, Math.round(size * 0.18));
}

/**
 * The STATUS word split for a two-line caption at CamelCase / `:` boundaries (`Container` `Creating`,
 * `CrashLoop` `BackOff`), as evenly as the words allow (a line too long is clipped by the caller). A one-word status gets the READY
 * column as its second line (`Running` `0/1`), as kubectl prints both side by side.
 */
export function statusLines(status: string, readyText: string, maxChars: number): [string, string] {
  if (status.length <= maxChars) return [status, readyText];
  const colon = status.indexOf(':') + 1;
  if (colon > 0 && colon <= maxChars && status.length - colon <= maxChars)
    return [status.slice(0, colon), status.slice(colon)];
  const cuts: number[] = [];
  for (let i = 1; i < status.length; i++) {
    const c = status[i]!;
    const prev = status[i - 1]!;
    if ((c >= 'A' && c <= 'Z' && !(prev >= 'A' && prev <= 'Z')) || prev === ':') cuts.push(i);
  }
  // The most even cut: `CrashLoop` `BackOff` rather than `Crash` `LoopBackOff`.
  let best = -1;
  for (const i of cuts) {
    const worse = best >= 0 && Math.max(i, status.length - i) >= Math.max(best, status.length - best);
    if (!worse) best = i;
  }
  if (best < 0) best = Math.min(status.length, maxChars);
  return [status.slice(0, best), status.slice(best)];
}

/** Shortens `text` with an ellipsis to at most `maxChars` characters (no measuring). */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1)}…`;
}
