// Draws the ReplicationController cards: as a ReplicaSet card (colour swatch with its badge, image, name,
// desired / current / ready and a ready bar), badged `rc1`, `rc2`… by creation instead of a revision. A card
// at zero replicas is drawn faded and dashed; a deleted controller fades out.
import type { Selection } from 'd3-selection';
import type { ClusterLayout } from './layout.ts';
import { rcBadge, rcSummary, rcTooltip } from './rc-card.ts';
import { renderReplicaCounts } from './replica-counts.ts';
import { joinCards, renderCardBody } from './card-body.ts';
import type { MarkContext } from './workload-marks.ts';

export function renderReplicationControllers(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t } = ctx;
  // A deleted controller (the old one at the end of a rolling-update) fades out; it is no longer clickable.
  const sel = joinCards(layer, 'rc', l.replicationControllers, ctx, 'ReplicationController');
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
