import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { ja } from '../../app/i18n/ja.ts';
import type { PdbFrame } from './frame.ts';
import { MAX_PDB_SLOTS, pdbLines, pdbRule, pdbSlots, pdbSummary } from './pdb-card.ts';
import type { Translate } from './theme.ts';

/** The app's resources with i18next's `{{name}}` interpolation, so the words checked are the shipped ones. */
const translator =
  (res: object): Translate =>
  (key, params = {}) => {
    const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
    if (typeof s !== 'string') throw new Error(`missing ${key}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
  };

const budget = (over: Partial<PdbFrame> = {}): PdbFrame => ({
  uid: 'pdb-1',
  name: 'web-pdb',
  namespace: 'default',
  rule: { field: 'minAvailable', value: '3' },
  deployment: 'web-deploy',
  expectedPods: 4,
  currentHealthy: 4,
  desiredHealthy: 3,
  disruptionsAllowed: 1,
  ...over,
});

describe('pdbSlots', () => {
  it.each([
    ['minAvailable 3 of 4 healthy: three needed, one spare', budget(), 'RRRS'],
    [
      'a drain holding one Pod down: none spare',
      budget({ currentHealthy: 3, disruptionsAllowed: 0 }),
      'RRRI',
    ],
    [
      'below the budget: a needed slot is short',
      budget({ currentHealthy: 2, disruptionsAllowed: 0 }),
      'RRXI',
    ],
    [
      'maxUnavailable 1 of 4: three needed, one spare',
      budget({ rule: { field: 'maxUnavailable', value: '1' } }),
      'RRRS',
    ],
    [
      'minAvailable 50% of 4 all healthy: two spare',
      budget({ desiredHealthy: 2, disruptionsAllowed: 2 }),
      'RRSS',
    ],
    [
      'no Pods selected: nothing to draw',
      budget({ expectedPods: 0, currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0 }),
      '',
    ],
    [
      'healthy beyond the need but the controller allows none (not spare)',
      budget({ expectedPods: 0, currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 0 }),
      'RI',
    ],
  ])('%s', (_, d, want) => {
    const code = { required: 'R', spare: 'S', short: 'X', idle: 'I' } as const;
    expect(
      pdbSlots(d)
        .map((k) => code[k])
        .join(''),
    ).toBe(want);
  });

  it('the spare slots are exactly the allowed disruptions', () => {
    for (let healthy = 0; healthy <= 6; healthy++)
      for (let needed = 0; needed <= 6; needed++) {
        const allowed = Math.max(0, healthy - needed);
        const slots = pdbSlots(
          budget({
            expectedPods: 6,
            currentHealthy: healthy,
            desiredHealthy: needed,
            disruptionsAllowed: allowed,
          }),
        );
        expect(slots).toHaveLength(6);
        expect(slots.filter((k) => k === 'spare')).toHaveLength(allowed);
        expect(slots.filter((k) => k === 'required' || k === 'short')).toHaveLength(needed);
      }
  });

  it('caps the meter for very large budgets', () => {
    expect(pdbSlots(budget({ expectedPods: 500, currentHealthy: 500, desiredHealthy: 400 }))).toHaveLength(
      MAX_PDB_SLOTS,
    );
  });
});

describe('PDB card words', () => {
  it('English: title, rule with healthy / needed, allowed disruptions', () => {
    const t = translator(en);
    expect(pdbLines(budget(), t)).toEqual([
      'PDB web-pdb',
      'minAvailable 3 · healthy 4 / needed 3',
      'allowed disruptions 1',
    ]);
    expect(pdbSummary(budget(), t)).toBe(
      'PodDisruptionBudget web-pdb: minAvailable 3; 4 of 4 Pods healthy, 3 needed; allowed disruptions 1.',
    );
  });

  it('Japanese: the glossary term and 停止可能数', () => {
    const t = translator(ja);
    expect(pdbLines(budget(), t)).toEqual([
      'PDB web-pdb',
      'minAvailable 3 · 正常 4 / 必要 3',
      '停止可能数 1',
    ]);
    expect(pdbSummary(budget(), t)).toBe(
      'PodDisruptionBudget（PDB、停止可能数の予算）web-pdb：minAvailable 3。正常な Pod 4 / 4、必要 3、停止可能数 1。',
    );
  });

  it('says so when no disruption is allowed', () => {
    const blocked = budget({ currentHealthy: 3, disruptionsAllowed: 0 });
    expect(pdbLines(blocked, translator(en))[2]).toBe('allowed disruptions 0');
    expect(pdbSummary(blocked, translator(en))).toMatch(/allowed disruptions 0\. No Pod may be evicted now/);
    expect(pdbSummary(blocked, translator(ja))).toMatch(/停止可能数 0。今は Pod を退避できません/);
  });

  it('names the rule as written, or a dash without one', () => {
    expect(pdbRule(budget({ rule: { field: 'maxUnavailable', value: '25%' } }))).toBe('maxUnavailable 25%');
    expect(pdbRule(budget({ rule: null }))).toBe('—');
  });
});
