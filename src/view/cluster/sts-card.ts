// The words of a StatefulSet card and of its Pods' claims, as pure functions of the frame (no DOM): the view
// draws them (sts-marks.ts, cluster-view.ts), the hidden table and the live region read them, Node tests check them.
import type { ClaimFrame, PodFrame, StatefulSetFrame } from './frame.ts';
import type { Translate } from './theme.ts';

/** The swatch text of a StatefulSet card: kubectl's short name, the same in both languages. */
export const STS_BADGE = 'sts';

/** A revision as the cards and Pods print it: `r2` (the ControllerRevision's number). */
export const revLabel = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : `r${n}`;

/** The counts as on a ReplicaSet card: `desired 3 · current 3 · ready 2`. */
export const stsCounts = (d: StatefulSetFrame, t: Translate): string =>
  t('view.rsCounts', { desired: d.desired, current: d.current, ready: d.ready });

/** Update progress: `revision r2 · updated 3 of 3`, or `updating r1 → r2 · updated 1 of 3`, then partition. */
export function stsUpdate(d: StatefulSetFrame, t: Translate): string {
  const rolling = d.updateRevision !== null && d.currentRevision !== d.updateRevision;
  const parts = [
    rolling
      ? t('view.stsUpdating', {
          from: revLabel(d.currentRevision) || '—',
          to: revLabel(d.updateRevision),
          updated: d.updated,
          replicas: d.desired,
        })
      : t('view.stsRevision', {
          revision: revLabel(d.updateRevision ?? d.currentRevision) || '—',
          updated: d.updated,
          replicas: d.desired,
        }),
  ];
  if (d.strategy === 'OnDelete') parts.push('OnDelete');
  else if (d.partition > 0) parts.push(t('view.stsPartition', { partition: d.partition }));
  return parts.join(' · ');
}

/**
 * The update line as the card shows it, short enough for a card at 1280 px: `r1 → r2 · 1/3` (or `r2 · 3/3`),
 * then the partition. The long form (stsUpdate) is in the tooltip, the accessible name and the table.
 */
export function stsUpdateShort(d: StatefulSetFrame, t: Translate): string {
  const rolling = d.updateRevision !== null && d.currentRevision !== d.updateRevision;
  const rev = rolling
    ? `${revLabel(d.currentRevision) || '—'} → ${revLabel(d.updateRevision)}`
    : revLabel(d.updateRevision ?? d.currentRevision) || '—';
  const parts = [t('view.stsUpdateShort', { rev, updated: d.updated, replicas: d.desired })];
  if (d.strategy === 'OnDelete') parts.push('OnDelete');
  else if (d.partition > 0) parts.push(t('view.stsPartitionShort', { partition: d.partition }));
  return parts.join(' · ');
}

/** Claims against Pods: `claims 5 (Bound 5) · Pods 3` — a scale-down keeps the claims. */
export const stsClaims = (d: StatefulSetFrame, t: Translate): string =>
  t('view.stsClaims', {
    claims: d.claims.length,
    bound: d.claims.filter((c) => c.phase === 'Bound').length,
    pods: d.current,
  });

/** One claim: `www-web-3: Bound → pvc-… (no Pod)`. */
export const claimLine = (c: ClaimFrame, t: Translate): string =>
  t('view.claimLine', {
    name: c.name,
    phase: c.phase,
    volume: c.volume || '—',
    pod: c.pod ? t('view.claimPod', { pod: c.pod }) : t('view.claimNoPod'),
  });

/** The card's accessible name (aria-label, the hidden table). */
export function stsSummary(d: StatefulSetFrame, t: Translate): string {
  return t('view.stsSummary', {
    name: d.name,
    counts: stsCounts(d, t),
    update: stsUpdate(d, t),
    claims: stsClaims(d, t),
    image: d.image,
  });
}

/** The tooltip: one fact per line, then every claim with its volume and Pod. */
export function stsTooltip(d: StatefulSetFrame, t: Translate): string {
  return [
    t('view.stsTitle', { name: d.name }),
    d.image,
    stsCounts(d, t),
    stsUpdate(d, t),
    stsClaims(d, t),
    ...d.claims.map((c) => claimLine(c, t)),
  ].join('\n');
}

/** The label drawn on a StatefulSet Pod: its ordinal, large. */
export const stsPodLabel = (ordinal: number | null | undefined): string =>
  ordinal === null || ordinal === undefined ? '' : String(ordinal);

/** Extra tooltip lines of a Pod: its set, ordinal and revision, and each claim it mounts. */
export function podStsLines(p: PodFrame, t: Translate): string[] {
  const out: string[] = [];
  if (p.statefulSet)
    out.push(
      t('view.stsPodOwner', {
        name: p.statefulSet,
        ordinal: stsPodLabel(p.stsOrdinal) || '—',
        revision: revLabel(p.stsRevision) || '—',
        which: t(p.stsUpdated ? 'view.stsUpdateRev' : 'view.stsCurrentRev'),
      }),
    );
  for (const c of p.claims ?? [])
    out.push(
      c.phase === 'Bound'
        ? t('view.podClaimBound', { name: c.name, volume: c.volume || '—' })
        : t('view.podClaim', { name: c.name, phase: c.phase }),
    );
  return out;
}
