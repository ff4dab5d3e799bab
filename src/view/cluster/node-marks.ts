// Draws the node boxes: name, status chip (the STATUS column of `kubectl get nodes`), taint tags, and a
// note of Pods from other namespaces. The waiting area for unscheduled Pods is drawn like a node.
import { select, type Selection } from 'd3-selection';
import type { ClusterLayout, NodeMark } from './layout.ts';
import { fitText, measuredWidth } from './text-fit.ts';
import { CARD, CARD_ALT, INK, MUTED, SELECT } from './theme.ts';
import type { MarkContext } from './workload-marks.ts';

const shortTaint = (x: string) =>
  x.replace(/^node-role\.kubernetes\.io\//, '').replace(/^node\.kubernetes\.io\//, '');

export function renderNodes(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.nodeFontSize;
  const compact = l.compactNodes;
  const { t } = ctx;
  // A grid of many small nodes: a tighter header (chip on the name line, taints below when any).
  const chipH = fs * (compact ? 1.35 : 1.5);
  const chipY = compact ? fs * 0.3 : fs * 0.35;
  const sel = layer
    .selectAll<SVGGElement, NodeMark>('g.node')
    .data(l.nodes, (d) => d.uid)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'node');
      g.append('title');
      g.append('rect').attr('class', 'box').attr('rx', 8);
      g.append('rect')
        .attr('class', 'stripes')
        .attr('rx', 8)
        .attr('fill', 'url(#rl-cordon)')
        .attr('pointer-events', 'none');
      g.append('text').attr('class', 'name').attr('font-weight', 700).attr('fill', INK);
      const chip = g.append('g').attr('class', 'chip');
      chip.append('rect').attr('rx', 9);
      chip.append('text').attr('font-weight', 600);
      g.append('g').attr('class', 'taints');
      g.append('text').attr('class', 'others').attr('fill', MUTED);
      g.on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        if (d.data) ctx.emit({ kind: 'Node', name: d.data.name, uid: d.uid });
      });
      return g;
    });
  const down = (d: NodeMark) => d.data !== null && !d.data.ready;
  const cordoned = (d: NodeMark) => d.data?.unschedulable === true;
  sel
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('data-name', (d) => d.data?.name ?? '')
    .attr('data-status', (d) => d.data?.status ?? 'waiting')
    .style('cursor', (d) => (d.data ? 'pointer' : 'default'));
  sel
    .select('title')
    .text((d) =>
      d.data
        ? `${d.data.name} — ${d.data.status}${d.data.taints.length ? `\n${d.data.taints.join('\n')}` : ''}`
        : t('view.waiting'),
    );
  sel
    .select('rect.box')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('fill', (d) =>
      d.waiting ? '#fff8c5' : down(d) ? '#eaeef2' : d.data?.controlPlane ? CARD_ALT : CARD,
    )
    .attr('stroke', (d) => (d.uid === ctx.selected ? SELECT : d.waiting ? '#9a6700' : INK))
    .attr('stroke-width', (d) => (d.uid === ctx.selected ? 3 : 1.25))
    .attr('stroke-dasharray', (d) => (d.waiting || down(d) ? '6 4' : 'none'));
  sel
    .select('rect.stripes')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('display', (d) => (cordoned(d) ? null : 'none'));

  const chipText = (d: NodeMark) => (d.data ? d.data.status : t('view.waitingCount', { count: d.podCount }));
  const chipW = (d: NodeMark) => chipText(d).length * fs * 0.56 + fs;
  const chip = sel
    .select<SVGGElement>('g.chip')
    .attr('transform', (d) => `translate(${Math.max(fs * 0.7, d.width - chipW(d) - fs * 0.6)},${chipY})`);
  chip
    .select('rect')
    .attr('width', chipW)
    .attr('height', chipH)
    .attr('rx', chipH / 2)
    .attr('fill', (d) => (d.waiting || cordoned(d) ? '#fff1a8' : down(d) ? '#ffebe9' : '#dafbe1'))
    .attr('stroke', (d) => (d.waiting || cordoned(d) ? '#9a6700' : down(d) ? '#cf222e' : '#1a7f37'));
  chip
    .select('text')
    .attr('x', fs * 0.5)
    .attr('y', chipH * 0.72)
    .attr('font-size', fs * 0.82)
    .attr('fill', (d) => (d.waiting || cordoned(d) ? '#6b4600' : down(d) ? '#a40e26' : '#116329'))
    .text(chipText);
  // The name gets what the chip leaves.
  sel
    .select<SVGTextElement>('text.name')
    .attr('x', fs * 0.7)
    .attr('y', compact ? fs * 1.3 : fs * 1.45)
    .attr('font-size', fs * 1.05)
    .each(function (d) {
      fitText(this, d.data ? d.data.name : t('view.waiting'), d.width - chipW(d) - fs * 1.6, fs * 1.05);
    });
  sel.select<SVGGElement>('g.taints').each(function (d) {
    const tags = (d.data?.taints ?? []).map(shortTaint);
    const g = select(this).attr('transform', `translate(${fs * 0.7},${compact ? fs * 1.85 : fs * 2.05})`);
    let x = 0;
    g.selectAll<SVGGElement, string>('g.taint')
      .data(tags)
      .join((e) => {
        const tg = e.append('g').attr('class', 'taint');
        tg.append('rect').attr('rx', 3).attr('fill', '#fbefff').attr('stroke', '#8250df');
        tg.append('text').attr('fill', '#6639ba');
        return tg;
      })
      .each(function (tag) {
        const it = select(this).attr('transform', `translate(${x},0)`);
        const text = it
          .select<SVGTextElement>('text')
          .attr('x', 4)
          .attr('y', fs * 0.85)
          .attr('font-size', fs * 0.72);
        const room = d.width - fs * 1.4 - x - 8;
        fitText(text.node()!, tag, room, fs * 0.72);
        const w = Math.min(room + 8, measuredWidth(text.node()!, tag.length * fs * 0.42) + 8);
        it.select('rect')
          .attr('width', Math.max(0, w))
          .attr('height', fs * 1.15);
        x += w + 4;
      });
  });
  sel
    .select<SVGTextElement>('text.others')
    .attr('x', fs * 0.7)
    .attr('y', (d) => d.height - fs * 0.6)
    .attr('font-size', fs * 0.75)
    .each(function (d) {
      fitText(
        this,
        d.data && d.data.otherPods > 0 ? t('view.otherPods', { count: d.data.otherPods }) : '',
        d.width - fs * 1.4,
        fs * 0.75,
      );
    });
}
