// i18next set-up: ja and en resources, the learner's choice remembered in localStorage and mirrored in <html lang>.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ja } from './ja.ts';

import { initialLanguage, LANGS, STORAGE_KEY, type Lang } from './language.ts';

export { initialLanguage, LANGS, STORAGE_KEY, type Lang };

export const resources = { en: { translation: en }, ja: { translation: ja } } as const;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function createI18n(): i18n {
  const lng = initialLanguage(
    storage()?.getItem(STORAGE_KEY),
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGS,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const apply = (l: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  apply(lng);
  inst.on('languageChanged', (l) => {
    apply(l);
    storage()?.setItem(STORAGE_KEY, l);
  });
  return inst;
}

export function currentLang(inst: i18n): Lang {
  return inst.language === 'ja' ? 'ja' : 'en';
}
