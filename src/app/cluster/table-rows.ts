// The cells of the hidden table for ReplicationControllers and the revision column of a Pod, as pure functions
// (ClusterTable.tsx renders them; Node tests check them in both languages).
import type {
  ClaimFrame,
  Frame,
  PodFrame,
  ReplicationControllerFrame,
  StatefulSetFrame,
} from '../../view/cluster/frame.ts';
import { rcBadge, rcStatus } from '../../view/cluster/rc-card.ts';
import { revLabel, stsClaims, stsCounts, stsUpdate } from '../../view/cluster/sts-card.ts';
import type { Translate } from '../../view/cluster/theme.ts';

/** The header of the revision column: it also holds the `rc1` badges once the namespace has an RC. */
export const revisionHeaderKey = (frame: Frame): string =>
  (frame.replicationControllers ?? []).length > 0 ? 'cluster.colRevisionRc' : 'cluster.colRevision';

/** Kind, name, status, node, revision (badge), ready. */
export function rcRow(r: ReplicationControllerFrame, t: Translate): string[] {
  return ['ReplicationController', r.name, rcStatus(r, t), '', rcBadge(r.ordinal), `${r.ready}/${r.desired}`];
}

/** A Pod's revision cell: its ReplicaSet's revision, else its ReplicationController's badge, else its
 * StatefulSet revision (`r2`, as on the Pod). */
export function podRevisionCell(p: PodFrame): string {
  if (p.revision !== null) return String(p.revision);
  if (p.rcOrdinal) return rcBadge(p.rcOrdinal);
  return p.statefulSet ? revLabel(p.stsRevision) : '';
}

/** Kind, name, status (counts, update progress, claims, image), node, update revision, ready. */
export function stsRow(d: StatefulSetFrame, t: Translate): string[] {
  return [
    'StatefulSet',
    d.name,
    [stsCounts(d, t), stsUpdate(d, t), stsClaims(d, t), d.image].join(' · '),
    '',
    revLabel(d.updateRevision),
    `${d.ready}/${d.desired}`,
  ];
}

/** Kind, name, status (phase, volume, the Pod using it), node, revision, ready: a claim has neither. */
export function claimRow(c: ClaimFrame, t: Translate): string[] {
  return [
    'PersistentVolumeClaim',
    c.name,
    t('view.claimStatus', {
      phase: c.phase,
      volume: c.volume || '—',
      pod: c.pod ? t('view.claimPod', { pod: c.pod }) : t('view.claimNoPod'),
    }),
    '',
    '',
    '',
  ];
}
