// The lower half of a ReplicaSet or ReplicationController card: desired / current / ready as three small
// columns (label above, number below) and a bar of the ready share, which grows with a transition.
import type { Selection } from 'd3-selection';
import 'd3-transition';
import { revisionColor } from './palette.ts';
import { fitText } from './text-fit.ts';
import type { MarkContext } from './workload-marks.ts';

interface CountedMark {
  width: number;
  height: number;
  /** A collapsed card (an old ReplicaSet drawn as a chip) shows no labels. */
  collapsed: boolean;
  data: { desired: number; current: number; ready: number; colorIndex: number };
}

const KEYS = ['desired', 'current', 'ready'] as const;

/** The bar width each card last animated to (a new transition only when it changes). */
const bars = new WeakMap<SVGRectElement, string>();

export function renderReplicaCounts<D extends CountedMark>(
  sel: Selection<SVGGElement, D, SVGGElement, unknown>,
  tx: number,
  fs: number,
  ctx: MarkContext,
): void {
  const { t, ms } = ctx;
  KEYS.forEach((k, i) => {
    const colX = (d: D) => tx + ((d.width - tx - 8) / 3) * i;
    sel
      .select<SVGTextElement>(`text.label-${k}`)
      .attr('x', colX)
      .attr('y', fs * 3.5)
      .attr('font-size', fs * 0.72)
      .each(function (d) {
        if (!d.collapsed) fitText(this, t(`view.${k}`), (d.width - tx - 8) / 3 - 4, fs * 0.72);
      });
    sel
      .select(`text.num-${k}`)
      .attr('x', colX)
      .attr('y', fs * 4.65)
      .attr('font-size', fs * 1.05)
      .text((d) => String(d.data[k]));
  });
  const barW = (d: D) => d.width - tx - 8;
  sel
    .select('rect.bar-bg')
    .attr('x', tx)
    .attr('y', (d) => d.height - 8)
    .attr('height', 4)
    .attr('width', barW);
  sel
    .select<SVGRectElement>('rect.bar')
    .attr('x', tx)
    .attr('y', (d) => d.height - 8)
    .attr('height', 4)
    .attr('fill', (d) => revisionColor(d.data.colorIndex))
    .filter(function (d) {
      const w = String((barW(d) * d.data.ready) / Math.max(d.data.desired, d.data.current, 1));
      if (bars.get(this) === w) return false;
      bars.set(this, w);
      return true;
    })
    .transition()
    .duration(ms(400))
    .attr('width', function () {
      return Number(bars.get(this));
    });
}
