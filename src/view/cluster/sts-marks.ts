// Draws the StatefulSet cards: as a ReplicationController card (colour swatch badged `sts`, image, name,
// desired / current / ready and a ready bar), with two more lines: the update progress (revisions) and the
// claims against Pods (a scale-down keeps the claims). At zero replicas faded and dashed; a deleted set fades out.
import type { Selection } from 'd3-selection';
import type { ClusterLayout } from './layout.ts';
import { STS_BADGE, stsClaims, stsSummary, stsTooltip, stsUpdate, stsUpdateShort } from './sts-card.ts';
import { fitText } from './text-fit.ts';
import { renderReplicaCounts } from './replica-counts.ts';
import { joinCards, renderCardBody } from './card-body.ts';
import type { MarkContext } from './workload-marks.ts';

export function renderStatefulSets(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t } = ctx;
  // A deleted set fades out; it is no longer clickable.
  const sel = joinCards(layer, 'sts', l.statefulSets, ctx, 'StatefulSet', ['update', 'claims']);
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
