import { describe, expect, it } from 'vitest';
import { clipToCursor, layoutGuardrail, valueAt } from './layout.ts';

const pts = [
  { t: 0, v: 4 },
  { t: 10_000, v: 5 },
  { t: 20_000, v: 4 },
];

describe('guardrail layout', () => {
  it('a step series holds its value until the next point', () => {
    expect(valueAt(pts, -1)).toBeUndefined();
    expect(valueAt(pts, 0)).toBe(4);
    expect(valueAt(pts, 19_999)).toBe(5);
    expect(valueAt(pts, 25_000)).toBe(4);
  });

  it('draws only up to the cursor, the last value held there', () => {
    expect(clipToCursor(pts, 15_000)).toEqual([
      { t: 0, v: 4 },
      { t: 10_000, v: 5 },
      { t: 15_000, v: 5 },
    ]);
  });

  it('lays out lines within the plot, with the value at the cursor', () => {
    const l = layoutGuardrail({
      series: [
        { id: 'ceiling', kind: 'ceiling', colorIndex: null, label: 'ceiling', points: [{ t: -5_000, v: 5 }] },
        { id: 'total', kind: 'total', colorIndex: null, label: 'total', points: pts },
      ],
      t0: 0,
      t1: 60_000,
      cursor: 15_000,
      width: 400,
      height: 150,
    });
    expect(l.lines.map((x) => [x.id, x.value])).toEqual([
      ['ceiling', 5],
      ['total', 5],
    ]);
    for (const line of l.lines) expect(line.d.startsWith(`M${l.plot.left},`)).toBe(true);
    expect(l.cursorX).toBeCloseTo(l.plot.left + l.plot.width / 4);
    expect(l.yTicks[0]).toEqual({ y: l.plot.top + l.plot.height, v: 0 });
  });
});
