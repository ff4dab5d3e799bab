import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { ja } from '../../app/i18n/ja.ts';
import type { ReplicationControllerFrame } from './frame.ts';
import { rcBadge, rcStatus, rcSummary, rcTooltip } from './rc-card.ts';
import type { Translate } from './theme.ts';

/** The app's resources with i18next's `{{name}}` interpolation, so the words checked are the shipped ones. */
const translator =
  (res: object): Translate =>
  (key, params = {}) => {
    const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
    if (typeof s !== 'string') throw new Error(`missing ${key}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
  };

const controller = (over: Partial<ReplicationControllerFrame> = {}): ReplicationControllerFrame => ({
  uid: 'rc-1',
  name: 'api-rc-f9eed97d434b09b484ff9448ad82064b',
  namespace: 'default',
  ordinal: 2,
  colorIndex: 1,
  desired: 3,
  current: 2,
  ready: 1,
  available: 1,
  image: 'asia.gcr.io/rollout-lab/node-api:1.0.1',
  selector: 'deployment=f9eed97d434b09b484ff9448ad82064b,name=api-pods',
  createdMs: 0,
  ...over,
});

describe('rcBadge', () => {
  it.each([
    [1, 'rc1'],
    [2, 'rc2'],
    [12, 'rc12'],
  ])('ordinal %i → %s', (n, want) => {
    expect(rcBadge(n)).toBe(want);
  });
});

describe('ReplicationController card words', () => {
  it('names the kind, the badge, the counts, the image and the selector (en)', () => {
    const t = translator(en);
    expect(rcSummary(controller(), t)).toBe(
      'ReplicationController api-rc-f9eed97d434b09b484ff9448ad82064b (rc2): desired 3 · current 2 · ready 1; ' +
        'image asia.gcr.io/rollout-lab/node-api:1.0.1; selector deployment=f9eed97d434b09b484ff9448ad82064b,name=api-pods.',
    );
    expect(
      rcTooltip(controller({ name: 'api-rc', ordinal: 1, selector: 'name=api-pods' }), t).split('\n'),
    ).toEqual([
      'ReplicationController api-rc (rc1)',
      'asia.gcr.io/rollout-lab/node-api:1.0.1',
      'desired 3 · current 2 · ready 1',
      'selector name=api-pods',
    ]);
    expect(rcStatus(controller({ selector: '' }), t)).toBe(
      'desired 3 · current 2 · ready 1 · asia.gcr.io/rollout-lab/node-api:1.0.1 · selector —',
    );
  });

  it('says the same in Japanese, the kind and the badge unchanged', () => {
    const t = translator(ja);
    expect(rcSummary(controller({ name: 'api-rc', ordinal: 1, selector: 'name=api-pods' }), t)).toBe(
      'ReplicationController api-rc（rc1）：希望 3 · 現在 2 · Ready 1。イメージ asia.gcr.io/rollout-lab/node-api:1.0.1、セレクター name=api-pods。',
    );
    expect(rcTooltip(controller({ name: 'api-rc' }), t).split('\n')[0]).toBe(
      'ReplicationController api-rc（rc2）',
    );
  });
});
