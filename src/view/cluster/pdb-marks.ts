// Draws a PodDisruptionBudget card: its rule, "healthy N / needed M", the allowed disruptions in words and a
// meter of slots — needed ones solid, spare ones (the allowed disruptions) hatched with a green outline, needed
// but unhealthy ones dashed with a cross, the rest dotted. At zero allowed disruptions a lock and a heavy outline.
import { select, type Selection } from 'd3-selection';
// Imported for its side effect (selection.transition), as in cluster-view.ts.
import 'd3-transition';
import type { ClusterLayout, PdbMark } from './layout.ts';
import { pdbLines, pdbSlots, pdbSummary, type PdbSlot } from './pdb-card.ts';
import { fitText } from './text-fit.ts';
import { CARD, INK, MUTED, SELECT } from './theme.ts';
import type { MarkContext } from './workload-marks.ts';

const SPARE = '#1a7f37';
const SHORT = '#cf222e';
const LOCK = 'M2 4.5V3a3 3 0 0 1 6 0v1.5 M1 4.5h8v5.5h-8z';
const placed = new WeakMap<SVGGElement, string>();

export function renderPdbs(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t, ms } = ctx;
  const pad = fs * 0.7;
  const sel = layer
    .selectAll<SVGGElement, PdbMark>('g.pdb')
    .data(l.pdbs, (d) => d.uid)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'pdb')
          .attr('role', 'img')
          .style('cursor', 'pointer')
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .attr('opacity', 0);
        g.append('title');
        g.append('rect').attr('class', 'card').attr('rx', 6).attr('fill', CARD);
        g.append('text').attr('class', 'line0').attr('fill', INK).attr('font-weight', 700);
        g.append('text').attr('class', 'line1').attr('fill', MUTED);
        g.append('path')
          .attr('class', 'lock')
          .attr('d', LOCK)
          .attr('fill', 'none')
          .attr('stroke', INK)
          .attr('stroke-linejoin', 'round');
        g.append('text').attr('class', 'line2').attr('fill', INK).attr('font-weight', 700);
        g.append('g').attr('class', 'meter');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          ctx.emit({
            kind: 'PodDisruptionBudget',
            namespace: d.data.namespace,
            name: d.data.name,
            uid: d.uid,
          });
        });
        return g;
      },
      (update) => update,
      (exit) => exit.transition().duration(ms(300)).attr('opacity', 0).remove(),
    );
  const blocked = (d: PdbMark) => d.data.disruptionsAllowed <= 0;
  sel
    .attr('data-name', (d) => d.data.name)
    .attr('data-allowed', (d) => d.data.disruptionsAllowed)
    .attr('data-healthy', (d) => d.data.currentHealthy)
    .attr('data-needed', (d) => d.data.desiredHealthy)
    .attr('data-expected', (d) => d.data.expectedPods)
    .attr('data-blocked', (d) => String(blocked(d)))
    .attr('aria-label', (d) => pdbSummary(d.data, t));
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
  sel.select('title').text((d) => pdbSummary(d.data, t));
  sel
    .select('rect.card')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('stroke', (d) => (d.uid === ctx.selected ? SELECT : INK))
    .attr('stroke-width', (d) => (d.uid === ctx.selected ? 3 : blocked(d) ? 2.5 : 1));

  const sizes = [fs * 1.0, fs * 0.78, fs * 0.92];
  const ys = [fs * 1.35, fs * 2.5, fs * 3.7];
  const lockW = fs * 0.95;
  for (let i = 0; i < 3; i++) {
    sel
      .select<SVGTextElement>(`text.line${i}`)
      .attr('x', (d) => (i === 2 && blocked(d) ? pad + lockW + fs * 0.3 : pad))
      .attr('y', ys[i]!)
      .attr('font-size', sizes[i]!)
      .each(function (d) {
        const x = i === 2 && blocked(d) ? pad + lockW + fs * 0.3 : pad;
        fitText(this, pdbLines(d.data, t)[i]!, d.width - x - pad, sizes[i]);
      });
  }
  sel
    .select('path.lock')
    .attr('display', (d) => (blocked(d) ? null : 'none'))
    .attr('transform', `translate(${pad},${ys[2]! - lockW}) scale(${lockW / 10})`)
    .attr('stroke-width', 1.6);

  // The meter: one slot per expected Pod.
  const meterY = fs * 4.2;
  const slotH = fs * 0.85;
  sel.select<SVGGElement>('g.meter').each(function (d) {
    const slots = pdbSlots(d.data);
    const gap = Math.max(2, fs * 0.2);
    const avail = d.width - 2 * pad;
    const w = slots.length > 0 ? Math.min(fs * 1.6, (avail - gap * (slots.length - 1)) / slots.length) : 0;
    const g = select(this);
    g.attr('transform', `translate(${pad},${meterY})`);
    g.selectAll<SVGGElement, PdbSlot>('g.slot')
      .data(slots)
      .join((enter) => {
        const s = enter.append('g').attr('class', 'slot');
        s.append('rect').attr('rx', 2);
        s.append('path').attr('class', 'cross').attr('fill', 'none');
        return s;
      })
      .attr('data-kind', (k) => k)
      .attr('transform', (_, i) => `translate(${i * (w + gap)},0)`)
      .each(function (k) {
        const s = select(this);
        s.select('rect')
          .attr('width', w)
          .attr('height', slotH)
          .attr('fill', k === 'required' ? INK : k === 'spare' ? 'url(#rl-pdb-spare)' : CARD)
          .attr('stroke', k === 'spare' ? SPARE : k === 'short' ? SHORT : k === 'required' ? INK : MUTED)
          .attr('stroke-width', k === 'spare' || k === 'short' ? 1.6 : 1)
          .attr('stroke-dasharray', k === 'short' ? '3 2' : k === 'idle' ? '1.5 2' : 'none');
        s.select('path.cross')
          .attr(
            'd',
            k === 'short'
              ? `M${w * 0.3},${slotH * 0.25}L${w * 0.7},${slotH * 0.75}M${w * 0.7},${slotH * 0.25}L${w * 0.3},${slotH * 0.75}`
              : '',
          )
          .attr('stroke', SHORT)
          .attr('stroke-width', 1.4);
      });
  });
}
