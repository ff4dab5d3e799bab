// What a ReplicationController card and a StatefulSet card draw alike: their elements (joinCards: created once,
// clickable, fading out when the object is deleted), the move into place (only when the card moved or just
// appeared), the card frame (selected, active or scaled to zero), the colour swatch with a text badge that fits
// it, and the short image and the name. The counts below come from replica-counts.ts.
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { revisionColor, textOnRevisionColor } from './palette.ts';
import { fitText } from './text-fit.ts';
import { shortImage } from './image-name.ts';
import { CARD, CARD_ALT, INK, MUTED, SELECT } from './theme.ts';
import type { ViewSelection } from './frame.ts';
import type { MarkContext } from './workload-marks.ts';

interface CardMark {
  uid: string;
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
  data: { colorIndex: number; image: string; name: string; namespace: string };
}

const KEYS = ['desired', 'current', 'ready'] as const;

/**
 * Joins the cards of one kind to `layer` (`g.<cls>`): each new card gets its title, frame, swatch, badge, image,
 * name, the three counts, any `extra` text lines (by class) and the ready bar, and selects its object on click;
 * a removed card fades out and stops taking clicks.
 */
export function joinCards<D extends CardMark>(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  cls: string,
  marks: D[],
  ctx: MarkContext,
  kind: ViewSelection['kind'],
  extra: readonly string[] = [],
): Selection<SVGGElement, D, SVGGElement, unknown> {
  const { ms } = ctx;
  return layer
    .selectAll<SVGGElement, D>(`g.${cls}`)
    .data(marks, (d) => d.uid)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', cls)
          .attr('role', 'img')
          .style('cursor', 'pointer')
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .attr('opacity', 0);
        g.append('title');
        g.append('rect').attr('class', 'card').attr('rx', 6);
        g.append('rect').attr('class', 'swatch').attr('rx', 4);
        g.append('text').attr('class', 'badge').attr('font-weight', 700).attr('text-anchor', 'middle');
        g.append('text').attr('class', 'image').attr('fill', INK).attr('font-weight', 700);
        g.append('text').attr('class', 'name').attr('fill', MUTED);
        for (const k of KEYS) {
          g.append('text').attr('class', `label-${k}`).attr('fill', MUTED);
          g.append('text').attr('class', `num-${k}`).attr('fill', INK).attr('font-weight', 700);
        }
        for (const c of extra) g.append('text').attr('class', c).attr('fill', INK);
        g.append('rect').attr('class', 'bar-bg').attr('fill', '#eaeef2');
        g.append('rect').attr('class', 'bar');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          ctx.emit({ kind, namespace: d.data.namespace, name: d.data.name, uid: d.uid });
        });
        return g;
      },
      (update) => update,
      (exit) => {
        const gone = exit.attr('class', `${cls}-exit`).attr('pointer-events', 'none');
        if (ms(300) === 0) gone.remove();
        else gone.transition().duration(ms(300)).attr('opacity', 0).remove();
        return gone;
      },
    );
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
