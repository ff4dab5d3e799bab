// The words of a ReplicationController card, as pure functions of its frame (no DOM): the view draws them
// (workload-marks.ts), the hidden table and the live region read them, Node tests check them.
import type { ReplicationControllerFrame } from './frame.ts';
import type { Translate } from './theme.ts';

/**
 * The short badge of a ReplicationController and its Pods: kubectl's short name `rc` and its position by
 * creation (`rc1`, `rc2`). The same in both languages, and never confused with a ReplicaSet revision (`r2`).
 */
export const rcBadge = (ordinal: number): string => `rc${ordinal}`;

/** The counts as on a ReplicaSet card: `desired 3 · current 3 · ready 2`. */
export const rcCounts = (d: ReplicationControllerFrame, t: Translate): string =>
  t('view.rsCounts', { desired: d.desired, current: d.current, ready: d.ready });

/** The card's accessible name (aria-label, the hidden table): kind, name, badge, counts, image, selector. */
export function rcSummary(d: ReplicationControllerFrame, t: Translate): string {
  return t('view.rcSummary', {
    name: d.name,
    badge: rcBadge(d.ordinal),
    counts: rcCounts(d, t),
    image: d.image,
    selector: d.selector || '—',
  });
}

/** The table's STATUS cell: counts, image and selector. */
export const rcStatus = (d: ReplicationControllerFrame, t: Translate): string =>
  [rcCounts(d, t), d.image, t('view.rcSelector', { selector: d.selector || '—' })].join(' · ');

/** The tooltip: one fact per line. */
export function rcTooltip(d: ReplicationControllerFrame, t: Translate): string {
  return [
    t('view.rcTitle', { name: d.name, badge: rcBadge(d.ordinal) }),
    d.image,
    rcCounts(d, t),
    t('view.rcSelector', { selector: d.selector || '—' }),
  ].join('\n');
}
