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

/** What ActivePodsWithRanks.Less reads of one pod, read once per pod object instead of once per comparison. */
interface RankKey {
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime: number;
  restarts: number;
  created: number;
  uid: string;
  /**
   * Pods with the same class agree on every field Less compares except rank (and node, which only matters
   * when one of the two is unassigned, and is the same there): between them rank alone decides.
   */
  cls: number;
  /** The instant readyLog and createdLog were computed for. */
  now: number;
  readyLog: number;
  createdLog: number;
}

/** ⌊log₂⌋ of the age in nanoseconds, or -1 (one side of logarithmicRankDiff). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Keys of stored pods (immutable objects: a changed pod is a new object). */
const rankKeys = new WeakMap<Pod, RankKey>();

/** Class numbers by the fields that make up a class. */
const rankClasses = new Map<string, number>();

function rankClass(
  assigned: boolean,
  phase: number,
  ready: boolean,
  cost: number,
  readyTime: number,
  restarts: number,
  created: number,
): number {
  const sig = `${assigned ? 1 : 0} ${phase} ${ready ? 1 : 0} ${cost} ${readyTime} ${restarts} ${created}`;
  let cls = rankClasses.get(sig);
  if (cls === undefined) {
    if (rankClasses.size >= 100_000) rankClasses.clear();
    rankClasses.set(sig, (cls = rankClasses.size));
  }
  return cls;
}

function rankKey(pod: Pod, now: number): RankKey {
  let k = rankKeys.get(pod);
  if (!k) {
    const readyTime = podReadyTime(pod);
    const created = parseTime(pod.metadata?.creationTimestamp);
    const node = pod.spec?.nodeName ?? '';
    const phase = podPhaseToOrdinal[pod.status?.phase ?? ''] ?? 0;
    const ready = isPodReady(pod);
    const cost = deletionCost(pod);
    const restarts = maxContainerRestarts(pod);
    k = {
      node,
      phase,
      ready,
      cost,
      readyTime,
      restarts,
      created,
      uid: pod.metadata?.uid ?? '',
      cls: rankClass(node !== '', phase, ready, cost, readyTime, restarts, created),
      now,
      readyLog: logRank(readyTime, now),
      createdLog: logRank(created, now),
    };
    rankKeys.set(pod, k);
  } else if (k.now !== now) {
    k.now = now;
    k.readyLog = logRank(k.readyTime, now);
    k.createdLog = logRank(k.created, now);
  }
  return k;
}

/** activePodsWithRanksLess on precomputed keys: the same answer for every pair. */
function rankKeyLess(a: RankKey, ra: number, b: RankKey, rb: number, now: number): boolean {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '';
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (ra !== rb) return ra > rb;
  if (a.ready && b.ready && a.readyTime !== b.readyTime) {
    if (now === 0 || a.readyTime === 0 || b.readyTime === 0) return afterOrZero(a.readyTime, b.readyTime);
    const diff = a.readyLog - b.readyLog;
    if (diff === 0) return a.uid < b.uid;
    return diff < 0;
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.created !== b.created) {
    if (now === 0 || a.created === 0 || b.created === 0) return afterOrZero(a.created, b.created);
    const diff = a.createdLog - b.createdLog;
    if (diff === 0) return a.uid < b.uid;
    return diff < 0;
  }
  return false;
}

/** Sorts pods so that the ones to delete first come first (sort.Sort(ActivePodsWithRanks)). */
export function sortActivePodsWithRanks<T extends Pod>(pods: T[], ranks: number[], now: number): T[] {
  const keys = pods.map((p) => rankKey(p, now));
  const idx = pods.map((_, i) => i);
  idx.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka.cls === kb.cls) {
      const ra = ranks[a]!;
      const rb = ranks[b]!;
      return ra === rb ? 0 : ra > rb ? -1 : 1;
    }
    if (rankKeyLess(ka, ranks[a]!, kb, ranks[b]!, now)) return -1;
    if (rankKeyLess(keys[b]!, ranks[b]!, keys[a]!, ranks[a]!, now)) return 1;
    return 0;
  });
  return idx.map((i) => pods[i]!);
}
