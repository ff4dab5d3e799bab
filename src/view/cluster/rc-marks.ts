// Draws the ReplicationController cards: as a ReplicaSet card (colour swatch with its badge, image, name,
// desired / current / ready and a ready bar), badged `rc1`, `rc2`… by creation instead of a revision. A card
// at zero replicas is drawn faded and dashed; a deleted controller fades out.
import type { Selection } from 'd3-selection';
// Imported for its side effect (selection.transition), as in cluster-view.ts.
import 'd3-transition';
import type { ClusterLayout, ReplicationControllerMark } from './layout.ts';
import { rcBadge, rcSummary, rcTooltip } from './rc-card.ts';
import { renderReplicaCounts } from './replica-counts.ts';
import { renderCardBody } from './card-body.ts';
import { INK, MUTED } from './theme.ts';
import type { MarkContext } from './workload-marks.ts';

const KEYS = ['desired', 'current', 'ready'] as const;

export function renderReplicationControllers(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t, ms } = ctx;
  const sel = layer
    .selectAll<SVGGElement, ReplicationControllerMark>('g.rc')
    .data(l.replicationControllers, (d) => d.uid)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'rc')
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
        g.append('rect').attr('class', 'bar-bg').attr('fill', '#eaeef2');
        g.append('rect').attr('class', 'bar');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          ctx.emit({
            kind: 'ReplicationController',
            namespace: d.data.namespace,
            name: d.data.name,
            uid: d.uid,
          });
        });
        return g;
      },
      (update) => update,
      (exit) => {
        // A deleted controller (the old one at the end of a rolling-update) fades out; it is no longer clickable.
        const gone = exit.attr('class', 'rc-exit').attr('pointer-events', 'none');
        if (ms(300) === 0) gone.remove();
        else gone.transition().duration(ms(300)).attr('opacity', 0).remove();
        return gone;
      },
    );
  sel
    .attr('data-name', (d) => d.data.name)
    .attr('data-badge', (d) => rcBadge(d.data.ordinal))
    .attr('data-desired', (d) => d.data.desired)
    .attr('data-current', (d) => d.data.current)
    .attr('data-ready', (d) => d.data.ready)
    .attr('data-active', (d) => String(d.active))
    .attr('aria-label', (d) => rcSummary(d.data, t));
  sel.select('title').text((d) => rcTooltip(d.data, t));
  const tx = renderCardBody(sel, fs, ctx, (d) => rcBadge(d.data.ordinal));
  renderReplicaCounts(sel, tx, fs, ctx);
}
