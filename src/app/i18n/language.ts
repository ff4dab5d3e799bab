// Which language to start in. DOM-free so it can be unit-tested in Node.
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
export const STORAGE_KEY = 'rollout-lab.lang';

/** The stored choice, else the browser's first preferred language we have, else English. */
export function initialLanguage(stored: string | null | undefined, browser: readonly string[]): Lang {
  if (stored === 'ja' || stored === 'en') return stored;
  const first = browser.map((l) => l.toLowerCase().slice(0, 2)).find((l) => l === 'ja' || l === 'en');
  return first === 'ja' ? 'ja' : 'en';
}
