// The guardrail chart tab: a Deployment's Pod counts over virtual time between its ceiling and floor,
// drawn by the D3 view up to the time cursor, with a text summary of the numbers at the cursor.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import {
  createGuardrailView,
  lineStroke,
  LINE_STYLE,
  type GuardrailView,
} from '../../view/guardrail/guardrail-view.ts';
import { guardrailData } from './guardrail-data.ts';
import { formatClock } from '../store/time-slice.ts';

const clock = (ms: number) => formatClock(ms).slice(2);

export function GuardrailChart() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useRef<GuardrailView | null>(null);
  const [size, setSize] = useState({ width: 600, height: 160 });
  const elapsed = useAppState((s) => s.elapsedMs);
  const origin = useAppState((s) => s.originMs);
  const horizon = useAppState((s) => s.horizonMs);
  const frame = useAppState((s) => s.frame);
  const selection = useAppState((s) => s.selection);
  useAppState((s) => s.timelineVersion);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    view.current = createGuardrailView({ svg, formatTime: clock });
    const ro = new ResizeObserver(() => {
      const r = svg.getBoundingClientRect();
      setSize({ width: Math.round(r.width), height: Math.round(r.height) });
    });
    ro.observe(svg);
    return () => {
      ro.disconnect();
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  const selected =
    selection?.kind === 'Deployment' ? frame.deployments.find((d) => d.uid === selection.uid) : undefined;
  const dep = selected ?? frame.deployments[0];
  const colorOf = (uid: string, revision: number | null) =>
    frame.replicaSets.find((r) => r.uid === uid)?.colorIndex ?? (revision === null ? null : revision - 1);
  const data = guardrailData(
    runtime.history,
    dep ? { namespace: dep.namespace, name: dep.name } : null,
    elapsed,
    colorOf,
    (kind, revision) => (kind === 'desired' ? t('guardrail.desired', { revision }) : t(`guardrail.${kind}`)),
  );

  useEffect(() => {
    view.current?.update({
      series: data?.series ?? [],
      t0: origin,
      t1: Math.max(horizon, elapsed, origin + 60_000),
      cursor: elapsed,
      width: size.width,
      height: size.height,
    });
  });

  const at = data?.at;
  const fence = at
    ? {
        replicas: at.replicas,
        surge: `${at.maxSurge.endsWith('%') ? `${at.maxSurge} × ${at.replicas}` : at.maxSurge}`,
        unavailable: `${at.maxUnavailable.endsWith('%') ? `${at.maxUnavailable} × ${at.replicas}` : at.maxUnavailable}`,
        max: at.replicas + at.maxSurgeCount,
        min: at.replicas - at.maxUnavailableCount,
      }
    : null;
  const legend = data
    ? data.series.map((s) => ({
        id: s.id,
        label:
          s.kind === 'ceiling' && fence
            ? t('guardrail.ceiling', fence)
            : s.kind === 'floor' && fence
              ? t('guardrail.floor', fence)
              : s.label,
        stroke: lineStroke(s.kind, s.colorIndex),
        dash: LINE_STYLE[s.kind].dash,
        width: LINE_STYLE[s.kind].width,
      }))
    : [];
  return (
    <div className="guardrail-tab" data-testid="guardrail">
      <p className="guardrail-title">
        {data ? t('guardrail.title', { name: data.name }) : t('guardrail.none')}
      </p>
      <div className="guardrail-body">
        <svg
          ref={svgRef}
          className="guardrail-svg"
          role="img"
          aria-label={data ? t('guardrail.title', { name: data.name }) : t('guardrail.none')}
          aria-describedby="guardrail-summary"
          data-testid="guardrail-svg"
        />
        <ul className="guardrail-legend" aria-label={t('cluster.legend')}>
          {legend.map((l) => (
            <li key={l.id}>
              <svg width="26" height="10" aria-hidden="true">
                <line
                  x1="1"
                  x2="25"
                  y1="5"
                  y2="5"
                  stroke={l.stroke}
                  strokeWidth={l.width}
                  strokeDasharray={l.dash || undefined}
                />
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      </div>
      <p id="guardrail-summary" className="guardrail-summary" data-testid="guardrail-summary">
        {at && fence
          ? t('guardrail.summary', {
              clock: formatClock(elapsed),
              total: at.total,
              available: at.available,
              updated: at.updated,
              min: fence.min,
              max: fence.max,
            })
          : ''}
      </p>
    </div>
  );
}
