// Draws the workload row: the Deployment card (with its strategy numbers) and one card per ReplicaSet.
import { select, type Selection } from 'd3-selection';
// Imported for its side effect (selection.transition), as in cluster-view.ts.
import 'd3-transition';
import type { ClusterLayout, DeploymentMark, ReplicaSetMark } from './layout.ts';
import { revisionColor, textOnRevisionColor } from './palette.ts';
import { fitText } from './text-fit.ts';
import { renderReplicaCounts } from './replica-counts.ts';
import { shortImage } from './image-name.ts';
import type { ViewSelection } from './frame.ts';
import { CARD, CARD_ALT, INK, MUTED, SELECT, type Translate } from './theme.ts';

export interface MarkContext {
  t: Translate;
  ms: (d: number) => number;
  selected: string | null;
  emit: (sel: ViewSelection) => void;
}

export function renderDeployments(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t } = ctx;
  const sel = layer
    .selectAll<SVGGElement, DeploymentMark>('g.deploy')
    .data(l.deployments, (d) => d.uid)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'deploy').style('cursor', 'pointer');
      g.append('title');
      g.append('rect').attr('class', 'card').attr('rx', 6).attr('fill', CARD_ALT);
      for (let i = 0; i < 4; i++)
        g.append('text')
          .attr('class', `line${i}`)
          .attr('fill', i === 0 ? INK : MUTED);
      g.on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        ctx.emit({ kind: 'Deployment', namespace: d.data.namespace, name: d.data.name, uid: d.uid });
      });
      return g;
    });
  sel.attr('transform', (d) => `translate(${d.x},${d.y})`).attr('data-name', (d) => d.data.name);
  const lines = (d: DeploymentMark): string[] => {
    const x = d.data;
    const rolling = x.strategy === 'RollingUpdate';
    return [
      t('view.deploymentTitle', { name: x.name }),
      t('view.deploymentReplicas', { replicas: x.replicas, image: x.image }),
      rolling
        ? t('view.surge', { spec: x.maxSurge, max: x.replicas + x.maxSurgeCount })
        : t('view.strategy', { strategy: x.strategy }),
      rolling
        ? t('view.unavailable', {
            spec: x.maxUnavailable,
            min: Math.max(0, x.replicas - x.maxUnavailableCount),
          })
        : t('view.deploymentStatus', { updated: x.updated, available: x.available }),
    ];
  };
  sel.select('title').text((d) => lines(d).join('\n'));
  sel
    .select('rect.card')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('stroke', (d) => (d.uid === ctx.selected ? SELECT : INK))
    .attr('stroke-width', (d) => (d.uid === ctx.selected ? 3 : 1));
  for (let i = 0; i < 4; i++) {
    sel
      .select<SVGTextElement>(`text.line${i}`)
      .attr('x', fs * 0.7)
      .attr('y', fs * 1.45 + i * fs * 1.3)
      .attr('font-size', i === 0 ? fs * 1.05 : fs * 0.9)
      .attr('font-weight', i === 0 ? 700 : 400)
      .each(function (d) {
        fitText(this, lines(d)[i]!, d.width - fs * 1.2, i === 0 ? fs * 1.05 : fs * 0.9);
      });
  }
}

const placed = new WeakMap<SVGGElement, string>();

export function renderReplicaSets(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  l: ClusterLayout,
  ctx: MarkContext,
): void {
  const fs = l.fontSize;
  const { t, ms } = ctx;
  const sel = layer
    .selectAll<SVGGElement, ReplicaSetMark>('g.rs')
    .data(l.replicaSets, (d) => d.uid)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'rs').style('cursor', 'pointer').attr('opacity', 0);
      g.append('title');
      g.append('rect').attr('class', 'card').attr('rx', 6).attr('fill', CARD);
      g.append('rect').attr('class', 'swatch').attr('rx', 4);
      g.append('text').attr('class', 'rev').attr('font-weight', 700).attr('text-anchor', 'middle');
      g.append('text').attr('class', 'image').attr('fill', INK).attr('font-weight', 700);
      g.append('text').attr('class', 'name').attr('fill', MUTED);
      for (const k of ['desired', 'current', 'ready']) {
        g.append('text').attr('class', `label-${k}`).attr('fill', MUTED);
        g.append('text').attr('class', `num-${k}`).attr('fill', INK).attr('font-weight', 700);
      }
      g.append('rect').attr('class', 'bar-bg').attr('fill', '#eaeef2');
      g.append('rect').attr('class', 'bar');
      g.on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        ctx.emit({ kind: 'ReplicaSet', namespace: d.data.namespace, name: d.data.name, uid: d.uid });
      });
      return g;
    });
  sel
    .attr('data-name', (d) => d.data.name)
    .attr('data-revision', (d) => d.data.revision ?? '')
    .attr('data-desired', (d) => d.data.desired)
    .attr('data-current', (d) => d.data.current)
    .attr('data-ready', (d) => d.data.ready);
  // Only a ReplicaSet that moved (or just appeared) is animated: a transition per frame restyles every card.
  const moved = sel.filter(function (d) {
    const key = `${d.x},${d.y}`;
    if (placed.get(this) === key) return false;
    placed.set(this, key);
    return true;
  });
  sel.attr('data-active', (d) => String(d.active)).attr('data-collapsed', (d) => String(d.collapsed));
  moved
    .transition()
    .duration(ms(300))
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('opacity', 1);
  sel
    .select('title')
    .text(
      (d) =>
        `${d.data.name}\n${d.data.image}\n${t('view.rsCounts', { desired: d.data.desired, current: d.data.current, ready: d.data.ready })}`,
    );
  const sw = fs * 2.6;
  const tx = sw + 12;
  // An old ReplicaSet at zero collapses to a chip: its revision swatch only, details in the tooltip.
  sel.each(function (d) {
    select(this)
      .selectAll('.image, .name, [class^="label-"], [class^="num-"], .bar-bg, .bar')
      .attr('display', d.collapsed ? 'none' : null);
  });
  const swW = (d: ReplicaSetMark) => (d.collapsed ? d.width - 10 : sw);
  sel
    .select('rect.card')
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('stroke', (d) => (d.uid === ctx.selected ? SELECT : revisionColor(d.data.colorIndex)))
    .attr('stroke-width', (d) => (d.uid === ctx.selected ? 3 : 2))
    // An old ReplicaSet kept at 0 for rollbacks: dashed and pale, its text still readable.
    .attr('stroke-dasharray', (d) => (d.active ? 'none' : '5 4'))
    .attr('fill', (d) => (d.active ? CARD : CARD_ALT));
  sel
    .select('rect.swatch')
    .attr('x', 5)
    .attr('y', 5)
    .attr('width', swW)
    .attr('height', (d) => d.height - 10)
    .attr('fill', (d) => revisionColor(d.data.colorIndex))
    .attr('fill-opacity', (d) => (d.active ? 1 : 0.45));
  sel
    .select('text.rev')
    .attr('x', (d) => 5 + swW(d) / 2)
    .attr('y', (d) => d.height / 2 + fs * 0.35)
    .attr('font-size', fs)
    .attr('fill', (d) => (d.active ? textOnRevisionColor(d.data.colorIndex) : INK))
    .text((d) => (d.data.revision !== null ? `r${d.data.revision}` : ''));
  sel
    .select<SVGTextElement>('text.image')
    .attr('x', tx)
    .attr('y', fs * 1.35)
    .attr('font-size', fs * 0.95)
    .each(function (d) {
      if (!d.collapsed) fitText(this, shortImage(d.data.image), d.width - tx - 8, fs * 0.95);
    });
  sel
    .select<SVGTextElement>('text.name')
    .attr('x', tx)
    .attr('y', fs * 2.45)
    .attr('font-size', fs * 0.78)
    .each(function (d) {
      if (!d.collapsed) fitText(this, d.data.name, d.width - tx - 8, fs * 0.78);
    });
  renderReplicaCounts(sel, tx, fs, ctx);
}
