// History (time/history.ts) → the series the guardrail chart draws for one Deployment.
import type { GuardrailSeries } from '../../view/guardrail/layout.ts';
import type { DeploymentPoint, History } from '../time/history.ts';

export interface GuardrailData {
  name: string;
  series: GuardrailSeries[];
  /** The Deployment's numbers at the cursor. */
  at: DeploymentPoint | null;
}

type Label = (kind: GuardrailSeries['kind'], revision: number | null) => string;

export function guardrailData(
  history: History,
  deployment: { namespace: string; name: string } | null,
  cursor: number,
  colorOf: (rsUid: string, revision: number | null) => number | null,
  label: Label,
): GuardrailData | null {
  const d = deployment
    ? history.deployments().get(`${deployment.namespace}/${deployment.name}`)
    : [...history.deployments().values()][0];
  if (!d || d.points.length === 0) return null;
  const pts = d.points;
  const series: GuardrailSeries[] = [];
  const of = (kind: GuardrailSeries['kind'], v: (p: DeploymentPoint) => number) =>
    series.push({
      id: kind,
      kind,
      colorIndex: null,
      label: label(kind, null),
      points: pts.map((p) => ({ t: p.t, v: v(p) })),
    });
  of('ceiling', (p) => p.replicas + p.maxSurgeCount);
  of('floor', (p) => p.replicas - p.maxUnavailableCount);
  for (const rs of history.replicaSets().values()) {
    if (rs.namespace !== d.namespace || rs.deployment !== d.name) continue;
    series.push({
      id: `rs-${rs.uid}`,
      kind: 'desired',
      colorIndex: colorOf(rs.uid, rs.revision),
      label: label('desired', rs.revision),
      points: rs.points.map((p) => ({ t: p.t, v: p.desired })),
    });
  }
  of('updated', (p) => p.updated);
  of('available', (p) => p.available);
  of('total', (p) => p.total);
  let at: DeploymentPoint | null = null;
  for (const p of pts) if (p.t <= cursor) at = p;
  return { name: d.name, series, at };
}
