// What the aria-live region says when the picture changes: a few summarised facts per change, never per Pod.
import type { Frame } from '../../view/cluster/frame.ts';
import { rcBadge } from '../../view/cluster/rc-card.ts';
import { revLabel } from '../../view/cluster/sts-card.ts';

export interface Announcement {
  key: string;
  params: Record<string, string | number>;
}

export function diffFrames(prev: Frame, next: Frame): Announcement[] {
  const out: Announcement[] = [];
  const prevRs = new Map(prev.replicaSets.map((r) => [r.uid, r]));
  for (const rs of next.replicaSets) {
    const before = prevRs.get(rs.uid);
    const changed = !before || before.ready !== rs.ready || before.desired !== rs.desired;
    if (changed && (rs.desired > 0 || (before?.desired ?? 0) > 0)) {
      out.push({
        key: 'announce.rs',
        params: { name: rs.name, revision: rs.revision ?? '-', ready: rs.ready, desired: rs.desired },
      });
    }
  }
  // ReplicationControllers come and go during a `kubectl rolling-update`: say when one appears or is deleted,
  // and its ready count as for a ReplicaSet.
  const prevRc = new Map((prev.replicationControllers ?? []).map((r) => [r.uid, r]));
  const nextRc = next.replicationControllers ?? [];
  // Deletions first: a rename deletes the temporary controller, then creates the one with the old name.
  const kept = new Set(nextRc.map((r) => r.uid));
  for (const rc of prevRc.values())
    if (!kept.has(rc.uid)) out.push({ key: 'announce.rcDeleted', params: { name: rc.name } });
  for (const rc of nextRc) {
    const before = prevRc.get(rc.uid);
    const badge = rcBadge(rc.ordinal);
    if (!before) out.push({ key: 'announce.rcCreated', params: { name: rc.name, badge } });
    else if (
      (before.ready !== rc.ready || before.desired !== rc.desired) &&
      (rc.desired > 0 || before.desired > 0)
    )
      out.push({
        key: 'announce.rc',
        params: { name: rc.name, badge, ready: rc.ready, desired: rc.desired },
      });
    // An older controller went away, so this one moved up (its Pods' labels changed with it).
    if (before && before.ordinal !== rc.ordinal)
      out.push({ key: 'announce.rcBadge', params: { name: rc.name, badge } });
  }
  out.push(...diffStatefulSets(prev, next));
  const complete = (d: Frame['deployments'][number]) =>
    d.updated === d.replicas && d.available === d.replicas && d.total === d.replicas;
  const prevD = new Map(prev.deployments.map((d) => [d.uid, d]));
  for (const d of next.deployments) {
    const before = prevD.get(d.uid);
    if (complete(d) && (!before || !complete(before)))
      out.push({ key: 'announce.rolloutDone', params: { name: d.name, replicas: d.replicas } });
  }
  const prevN = new Map(prev.nodes.map((n) => [n.uid, n]));
  for (const n of next.nodes) {
    const before = prevN.get(n.uid);
    if (before && before.status !== n.status)
      out.push({ key: 'announce.node', params: { name: n.name, status: n.status } });
  }
  return out;
}

/**
 * StatefulSets: created or deleted, the ready count as for a ReplicaSet, update progress while a rolling update
 * moves, each of their Pods that becomes Ready (they start one at a time, so this stays a few lines), and each
 * claim that appears or becomes Bound.
 */
function diffStatefulSets(prev: Frame, next: Frame): Announcement[] {
  const out: Announcement[] = [];
  const prevSets = new Map((prev.statefulSets ?? []).map((s) => [s.uid, s]));
  const nextSets = next.statefulSets ?? [];
  const kept = new Set(nextSets.map((s) => s.uid));
  for (const s of prevSets.values())
    if (!kept.has(s.uid)) out.push({ key: 'announce.stsDeleted', params: { name: s.name } });
  for (const s of nextSets) {
    const before = prevSets.get(s.uid);
    if (!before) out.push({ key: 'announce.stsCreated', params: { name: s.name } });
    else if (before.ready !== s.ready || before.desired !== s.desired)
      out.push({ key: 'announce.sts', params: { name: s.name, ready: s.ready, desired: s.desired } });
    if (
      before &&
      s.updateRevision !== null &&
      (before.updated !== s.updated || before.updateRevision !== s.updateRevision) &&
      before.currentRevision !== before.updateRevision
    )
      out.push({
        key: 'announce.stsUpdated',
        params: {
          name: s.name,
          updated: s.updated,
          replicas: s.desired,
          revision: revLabel(s.updateRevision),
        },
      });
  }
  const wasReady = new Set(prev.pods.filter((p) => p.ready).map((p) => p.uid));
  for (const p of next.pods)
    if (p.statefulSet && p.ready && !wasReady.has(p.uid))
      out.push({ key: 'announce.stsPodReady', params: { name: p.name, ordinal: p.stsOrdinal ?? '—' } });
  const prevClaims = new Map((prev.claims ?? []).map((c) => [c.name, c]));
  for (const c of next.claims ?? []) {
    const before = prevClaims.get(c.name);
    if (!before && c.phase !== 'Bound')
      out.push({ key: 'announce.claimCreated', params: { name: c.name, phase: c.phase } });
    if (c.phase === 'Bound' && before?.phase !== 'Bound')
      out.push({ key: 'announce.claimBound', params: { name: c.name, volume: c.volume || '—' } });
  }
  return out;
}
