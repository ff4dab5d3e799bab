// The cells of the hidden table for ReplicationControllers and the revision column of a Pod, as pure functions
// (ClusterTable.tsx renders them; Node tests check them in both languages).
import type { Frame, PodFrame, ReplicationControllerFrame } from '../../view/cluster/frame.ts';
import { rcBadge, rcStatus } from '../../view/cluster/rc-card.ts';
import type { Translate } from '../../view/cluster/theme.ts';

/** The header of the revision column: it also holds the `rc1` badges once the namespace has an RC. */
export const revisionHeaderKey = (frame: Frame): string =>
  (frame.replicationControllers ?? []).length > 0 ? 'cluster.colRevisionRc' : 'cluster.colRevision';

/** Kind, name, status, node, revision (badge), ready. */
export function rcRow(r: ReplicationControllerFrame, t: Translate): string[] {
  return ['ReplicationController', r.name, rcStatus(r, t), '', rcBadge(r.ordinal), `${r.ready}/${r.desired}`];
}

/** A Pod's revision cell: its ReplicaSet's revision, else its ReplicationController's badge. */
export function podRevisionCell(p: PodFrame): string {
  if (p.revision !== null) return String(p.revision);
  return p.rcOrdinal ? rcBadge(p.rcOrdinal) : '';
}
