// Draws a guardrail layout into the <svg> React hands over (D3 owns its inside). Colour is never the only
// signal: each kind of line has its own dash pattern, and the HTML legend next to the chart names them.
import { select } from 'd3-selection';
import { layoutGuardrail, type GuardrailInput, type GuardrailLayout, type SeriesKind } from './layout.ts';
import { revisionColor } from '../cluster/palette.ts';

export interface GuardrailViewOptions {
  svg: SVGSVGElement;
  /** Formats an x tick (session ms), e.g. `1:30`. */
  formatTime: (ms: number) => string;
}

export interface GuardrailView {
  update(input: GuardrailInput): GuardrailLayout;
  destroy(): void;
}

export const LINE_STYLE: Record<SeriesKind, { stroke: string; width: number; dash: string }> = {
  ceiling: { stroke: '#b42318', width: 2, dash: '8 4' },
  floor: { stroke: '#1d4ed8', width: 2, dash: '8 4' },
  total: { stroke: '#1a1a1a', width: 2.5, dash: '' },
  available: { stroke: '#1a1a1a', width: 2, dash: '2 3' },
  updated: { stroke: '#6b21a8', width: 1.5, dash: '6 2 2 2' },
  desired: { stroke: '', width: 4, dash: '' },
};

export function lineStroke(kind: SeriesKind, colorIndex: number | null): string {
  return kind === 'desired' ? revisionColor(colorIndex) : LINE_STYLE[kind].stroke;
}

export function createGuardrailView(options: GuardrailViewOptions): GuardrailView {
  const svg = select(options.svg);
  const root = svg.append('g').attr('class', 'guardrail');
  const grid = root.append('g').attr('class', 'grid');
  const xAxis = root.append('g').attr('class', 'x-axis');
  const linesG = root.append('g').attr('class', 'lines');
  const cursor = root.append('line').attr('class', 'cursor');

  return {
    update(input) {
      const l = layoutGuardrail(input);
      const bottom = l.plot.top + l.plot.height;
      grid
        .selectAll<SVGGElement, { y: number; v: number }>('g.ytick')
        .data(l.yTicks, (d) => String(d.v))
        .join((enter) => {
          const g = enter.append('g').attr('class', 'ytick');
          g.append('line');
          g.append('text').attr('text-anchor', 'end').attr('dy', '0.32em');
          return g;
        })
        .call((g) =>
          g
            .select('line')
            .attr('x1', l.plot.left)
            .attr('x2', l.plot.left + l.plot.width)
            .attr('y1', (d) => d.y)
            .attr('y2', (d) => d.y),
        )
        .call((g) =>
          g
            .select('text')
            .attr('x', l.plot.left - 6)
            .attr('y', (d) => d.y)
            .text((d) => String(d.v)),
        );
      xAxis
        .selectAll<SVGTextElement, { x: number; ms: number }>('text')
        .data(l.xTicks, (d) => String(d.ms))
        .join('text')
        .attr('text-anchor', 'middle')
        .attr('x', (d) => d.x)
        .attr('y', bottom + 16)
        .text((d) => options.formatTime(d.ms));
      linesG
        .selectAll<SVGPathElement, GuardrailLayout['lines'][number]>('path')
        .data(l.lines, (d) => d.id)
        .join('path')
        .attr('class', (d) => `line ${d.kind}`)
        .attr('data-kind', (d) => d.kind)
        .attr('data-value', (d) => (d.value === null ? '' : String(d.value)))
        .attr('fill', 'none')
        .attr('stroke', (d) => lineStroke(d.kind, d.colorIndex))
        .attr('stroke-width', (d) => LINE_STYLE[d.kind].width)
        .attr('stroke-dasharray', (d) => LINE_STYLE[d.kind].dash || null)
        .attr('d', (d) => d.d);
      cursor.attr('x1', l.cursorX).attr('x2', l.cursorX).attr('y1', l.plot.top).attr('y2', bottom);
      return l;
    },
    destroy() {
      root.remove();
    },
  };
}
