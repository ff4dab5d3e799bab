// The words and the meter of a PodDisruptionBudget card, as pure functions of its frame (no DOM): the view
// draws them (pdb-marks.ts), the hidden table reads the summary, Node tests check them.
import type { PdbFrame } from './frame.ts';
import type { Translate } from './theme.ts';

/** One meter slot: healthy and needed, healthy and spare (may be disrupted), needed but not healthy, neither. */
export type PdbSlot = 'required' | 'spare' | 'short' | 'idle';

/** More slots than this and the meter stops being countable; the text still has the numbers. */
export const MAX_PDB_SLOTS = 40;

export function pdbSlots(d: PdbFrame): PdbSlot[] {
  const healthy = Math.max(0, d.currentHealthy);
  const needed = Math.max(0, d.desiredHealthy);
  const n = Math.min(MAX_PDB_SLOTS, Math.max(d.expectedPods, healthy, needed));
  const required = Math.min(healthy, needed);
  // Spare = the allowed disruptions (the controller may allow fewer than healthy − needed, e.g. no expected Pods).
  const spare = Math.max(0, Math.min(d.disruptionsAllowed, healthy - required));
  const short = needed - required;
  const out: PdbSlot[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      i < required
        ? 'required'
        : i < required + spare
          ? 'spare'
          : i < required + spare + short
            ? 'short'
            : 'idle',
    );
  return out;
}

/** The spec rule as kubectl's columns name it: `minAvailable 3`, `maxUnavailable 25%`. */
export const pdbRule = (d: PdbFrame): string => (d.rule ? `${d.rule.field} ${d.rule.value}` : '—');

/** The card's visible lines: title, rule with healthy/needed, allowed disruptions. */
export function pdbLines(d: PdbFrame, t: Translate): [string, string, string] {
  return [
    t('pdb.title', { name: d.name }),
    `${pdbRule(d)} · ${t('pdb.healthy', { healthy: d.currentHealthy, needed: d.desiredHealthy })}`,
    t('pdb.allowed', { allowed: d.disruptionsAllowed }),
  ];
}

/** The card's accessible name (aria-label, tooltip and the hidden table), in the current language. */
export function pdbSummary(d: PdbFrame, t: Translate): string {
  const main = t('pdb.summary', {
    name: d.name,
    rule: pdbRule(d),
    healthy: d.currentHealthy,
    expected: d.expectedPods,
    needed: d.desiredHealthy,
    allowed: d.disruptionsAllowed,
  });
  if (d.disruptionsAllowed > 0) return main;
  // Japanese sentences follow each other without a space.
  return `${main}${main.endsWith('。') ? '' : ' '}${t('pdb.blocked')}`;
}
