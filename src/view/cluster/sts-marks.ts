// Draws the StatefulSet cards: as a ReplicationController card (colour swatch badged `sts`, image, name,
// desired / current / ready and a ready bar), with two more lines: the update progress (revisions) and the
// claims against Pods (a scale-down keeps the claims). At zero replicas faded and dashed; a deleted set fades out.
import type { Selection } from 'd3-selection';
// Imported for its side effect (selection.transition), as in cluster-view.ts.
import 'd3-transition';
import type { ClusterLayout, StatefulSetMark } from './layout.ts';
import { STS_BADGE, stsClaims, stsSummary, stsTooltip, stsUpdate, stsUpdateShort } from './sts-card.ts';
import { fitText } from './text-fit.ts';
import { renderReplicaCounts } from './replica-counts.ts';
import { renderCardBody } from './card-body.ts';
import { INK, MUTED } from './theme.ts';
import type { MarkContext } from './workload-marks.ts';

const KEYS = ['desired', 'current', 'ready'] as const;

export function renderStatefulSets(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t, ms } = ctx;
  const sel = layer
    .selectAll<SVGGElement, StatefulSetMark>('g.sts')
    .data(l.statefulSets, (d) => d.uid)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'sts')
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
        g.append('text').attr('class', 'update').attr('fill', INK);
        g.append('text').attr('class', 'claims').attr('fill', INK);
        g.append('rect').attr('class', 'bar-bg').attr('fill', '#eaeef2');
        g.append('rect').attr('class', 'bar');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          ctx.emit({
            kind: 'StatefulSet',
            namespace: d.data.namespace,
            name: d.data.name,
            uid: d.uid,
          });
        });
        return g;
      },
      (update) => update,
      (exit) => {
        // A deleted set fades out; it is no longer clickable.
        const gone = exit.attr('class', 'sts-exit').attr('pointer-events', 'none');
        if (ms(300) === 0) gone.remove();
        else gone.transition().duration(ms(300)).attr('opacity', 0).remove();
        return gone;
      },
    );
  sel
    .attr('data-name', (d) => d.data.name)
    .attr('data-update', (d) => stsUpdate(d.data, t))
    .attr('data-claims', (d) => d.data.claims.length)
    .attr('data-desired', (d) => d.data.desired)
    .attr('data-current', (d) => d.data.current)
    .attr('data-ready', (d) => d.data.ready)
    .attr('data-active', (d) => String(d.active))
    .attr('aria-label', (d) => stsSummary(d.data, t));
  sel.select('title').text((d) => stsTooltip(d.data, t));
  const tx = renderCardBody(sel, fs, ctx, () => STS_BADGE);
  renderReplicaCounts(sel, tx, fs, ctx);
  sel
    .select<SVGTextElement>('text.update')
    .attr('x', tx)
    .attr('y', fs * 5.85)
    .attr('font-size', fs * 0.78)
    .each(function (d) {
      fitText(this, stsUpdateShort(d.data, t), d.width - tx - 8, fs * 0.78);
    });
  sel
    .select<SVGTextElement>('text.claims')
    .attr('x', tx)
    .attr('y', fs * 6.95)
    .attr('font-size', fs * 0.78)
    .each(function (d) {
      fitText(this, stsClaims(d.data, t), d.width - tx - 8, fs * 0.78);
    });
}
