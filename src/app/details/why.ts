// The "why" of a controller action in the learner's language: a trace record's rule key picks a sentence,
// its numbers fill it, and the rounding of maxSurge / maxUnavailable is spelled out when the spec gave a
// percentage (surge rounds up ⌈⌉, unavailable rounds down ⌊⌋).
import type { Event, TraceRecord } from '../../engine/index.ts';

export type WhyT = (key: string, params?: Record<string, unknown>) => string;

export interface FencepostSpec {
  /** As written in the Deployment spec at the time (`25%`, `1`). */
  maxSurge: string;
  maxUnavailable: string;
}

export const whyKey = (rule: string) => `why.rules.${rule.replace('.', '_')}`;

function expr(spec: string | undefined, replicas: unknown, value: unknown, up: boolean): string {
  if (spec && spec.endsWith('%') && typeof replicas === 'number' && typeof value === 'number') {
    const pct = Number(spec.slice(0, -1));
    const exact = (pct * replicas) / 100;
    const rounded = up ? Math.ceil(exact) : Math.floor(exact);
    if (rounded === value) return up ? `⌈${spec} × ${replicas}⌉` : `⌊${spec} × ${replicas}⌋`;
  }
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

/** The parameters a rule's sentence uses: the record's values plus derived ones. */
export function whyParams(r: TraceRecord, spec?: FencepostSpec): Record<string, string | number | boolean> {
  const v = r.values;
  const out: Record<string, string | number | boolean> = { ...v };
  out.maxSurgeExpr = expr(spec?.maxSurge, v.replicas, v.maxSurge, true);
  out.maxUnavailableExpr = expr(spec?.maxUnavailable, v.replicas, v.maxUnavailable, false);
  if (typeof v.newReplicasCount === 'number' && typeof v.newRSReplicas === 'number')
    out.delta = v.newReplicasCount - v.newRSReplicas;
  return out;
}

/** The sentence for a record; an unknown rule falls back to its key and numbers. */
export function explain(t: WhyT, r: TraceRecord, spec?: FencepostSpec): string {
  const key = whyKey(r.rule);
  const params: Record<string, unknown> = { ...whyParams(r, spec), interpolation: { escapeValue: false } };
  // The ReplicaSet's deletion names the step of ActivePodsWithRanks.Less that put the first Pod first.
  if (typeof r.values.firstReason === 'string')
    params.firstReasonText = t(`why.deleteReasons.${r.values.firstReason}`, params);
  if (r.rule.startsWith('scheduler.')) Object.assign(params, schedulerTexts(t, r.values, params));
  // The ReplicaSet rules serve ReplicationControllers too (one controller for both kinds).
  params.kind = r.object.kind;
  // i18next returns the key itself when a translation is missing.
  const text = t(key, params);
  if (text !== key && text !== '') return text;
  const values = Object.entries(r.values)
    .map(([k, x]) => `${k}=${String(x)}`)
    .join(', ');
  return `${r.rule}: ${values}`;
}

const count = (x: unknown) => (typeof x === 'number' ? x : 0);

/**
 * The scheduler's sentence parts: the nodes each filter plugin removed (in plugin order: NodeUnschedulable,
 * TaintToleration, NodeResourcesFit), how the default scores spread the Pod's workload, and the tie-break.
 */
function schedulerTexts(
  t: WhyT,
  v: TraceRecord['values'],
  params: Record<string, unknown>,
): Record<string, string> {
  const part = (k: string, extra?: Record<string, unknown>) =>
    t(`why.rules.schedulerParts.${k}`, extra ? { ...params, ...extra } : params);
  const filtered: string[] = [];
  if (count(v.unschedulable) > 0) filtered.push(part('unschedulable'));
  const tainted = count(v.untoleratedTaint);
  if (tainted > 0) filtered.push(part(tainted === 1 ? 'taintOne' : 'taintMany'));
  if (count(v.tooManyPods) > 0) filtered.push(part('tooManyPods'));
  return {
    filteredText: filtered.length > 0 ? part('filtered', { parts: filtered.join(part('separator')) }) : '',
    scoreText: part(v.owner ? 'spread' : 'noOwner'),
    tieText: part(count(v.ties) > 1 ? 'tie' : 'noTie'),
  };
}

/** `pkg/controller/deployment/rolling.go reconcileNewReplicaSet` → the function name. */
export function upstreamFunction(r: TraceRecord): string {
  return r.upstream.split(' ').pop() ?? r.upstream;
}

/**
 * The trace records behind an event: same object and message, decided at or before the event was last seen
 * (the last matching decision first).
 */
export function recordsForEvent(
  records: readonly TraceRecord[],
  e: Event,
  lastSeenMs: number,
): TraceRecord[] {
  const obj = e.involvedObject;
  // The recorder's aggregation prefixes a repeated message (client-go events_cache.go).
  const message = (e.message ?? '').replace(/^\(combined from similar events\): /, '');
  const byReason = RULE_OF_REASON[e.reason ?? ''];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.time > lastSeenMs + 999) continue;
    if (r.object.kind !== obj.kind || r.object.name !== obj.name) continue;
    if (r.event !== undefined ? r.event === message : r.rule === byReason) return [r];
  }
  return [];
}

/** Decisions recorded without an event message, found by the reason of the event they lead to. */
const RULE_OF_REASON: Record<string, string> = {
  TaintManagerEviction: 'tainteviction.tolerationExpired',
  NodeNotReady: 'nodelifecycle.nodeUnreachable',
};
