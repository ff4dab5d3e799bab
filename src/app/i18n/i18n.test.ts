import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { initialLanguage } from './language.ts';
import { scenarios } from '../../scenarios/index.ts';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('i18n resources', () => {
  it('ja and en have exactly the same keys', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    const get = (o: unknown, path: string) =>
      path.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);
    for (const k of keys(en)) {
      const e = get(en, k) as string;
      const j = get(ja, k) as string;
      expect(e.trim(), k).not.toBe('');
      expect(j.trim(), k).not.toBe('');
      expect(placeholders(j), k).toEqual(placeholders(e));
    }
  });

  it('every scenario step has a title, goal and narration in both languages', () => {
    for (const s of scenarios) {
      expect(s.title.ja && s.title.en && s.summary.ja && s.summary.en).toBeTruthy();
      for (const step of s.steps) {
        for (const lang of ['ja', 'en'] as const) {
          const text = s.text[lang][step.id];
          expect(text, `${s.id}/${step.id}/${lang}`).toBeDefined();
          expect(text!.title.trim() && text!.body.trim() && text!.goal.trim()).toBeTruthy();
        }
      }
      expect(Object.keys(s.text.ja).sort()).toEqual(Object.keys(s.text.en).sort());
    }
  });
});

describe('initialLanguage', () => {
  it.each([
    ['en', ['ja-JP'], 'en'],
    ['ja', ['en-US'], 'ja'],
    [null, ['ja-JP', 'en'], 'ja'],
    [null, ['en-GB', 'ja'], 'en'],
    [null, ['fr-FR', 'ja'], 'ja'],
    [null, ['fr-FR'], 'en'],
    ['xx', [], 'en'],
  ] as const)('stored %s, browser %o → %s', (stored, browser, want) => {
    expect(initialLanguage(stored, browser)).toBe(want);
  });
});
