import { useTranslation } from 'react-i18next';
import { LANGS } from '../i18n/index.ts';

const NAMES = { ja: '日本語', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('topbar.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={i18n.language === l}
          onClick={() => void i18n.changeLanguage(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
