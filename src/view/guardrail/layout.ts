// The guardrail chart's geometry, pure: replica counts over virtual time (step lines) with the rollout's
// ceiling (replicas + maxSurge) and floor (replicas − maxUnavailable), up to the time cursor.
import { scaleLinear } from 'd3-scale';
import { line, curveStepAfter } from 'd3-shape';

export type SeriesKind = 'total' | 'available' | 'updated' | 'desired' | 'ceiling' | 'floor';

export interface GuardrailPoint {
  /** Session time, ms. */
  t: number;
  v: number;
}

export interface GuardrailSeries {
  id: string;
  kind: SeriesKind;
  /** Revision colour slot (desired lines of a ReplicaSet). */
  colorIndex: number | null;
  label: string;
  /** Sorted by time; each value holds until the next point. */
  points: GuardrailPoint[];
}

export interface GuardrailInput {
  series: GuardrailSeries[];
  /** The visible span of session time. */
  t0: number;
  t1: number;
  cursor: number;
  width: number;
  height: number;
}

export interface GuardrailLine {
  id: string;
  kind: SeriesKind;
  colorIndex: number | null;
  label: string;
  d: string;
  /** Value at the cursor, and where the line ends. */
  value: number | null;
  endX: number;
  endY: number;
}

export interface GuardrailLayout {
  plot: { left: number; top: number; width: number; height: number };
  lines: GuardrailLine[];
  xTicks: { x: number; ms: number }[];
  yTicks: { y: number; v: number }[];
  cursorX: number;
}

export const MARGIN = { left: 34, right: 12, top: 10, bottom: 22 };

/** The value a step series has at time t (undefined before its first point). */
export function valueAt(points: readonly GuardrailPoint[], t: number): number | undefined {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : points[lo - 1]!.v;
}

/** Points up to `cursor`, the last value held until the cursor. */
export function clipToCursor(points: readonly GuardrailPoint[], cursor: number): GuardrailPoint[] {
  const out = points.filter((p) => p.t <= cursor);
  const last = out[out.length - 1];
  if (last && last.t < cursor) out.push({ t: cursor, v: last.v });
  return out;
}

function niceStep(spanMs: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);
  return steps.find((s) => spanMs / s <= 6) ?? 7200_000;
}

export function layoutGuardrail(input: GuardrailInput): GuardrailLayout {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(10, input.width - MARGIN.left - MARGIN.right),
    height: Math.max(10, input.height - MARGIN.top - MARGIN.bottom),
  };
  const t1 = Math.max(input.t1, input.t0 + 1000);
  const x = scaleLinear()
    .domain([input.t0, t1])
    .range([plot.left, plot.left + plot.width]);
  let yMax = 1;
  for (const s of input.series) for (const p of s.points) if (p.t <= input.cursor) yMax = Math.max(yMax, p.v);
  yMax = Math.ceil(yMax * 1.15) + (yMax < 5 ? 1 : 0);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([plot.top + plot.height, plot.top]);
  const path = line<GuardrailPoint>()
    .x((p) => x(p.t))
    .y((p) => y(p.v))
    .curve(curveStepAfter);
  const lines: GuardrailLine[] = [];
  for (const s of input.series) {
    // Before the visible span a value still holds at its start.
    const pts = clipToCursor(s.points, input.cursor).map((p) =>
      p.t < input.t0 ? { t: input.t0, v: p.v } : p,
    );
    if (pts.length === 0) continue;
    const last = pts[pts.length - 1]!;
    lines.push({
      id: s.id,
      kind: s.kind,
      colorIndex: s.colorIndex,
      label: s.label,
      d: path(pts) ?? '',
      value: valueAt(s.points, input.cursor) ?? null,
      endX: x(last.t),
      endY: y(last.v),
    });
  }
  const step = niceStep(t1 - input.t0);
  const xTicks: { x: number; ms: number }[] = [];
  for (let ms = Math.ceil(input.t0 / step) * step; ms <= t1; ms += step) xTicks.push({ x: x(ms), ms });
  const yStep = Math.max(1, Math.ceil(yMax / 5));
  const yTicks: { y: number; v: number }[] = [];
  for (let v = 0; v <= yMax; v += yStep) yTicks.push({ y: y(v), v });
  return { plot, lines, xTicks, yTicks, cursorX: x(Math.min(Math.max(input.cursor, input.t0), t1)) };
}
