// What the aria-live region says when the picture changes: a few summarised facts per change, never per Pod.
import type { Frame } from '../../view/cluster/frame.ts';
import { rcBadge } from '../../view/cluster/rc-card.ts';

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
