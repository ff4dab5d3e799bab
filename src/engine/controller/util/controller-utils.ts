// Models kubernetes/pkg/controller/controller_utils.go: pod ranking for scale-down and slow-start batches.
import type { Pod } from '../../api/types.ts';
import { isPodReady, getPodReadyCondition } from '../../api/pod-util.ts';
import { parseTime } from '../../apimachinery/time.ts';

const podPhaseToOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

// Models kubernetes/pkg/controller/controller_utils.go SlowStartInitialBatchSize
export const slowStartInitialBatchSize = 1;

// Models kubernetes/pkg/controller/controller_utils.go podReadyTime
function podReadyTime(pod: Pod): number {
  if (isPodReady(pod)) return parseTime(getPodReadyCondition(pod)?.lastTransitionTime);
  return 0;
}

function maxContainerRestarts(pod: Pod): number {
  let m = 0;
  for (const c of pod.status?.containerStatuses ?? []) m = Math.max(m, c.restartCount ?? 0);
  return m;
}

// Models kubernetes/pkg/controller/controller_utils.go afterOrZero
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

// Models kubernetes/pkg/controller/controller_utils.go logarithmicRankDiff
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  // Durations in nanoseconds, as Go's time.Duration.
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

// Models kubernetes/pkg/controller/controller_utils.go ActivePodsWithRanks.Less
/** True when pod i should be deleted before pod j (LogarithmicScaleDown and PodDeletionCost enabled, as in v1.36). */
export function activePodsWithRanksLess(pi: Pod, ri: number, pj: Pod, rj: number, now: number): boolean {
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  const oi = podPhaseToOrdinal[pi.status?.phase ?? ''] ?? 0;
  const oj = podPhaseToOrdinal[pj.status?.phase ?? ''] ?? 0;
  if (oi !== oj) return oi < oj;
  if (isPodReady(pi) !== isPodReady(pj)) return !isPodReady(pi);
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  if (ri !== rj) return ri > rj;
  const uidLess = () => (pi.metadata?.uid ?? '') < (pj.metadata?.uid ?? '');
  if (isPodReady(pi) && isPodReady(pj)) {
    const t1 = podReadyTime(pi);
    const t2 = podReadyTime(pj);
    if (t1 !== t2) {
      if (now === 0 || t1 === 0 || t2 === 0) return afterOrZero(t1, t2);
      const diff = logarithmicRankDiff(t1, t2, now);
      if (diff === 0) return uidLess();
      return diff < 0;
    }
  }
  const mi = maxContainerRestarts(pi);
  const mj = maxContainerRestarts(pj);
  if (mi !== mj) return mi > mj;
  const c1 = parseTime(pi.metadata?.creationTimestamp);
  const c2 = parseTime(pj.metadata?.creationTimestamp);
  if (c1 !== c2) {
    if (now === 0 || c1 === 0 || c2 === 0) return afterOrZero(c1, c2);
    const diff = logarithmicRankDiff(c1, c2, now);
    if (diff === 0) return uidLess();
    return diff < 0;
  }
  return false;
}

/** Sorts pods so that the ones to delete first come first (sort.Sort(ActivePodsWithRanks)). */
export function sortActivePodsWithRanks<T extends Pod>(pods: T[], ranks: number[], now: number): T[] {
  const idx = pods.map((_, i) => i);
  idx.sort((a, b) => {
    if (activePodsWithRanksLess(pods[a]!, ranks[a]!, pods[b]!, ranks[b]!, now)) return -1;
    if (activePodsWithRanksLess(pods[b]!, ranks[b]!, pods[a]!, ranks[a]!, now)) return 1;
    return 0;
  });
  return idx.map((i) => pods[i]!);
}
