// The cluster picture: D3 owns everything inside the <svg> it is given (layout.md §3.3). Keyed joins by uid,
// grow-in / fade-out transitions, zero durations under prefers-reduced-motion.
import { select } from 'd3-selection';
// Imported for its side effect (selection.transition); a bare `select` import lets the bundler drop it.
import 'd3-transition';
import type { Frame, ViewSelection } from './frame.ts';
import { layoutCluster, LABEL_MIN_SIZE, type ClusterLayout, type PodMark, type Size } from './layout.ts';
import { clip, iconPath, podRadius, podStyle, statusLines } from './pod-glyph.ts';
import { revisionColor, textOnRevisionColor } from './palette.ts';
import { INK, SELECT, type Translate } from './theme.ts';
import { renderDeployments, renderReplicaSets, type MarkContext } from './workload-marks.ts';
import { renderNodes } from './node-marks.ts';
import { renderPdbs } from './pdb-marks.ts';
import { renderReplicationControllers } from './rc-marks.ts';
import { renderStatefulSets } from './sts-marks.ts';
import { podStsLines } from './sts-card.ts';

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

interface PodEls {
  g: SVGGElement;
  title: SVGTitleElement;
  shape: SVGGElement;
  bg: SVGRectElement;
  fill: SVGRectElement;
  outline: SVGRectElement;
  hatch?: SVGRectElement;
  label?: SVGTextElement;
  icon?: SVGPathElement;
  badge?: SVGGElement;
  caption?: SVGTextElement;
  /** A StatefulSet Pod's revision (`r2`), small in the top-left corner. */
  rev?: SVGTextElement;
  /** A disk glyph per claim state: filled when every claim is Bound, dashed and empty while one is Pending. */
  disk?: SVGPathElement;
  /** The mark last drawn, and everything its look depends on. */
  last: PodMark | null;
  look?: string;
}
type OptionalPart = 'hatch' | 'label' | 'icon' | 'badge' | 'caption' | 'rev' | 'disk';

const SVG_NS = 'http://www.w3.org/2000/svg';
function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, parent?: Element): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  parent?.appendChild(el);
  return el;
}
function setRect(el: SVGRectElement, s: number, r: number): void {
  el.setAttribute('width', String(s));
  el.setAttribute('height', String(s));
  el.setAttribute('rx', String(r));
}
function show(el: SVGElement, on: boolean): void {
  if (on) el.removeAttribute('display');
  else el.setAttribute('display', 'none');
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
  // A PodDisruptionBudget's spare slots: green diagonal lines on white (pattern, not colour alone).
  const spare = defs
    .append('pattern')
    .attr('id', 'rl-pdb-spare')
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 5)
    .attr('height', 5)
    .attr('patternTransform', 'rotate(45)');
  spare.append('rect').attr('width', 5).attr('height', 5).attr('fill', '#ffffff');
  spare.append('rect').attr('width', 2).attr('height', 5).attr('fill', '#1a7f37');
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
    renderReplicationControllers(workloadLayer, l, ctx);
    renderStatefulSets(workloadLayer, l, ctx);
    renderPdbs(workloadLayer, l, ctx);
    renderNodes(nodeLayer, l, ctx);
    renderPods(l);
  }

  // Pods are drawn by hand rather than by a D3 join: with a thousand of them, every querySelector, listener
  // and transition per pod per frame shows. Each pod keeps its elements; parts a state does not use (label,
  // icon, hatch, badge, caption) are created the first time they are needed.
  const pods = new Map<string, PodEls>();
  const byElement = new WeakMap<Element, PodMark>();
  podLayer.on('click', (event: MouseEvent) => {
    const g = (event.target as Element | null)?.closest?.('g.pod');
    const d = g ? byElement.get(g) : undefined;
    if (!d) return;
    event.stopPropagation();
    emit({ kind: 'Pod', namespace: d.data.namespace, name: d.data.name, uid: d.uid });
  });

  function renderPods(l: ClusterLayout): void {
    crowded = l.pods.length > MAX_ANIMATED_PODS;
    const seen = new Set<string>();
    for (const d of l.pods) {
      seen.add(d.uid);
      let els = pods.get(d.uid);
      const entering = els === undefined;
      if (!els) {
        els = createPod(d);
        pods.set(d.uid, els);
      }
      byElement.set(els.g, d);
      drawPod(els, d, l, entering);
    }
    for (const [uid, els] of pods) {
      if (seen.has(uid)) continue;
      pods.delete(uid);
      const g = els.g;
      g.setAttribute('class', 'pod-exit');
      g.setAttribute('pointer-events', 'none');
      if (podMs(450) === 0) g.remove();
      else select(g).transition().duration(podMs(450)).attr('opacity', 0).remove();
    }
  }

  function isSelectedPod(d: PodMark): boolean {
    return (
      d.uid === selected ||
      (selected !== null && d.data.replicaSet !== null && selectedReplicaSet === d.data.replicaSet) ||
      (selected !== null && !!d.data.replicationController && selectedRc === d.data.replicationController) ||
      (selected !== null && !!d.data.statefulSet && selectedSts === d.data.statefulSet)
    );
  }

  function createPod(d: PodMark): PodEls {
    const g = svgEl('g', podLayer.node()!);
    g.setAttribute('class', 'pod');
    g.setAttribute('transform', `translate(${d.x},${d.y})`);
    g.style.cursor = 'pointer';
    const title = svgEl('title', g);
    const shape = svgEl('g', g);
    shape.setAttribute('class', 'shape');
    const bg = svgEl('rect', shape);
    bg.setAttribute('class', 'bg');
    bg.setAttribute('fill-opacity', '0.16');
    const fill = svgEl('rect', shape);
    fill.setAttribute('class', 'fill');
    fill.setAttribute('y', String(d.size));
    fill.setAttribute('height', '0');
    const outline = svgEl('rect', shape);
    outline.setAttribute('class', 'outline');
    outline.setAttribute('fill', 'none');
    return { g, title, shape, bg, fill, outline, last: null };
  }

  /** Creates an optional part in paint order: hatch over the fill, then outline, label, icon, badge. */
  function part<K extends OptionalPart>(els: PodEls, key: K, make: () => NonNullable<PodEls[K]>) {
    const have = els[key];
    if (have) return have as NonNullable<PodEls[K]>;
    const el = make();
    if (key === 'hatch') els.shape.insertBefore(el, els.outline);
    else els.shape.appendChild(el);
    els[key] = el;
    return el;
  }

  function drawPod(els: PodEls, d: PodMark, l: ClusterLayout, entering: boolean): void {
    const prev = els.last;
    const p = d.data;
    const isSelected = isSelectedPod(d);
    const cap = l.caption;
    const claimsLook = (p.claims ?? []).map((c) => `${c.name}:${c.phase}:${c.volume}`).join(';');
    const look = `${d.size},${d.visual},${d.label},${d.mark},${p.stsUpdated},${claimsLook},${p.colorIndex},${p.status},${p.readyText},${p.restarts},${p.terminating},${p.revision},${p.replicationController},${p.node},${isSelected},${crowded},${l.fontSize},${cap?.fontSize},${cap?.maxChars}`;
    const moved = !prev || prev.x !== d.x || prev.y !== d.y;
    if (moved) {
      if (entering || podMs(500) === 0) {
        els.g.setAttribute('transform', `translate(${d.x},${d.y})`);
        if (!entering) select(els.g).interrupt('move');
      } else {
        select(els.g).transition('move').duration(podMs(500)).attr('transform', `translate(${d.x},${d.y})`);
      }
    }
    // Most pods do not change between frames: touching their DOM anyway costs style recalculation.
    if (els.look === look) {
      els.last = d;
      return;
    }
    els.look = look;
    els.last = d;
    const g = els.g;
    const s = d.size;
    const st = podStyle(d.visual);
    const color = revisionColor(p.colorIndex);
    const r = podRadius(s);
    g.setAttribute('data-name', p.name);
    g.setAttribute('data-revision', p.revision === null ? '' : String(p.revision));
    if (p.replicationController) g.setAttribute('data-rc', p.replicationController);
    else g.removeAttribute('data-rc');
    g.setAttribute('data-status', p.status);
    g.setAttribute('data-visual', d.visual);
    g.setAttribute('data-node', p.node ?? '');
    g.setAttribute('data-terminating', String(p.terminating));
    els.title.textContent = `${p.name} — ${p.status} (${p.readyText})${p.restarts > 0 ? ` ↻${p.restarts}` : ''}${
      p.replicationController && d.label
        ? `\n${t('view.rcPodOwner', { name: p.replicationController, badge: d.label })}`
        : ''
    }${podStsLines(p, t)
      .map((line) => `\n${line}`)
      .join('')}`;
    if (p.statefulSet) g.setAttribute('data-sts', p.statefulSet);
    else g.removeAttribute('data-sts');
    const claimState =
      (p.claims ?? []).length === 0
        ? ''
        : (p.claims ?? []).every((c) => c.phase === 'Bound')
          ? 'Bound'
          : 'Pending';
    if (claimState) g.setAttribute('data-claim', claimState);
    else g.removeAttribute('data-claim');

    const changed =
      !prev ||
      prev.visual !== d.visual ||
      prev.size !== s ||
      prev.label !== d.label ||
      prev.data.colorIndex !== p.colorIndex;
    // The shape scales about its centre: translate(c) scale(k) translate(-c).
    const shapeAt = (k: number) => `translate(${(s / 2) * (1 - k)},${(s / 2) * (1 - k)}) scale(${k})`;
    if (entering && podMs(350) > 0) {
      els.shape.setAttribute('transform', shapeAt(0.05));
      select(els.shape)
        .transition('shape')
        .duration(podMs(350))
        .attr('transform', shapeAt(st.scale))
        .attr('opacity', st.opacity);
    } else if (changed && podMs(300) > 0) {
      select(els.shape)
        .transition('shape')
        .duration(podMs(300))
        .attr('transform', shapeAt(st.scale))
        .attr('opacity', st.opacity);
    } else if (changed) {
      select(els.shape).interrupt('shape');
      els.shape.setAttribute('transform', shapeAt(st.scale));
      els.shape.setAttribute('opacity', String(st.opacity));
    }
    setRect(els.bg, s, r);
    els.bg.setAttribute('fill', color);
    // Under a full fill the tint is never seen; without a fill sweep to reveal it, it need not be painted.
    show(els.bg, !(crowded && st.level >= 1));
    els.fill.setAttribute('width', String(s));
    els.fill.setAttribute('rx', String(r));
    els.fill.setAttribute('fill', color);
    if (changed) {
      if (podMs(450) > 0) {
        select(els.fill)
          .transition('fill')
          .duration(podMs(450))
          .attr('y', s * (1 - st.level))
          .attr('height', s * st.level);
      } else {
        select(els.fill).interrupt('fill');
        els.fill.setAttribute('y', String(s * (1 - st.level)));
        els.fill.setAttribute('height', String(s * st.level));
      }
    }
    if (st.hatched || els.hatch) {
      const hatchEl = part(els, 'hatch', () => {
        const h = svgEl('rect');
        h.setAttribute('class', 'hatch');
        h.setAttribute('fill', 'url(#rl-hatch)');
        return h;
      });
      setRect(hatchEl, s, r);
      show(hatchEl, st.hatched);
    }
    setRect(els.outline, s, r);
    els.outline.setAttribute('stroke', isSelected ? SELECT : st.stroke);
    els.outline.setAttribute(
      'stroke-width',
      String(isSelected ? Math.max(3, st.strokeWidth) : Math.min(st.strokeWidth, Math.max(1, s / 6))),
    );
    els.outline.setAttribute('stroke-dasharray', st.dash);

    const onFill = st.level >= 1 ? textOnRevisionColor(p.colorIndex) : INK;
    const showLabel = s >= LABEL_MIN_SIZE && d.label !== '';
    if (showLabel || els.label) {
      const label = part(els, 'label', () => {
        const t = svgEl('text');
        t.setAttribute('class', 'label');
        t.setAttribute('text-anchor', 'middle');
        t.setAttribute('font-weight', '700');
        return t;
      });
      show(label, showLabel);
      if (showLabel) {
        label.setAttribute('x', String(s / 2));
        label.setAttribute('y', String(s * 0.43));
        label.setAttribute('font-size', String(Math.max(8, Math.min(l.fontSize, s * 0.34))));
        label.setAttribute('fill', st.level >= 0.5 && st.level < 1 ? INK : onFill);
        label.textContent = d.label;
      }
    }
    // Below 10px an icon is a smudge; the outline style still tells the state.
    const showIcon = st.icon !== 'none' && s >= 10;
    if (showIcon || els.icon) {
      const icon = part(els, 'icon', () => {
        const path = svgEl('path');
        path.setAttribute('class', 'icon');
        path.setAttribute('fill', 'none');
        path.setAttribute('stroke-linecap', 'round');
        path.setAttribute('stroke-linejoin', 'round');
        return path;
      });
      show(icon, showIcon);
      if (showIcon) {
        // Without a label the icon takes the middle of the square.
        const iconSize = showLabel ? s * 0.38 : s * 0.6;
        const iy = showLabel ? s * 0.55 : (s - iconSize) / 2;
        icon.setAttribute('d', iconPath(st.icon));
        icon.setAttribute('transform', `translate(${s / 2 - iconSize / 2},${iy}) scale(${iconSize / 10})`);
        icon.setAttribute('stroke', st.icon === 'check' ? onFill : st.tone);
        icon.setAttribute(
          'stroke-width',
          String((Math.max(1.4, s * (st.icon === 'bang' ? 0.09 : 0.06)) * 10) / Math.max(1, iconSize)),
        );
      }
    }
    const showBadge = (p.restarts > 0 || st.badge) && s >= 10;
    if (showBadge || els.badge) {
      const badge = part(els, 'badge', () => {
        const b = svgEl('g');
        b.setAttribute('class', 'badge');
        const c = svgEl('circle', b);
        c.setAttribute('fill', '#cf222e');
        const t = svgEl('text', b);
        t.setAttribute('fill', '#ffffff');
        t.setAttribute('text-anchor', 'middle');
        t.setAttribute('font-weight', '700');
        return b;
      });
      show(badge, showBadge);
      if (showBadge) {
        const br = Math.max(Math.min(6, s * 0.4), s * 0.22);
        const c = badge.firstChild as SVGCircleElement;
        const t = badge.lastChild as SVGTextElement;
        c.setAttribute('cx', String(s));
        c.setAttribute('cy', '0');
        c.setAttribute('r', String(br));
        t.setAttribute('x', String(s));
        t.setAttribute('y', String(br * 0.45));
        t.setAttribute('font-size', String(Math.max(Math.min(8, br * 1.3), s * 0.26)));
        t.textContent = String(p.restarts);
      }
    }
    // A StatefulSet Pod's revision, small in the top-left corner, so update and current revisions differ in text.
    const showRev = d.mark !== '' && s >= LABEL_MIN_SIZE * 1.5;
    if (showRev || els.rev) {
      const rev = part(els, 'rev', () => {
        const t = svgEl('text');
        t.setAttribute('class', 'rev');
        t.setAttribute('font-weight', '700');
        return t;
      });
      show(rev, showRev);
      if (showRev) {
        const rf = Math.max(8, s * 0.2);
        rev.setAttribute('x', String(Math.max(2, s * 0.08)));
        rev.setAttribute('y', String(rf * 0.95));
        rev.setAttribute('font-size', String(rf));
        rev.setAttribute('fill', st.level >= 1 ? onFill : INK);
        // The update revision is underlined: a second textual cue besides the number.
        rev.setAttribute('text-decoration', p.stsUpdated ? 'underline' : 'none');
        rev.textContent = d.mark;
      }
    }
    // The claim as a disk (a cylinder) hanging at the bottom-right corner: solid when Bound, dashed and
    // empty while Pending (shape, not colour; the tooltip names the claim and the volume).
    const showDisk = claimState !== '' && s >= LABEL_MIN_SIZE;
    if (showDisk || els.disk) {
      const disk = part(els, 'disk', () => {
        const path = svgEl('path');
        path.setAttribute('class', 'disk');
        return path;
      });
      show(disk, showDisk);
      if (showDisk) {
        const w = Math.max(7, s * 0.3);
        const h = w * 0.9;
        const e = h * 0.22;
        const x0 = s - w * 0.7;
        const y0 = s - h * 0.6;
        // Top ellipse, sides, bottom arc.
        disk.setAttribute(
          'd',
          `M${x0},${y0 + e} a${w / 2},${e} 0 1,0 ${w},0 a${w / 2},${e} 0 1,0 ${-w},0 v${h - 2 * e} a${w / 2},${e} 0 0,0 ${w},0 v${-(h - 2 * e)}`,
        );
        const bound = claimState === 'Bound';
        disk.setAttribute('fill', bound ? '#57606a' : '#ffffff');
        disk.setAttribute('stroke', INK);
        disk.setAttribute('stroke-width', String(Math.max(1, s * 0.03)));
        disk.setAttribute('stroke-dasharray', bound ? 'none' : '2 1.5');
      }
    }
    // The STATUS word (two lines at most), in the tone of its family, when pods are large enough.
    if (cap || els.caption) {
      const caption = part(els, 'caption', () => {
        const t = svgEl('text');
        t.setAttribute('class', 'caption');
        t.setAttribute('text-anchor', 'middle');
        svgEl('tspan', t);
        svgEl('tspan', t).setAttribute('font-weight', '400');
        return t;
      });
      show(caption, cap !== null);
      if (cap) {
        const [first, second] = statusLines(p.status, p.readyText, cap.maxChars);
        const l1 = caption.firstChild as SVGTSpanElement;
        const l2 = caption.lastChild as SVGTSpanElement;
        caption.setAttribute('font-size', String(cap.fontSize));
        caption.setAttribute('fill', st.tone);
        caption.setAttribute('font-weight', '600');
        // The caption sits outside the shrinking shape: it stays readable while a pod terminates.
        if (caption.parentNode !== g) g.appendChild(caption);
        l1.setAttribute('x', String(s / 2));
        l1.setAttribute('y', String(s + cap.fontSize * 1.05));
        l1.textContent = clip(first, cap.maxChars);
        l2.setAttribute('x', String(s / 2));
        l2.setAttribute('y', String(s + cap.fontSize * 2.1));
        l2.textContent = clip(second, cap.maxChars);
      }
    }
  }

  let selectedReplicaSet: string | null = null;
  let selectedRc: string | null = null;
  let selectedSts: string | null = null;
  function updateSelectedReplicaSet(): void {
    selectedReplicaSet = null;
    selectedRc = null;
    selectedSts = null;
    if (!frame || !selected) return;
    const rs = frame.replicaSets.find((r) => r.uid === selected);
    selectedReplicaSet = rs ? rs.name : null;
    const rc = frame.replicationControllers?.find((r) => r.uid === selected);
    selectedRc = rc ? rc.name : null;
    const sts = frame.statefulSets?.find((r) => r.uid === selected);
    selectedSts = sts ? sts.name : null;
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
      render();
    },
    select(uid) {
      if (uid === selected) return;
      selected = uid;
      updateSelectedReplicaSet();
      render();
    },
    layout: () => current,
    destroy() {
      svg.on('click.rl', null);
      root.selectAll('*').interrupt();
      root.remove();
      pods.clear();
    },
  };
}
