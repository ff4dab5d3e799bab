// The cluster picture: D3 owns everything inside the <svg> it is given (layout.md §3.3). Keyed joins by uid,
// grow-in / fade-out transitions, zero durations under prefers-reduced-motion.
import { select, type Selection } from 'd3-selection';
// Imported for its side effect (selection.transition); a bare `select` import lets the bundler drop it.
import 'd3-transition';
import type { Frame, ViewSelection } from './frame.ts';
import { layoutCluster, type ClusterLayout, type PodMark, type Size } from './layout.ts';
import { iconPath, podRadius, podStyle } from './pod-glyph.ts';
import { revisionColor, textOnRevisionColor } from './palette.ts';
import { INK, SELECT, type Translate } from './theme.ts';
import { renderDeployments, renderReplicaSets, type MarkContext } from './workload-marks.ts';
import { renderNodes } from './node-marks.ts';

export type { ViewSelection, Translate };

export interface ClusterViewOptions {
  svg: SVGSVGElement;
  onSelect?: (selection: ViewSelection | null) => void;
  t?: Translate;
  reducedMotion?: boolean;
}

export interface ClusterView {
  update(frame: Frame): void;
  resize(size: Size): void;
  select(uid: string | null): void;
  /** The last layout (for tests and the bench). */
  layout(): ClusterLayout | null;
  destroy(): void;
}

const fallbackT: Translate = (key, params) =>
  `${key.replace(/^view\./, '')}${params ? ` ${Object.values(params).join(' ')}` : ''}`;

/** Above this many pods, pods change without animation (see podMs). */
export const MAX_ANIMATED_PODS = 120;

export function createClusterView(options: ClusterViewOptions): ClusterView {
  const t = options.t ?? fallbackT;
  const reduced = options.reducedMotion ?? false;
  const ms = (d: number) => (reduced ? 0 : d);
  // With hundreds of pods, per-pod motion no longer tells a story and costs frames: pods change instantly.
  let crowded = false;
  const podMs = (d: number) => (crowded ? 0 : ms(d));
  const svg = select(options.svg);
  let frame: Frame | null = null;
  let size: Size = { width: options.svg.clientWidth || 900, height: options.svg.clientHeight || 500 };
  let current: ClusterLayout | null = null;
  let selected: string | null = null;
  const prevPods = new Map<string, PodMark>();

  svg.selectAll('.rl-root').remove();
  const root = svg.append('g').attr('class', 'rl-root');
  const defs = root.append('defs');
  const hatch = defs
    .append('pattern')
    .attr('id', 'rl-hatch')
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 2.5).attr('height', 6).attr('fill', '#ffffff').attr('opacity', 0.85);
  const stripes = defs
    .append('pattern')
    .attr('id', 'rl-cordon')
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 12)
    .attr('height', 12)
    .attr('patternTransform', 'rotate(45)');
  stripes.append('rect').attr('width', 4).attr('height', 12).attr('fill', '#d0d7de').attr('opacity', 0.6);
  const workloadLayer = root.append('g').attr('class', 'rl-workloads');
  const nodeLayer = root.append('g').attr('class', 'rl-nodes');
  const podLayer = root.append('g').attr('class', 'rl-pods');

  const emit = (sel: ViewSelection | null) => options.onSelect?.(sel);

  svg.on('click.rl', (event: MouseEvent) => {
    if (event.target === options.svg) emit(null);
  });

  function render(): void {
    if (!frame) return;
    const l = layoutCluster(frame, size);
    current = l;
    svg.attr('viewBox', `0 0 ${l.width} ${l.height}`);
    const ctx: MarkContext = { t, ms, selected, emit };
    renderDeployments(workloadLayer, l, ctx);
    renderReplicaSets(workloadLayer, l, ctx);
    renderNodes(nodeLayer, l, ctx);
    renderPods(l);
  }

  function renderPods(l: ClusterLayout): void {
    const fs = l.fontSize;
    crowded = l.pods.length > MAX_ANIMATED_PODS;
    const sel = podLayer.selectAll<SVGGElement, PodMark>('g.pod').data(l.pods, (d) => d.uid);
    sel
      .exit<PodMark>()
      .classed('pod', false)
      .classed('pod-exit', true)
      .attr('pointer-events', 'none')
      .transition()
      .duration(podMs(450))
      .attr('opacity', 0)
      .remove();
    const enter = sel
      .enter()
      .append('g')
      .attr('class', 'pod')
      .attr('transform', (d) => `translate(${d.x},${d.y})`)
      .style('cursor', 'pointer');
    enter.append('title');
    const shape = enter
      .append('g')
      .attr('class', 'shape')
      .attr('transform', (d) => `translate(${d.size / 2},${d.size / 2}) scale(0.05)`);
    const inner = shape.append('g').attr('class', 'inner');
    inner.append('rect').attr('class', 'bg');
    inner.append('rect').attr('class', 'fill');
    inner.append('rect').attr('class', 'hatch').attr('fill', 'url(#rl-hatch)');
    inner.append('rect').attr('class', 'outline').attr('fill', 'none');
    inner.append('text').attr('class', 'label').attr('text-anchor', 'middle').attr('font-weight', 700);
    inner
      .append('path')
      .attr('class', 'icon')
      .attr('fill', 'none')
      .attr('stroke-linecap', 'round')
      .attr('stroke-linejoin', 'round');
    const badge = inner.append('g').attr('class', 'badge');
    badge.append('circle').attr('fill', '#cf222e');
    badge.append('text').attr('fill', '#ffffff').attr('text-anchor', 'middle').attr('font-weight', 700);
    enter.on('click', (event: MouseEvent, d) => {
      event.stopPropagation();
      emit({ kind: 'Pod', namespace: d.data.namespace, name: d.data.name, uid: d.uid });
    });

    const all = enter.merge(sel);
    all.each(function (d) {
      const prev = prevPods.get(d.uid);
      // Most pods do not change between frames: touching their DOM anyway costs style recalculation.
      if (prev && podKey(prev) === podKey(d)) return;
      drawPod(select<SVGGElement, PodMark>(this), d, prev, fs, prev === undefined);
    });
    prevPods.clear();
    for (const p of l.pods) prevPods.set(p.uid, p);
  }

  function isSelectedPod(d: PodMark): boolean {
    return (
      d.uid === selected ||
      (selected !== null && d.data.replicaSet !== null && selectedReplicaSet === d.data.replicaSet)
    );
  }

  /** Everything drawPod reads; equal keys draw the same pod. */
  function podKey(d: PodMark): string {
    const p = d.data;
    return `${d.x},${d.y},${d.size},${d.visual},${d.label},${p.colorIndex},${p.status},${p.readyText},${p.restarts},${p.terminating},${isSelectedPod(d)}`;
  }

  function drawPod(
    g: Selection<SVGGElement, PodMark, null, undefined>,
    d: PodMark,
    prev: PodMark | undefined,
    fs: number,
    entering: boolean,
  ): void {
    const s = d.size;
    const st = podStyle(d.visual);
    const color = revisionColor(d.data.colorIndex);
    const r = podRadius(s);
    const isSelected = isSelectedPod(d);
    g.attr('data-name', d.data.name)
      .attr('data-revision', d.data.revision ?? '')
      .attr('data-status', d.data.status)
      .attr('data-visual', d.visual)
      .attr('data-node', d.data.node ?? '')
      .attr('data-terminating', String(d.data.terminating));
    g.select('title').text(`${d.data.name} — ${d.data.status} (${d.data.readyText})`);
    if (!prev || prev.x !== d.x || prev.y !== d.y) {
      g.transition('move')
        .duration(podMs(entering ? 0 : 500))
        .attr('transform', `translate(${d.x},${d.y})`);
    }
    const changed =
      !prev ||
      prev.visual !== d.visual ||
      prev.size !== s ||
      prev.label !== d.label ||
      prev.data.colorIndex !== d.data.colorIndex;
    if (changed || entering) {
      g.select('g.shape')
        .transition('shape')
        .duration(podMs(entering ? 350 : 300))
        .attr('transform', `translate(${s / 2},${s / 2}) scale(${st.scale})`)
        .attr('opacity', st.opacity);
    }
    const inner = g.select('g.inner').attr('transform', `translate(${-s / 2},${-s / 2})`);
    inner
      .select('rect.bg')
      .attr('width', s)
      .attr('height', s)
      .attr('rx', r)
      .attr('fill', color)
      .attr('fill-opacity', 0.16);
    const fill = inner.select('rect.fill').attr('width', s).attr('rx', r).attr('fill', color);
    if (changed) {
      fill
        .transition('fill')
        .duration(podMs(450))
        .attr('y', s * (1 - st.level))
        .attr('height', s * st.level);
    }
    inner
      .select('rect.hatch')
      .attr('width', s)
      .attr('height', s)
      .attr('rx', r)
      .attr('display', st.hatched ? null : 'none');
    inner
      .select('rect.outline')
      .attr('width', s)
      .attr('height', s)
      .attr('rx', r)
      .attr('stroke', isSelected ? SELECT : INK)
      .attr('stroke-width', isSelected ? Math.max(3, st.strokeWidth) : st.strokeWidth)
      .attr('stroke-dasharray', st.dash);
    const onFill = st.level >= 1 ? textOnRevisionColor(d.data.colorIndex) : INK;
    const showLabel = s >= 18;
    inner
      .select('text.label')
      .attr('x', s / 2)
      .attr('y', s * 0.43)
      .attr('font-size', Math.max(8, Math.min(fs, s * 0.34)))
      .attr('fill', st.level >= 0.5 && st.level < 1 ? INK : onFill)
      .attr('display', showLabel ? null : 'none')
      .text(d.label);
    const iconSize = s * 0.38;
    inner
      .select('path.icon')
      .attr('d', iconPath(st.icon))
      .attr('transform', `translate(${s / 2 - iconSize / 2},${s * 0.55}) scale(${iconSize / 10})`)
      .attr(
        'stroke',
        st.icon === 'check' ? onFill : st.icon === 'bang' || st.icon === 'cross' ? '#a40e26' : INK,
      )
      .attr(
        'stroke-width',
        (Math.max(1.4, s * (st.icon === 'bang' ? 0.09 : 0.06)) * 10) / Math.max(1, iconSize),
      );
    const badgeG = inner.select('g.badge').attr('display', d.data.restarts > 0 ? null : 'none');
    badgeG
      .select('circle')
      .attr('cx', s)
      .attr('cy', 0)
      .attr('r', Math.max(6, s * 0.22));
    badgeG
      .select('text')
      .attr('x', s)
      .attr('y', Math.max(6, s * 0.22) * 0.45)
      .attr('font-size', Math.max(8, s * 0.26))
      .text(String(d.data.restarts));
  }

  let selectedReplicaSet: string | null = null;
  function updateSelectedReplicaSet(): void {
    selectedReplicaSet = null;
    if (!frame || !selected) return;
    const rs = frame.replicaSets.find((r) => r.uid === selected);
    selectedReplicaSet = rs ? rs.name : null;
  }

  return {
    update(next) {
      if (next === frame) return;
      frame = next;
      updateSelectedReplicaSet();
      render();
    },
    resize(next) {
      if (next.width === size.width && next.height === size.height) return;
      size = next;
      prevPods.clear();
      render();
    },
    select(uid) {
      if (uid === selected) return;
      selected = uid;
      updateSelectedReplicaSet();
      prevPods.clear();
      render();
    },
    layout: () => current,
    destroy() {
      svg.on('click.rl', null);
      root.selectAll('*').interrupt();
      root.remove();
      prevPods.clear();
    },
  };
}
