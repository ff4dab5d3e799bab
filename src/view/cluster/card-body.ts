// What a ReplicationController card and a StatefulSet card draw alike: the move into place (only when the card
// moved or just appeared), the card frame (selected, active or scaled to zero), the colour swatch with a text
// badge that fits it, and the short image and the name. The counts below come from replica-counts.ts.
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { revisionColor, textOnRevisionColor } from './palette.ts';
import { fitText } from './text-fit.ts';
import { shortImage } from './image-name.ts';
import { CARD, CARD_ALT, INK, SELECT } from './theme.ts';
import type { MarkContext } from './workload-marks.ts';

interface CardMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
  data: { colorIndex: number; image: string; name: string };
}

const placed = new WeakMap<SVGGElement, string>();

/** Draws the shared parts; returns the x where the text column starts. */
export function renderCardBody<D extends CardMark>(
  sel: Selection<SVGGElement, D, SVGGElement, unknown>,
  fs: number,
  ctx: MarkContext,
  badge: (d: D) => string,
): number {
  const { ms } = ctx;
  // Only a card that moved (or just appeared) is animated, as the ReplicaSet cards.
  sel
    .filter(function (d) {
      const key = `${d.x},${d.y}`;
      if (placed.get(this) === key) return false;
      placed.set(this, key);
      return true;
    })
    .transition()
    .duration(ms(300))
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('opacity', 1);
  const sw = fs * 2.6;
  const tx = sw + 12;
  sel
    .select('rect.card')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('stroke', (d) => (d.uid === ctx.selected ? SELECT : revisionColor(d.data.colorIndex)))
    .attr('stroke-width', (d) => (d.uid === ctx.selected ? 3 : 2))
    // Scaled to zero: dashed and pale, its text still readable.
    .attr('stroke-dasharray', (d) => (d.active ? 'none' : '5 4'))
    .attr('fill', (d) => (d.active ? CARD : CARD_ALT));
  sel
    .select('rect.swatch')
    .attr('x', 5)
    .attr('y', 5)
    .attr('width', sw)
    .attr('height', (d) => d.height - 10)
    .attr('fill', (d) => revisionColor(d.data.colorIndex))
    .attr('fill-opacity', (d) => (d.active ? 1 : 0.45));
  sel
    .select<SVGTextElement>('text.badge')
    .attr('x', 5 + sw / 2)
    .attr('y', (d) => d.height / 2 + fs * 0.35)
    .attr('fill', (d) => (d.active ? textOnRevisionColor(d.data.colorIndex) : INK))
    .each(function (d) {
      // A longer badge (`rc10`) must still fit the swatch.
      const text = badge(d);
      select(this)
        .attr('font-size', Math.min(fs, (sw - 6) / (text.length * 0.6)))
        .text(text);
    });
  sel
    .select<SVGTextElement>('text.image')
    .attr('x', tx)
    .attr('y', fs * 1.35)
    .attr('font-size', fs * 0.95)
    .each(function (d) {
      fitText(this, shortImage(d.data.image), d.width - tx - 8, fs * 0.95);
    });
  sel
    .select<SVGTextElement>('text.name')
    .attr('x', tx)
    .attr('y', fs * 2.45)
    .attr('font-size', fs * 0.78)
    .each(function (d) {
      fitText(this, d.data.name, d.width - tx - 8, fs * 0.78);
    });
  return tx;
}
