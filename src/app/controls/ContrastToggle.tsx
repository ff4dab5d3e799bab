import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyContrast, type Contrast } from './contrast.ts';
import { readContrast, storeContrast } from './contrast-storage.ts';

/** The top bar's high-contrast switch: a toggle button, remembered in localStorage. */
export function ContrastToggle() {
  const { t } = useTranslation();
  const [contrast, setContrast] = useState<Contrast>(() => readContrast());
  const on = contrast === 'more';
  return (
    <button
      type="button"
      className="icon-button contrast-toggle"
      aria-pressed={on}
      aria-label={t('topbar.highContrast')}
      title={t('topbar.highContrast')}
      onClick={() => {
        const next: Contrast = on ? 'normal' : 'more';
        applyContrast(document.documentElement, next);
        storeContrast(next);
        setContrast(next);
      }}
    >
      <span aria-hidden="true">◐</span>
    </button>
  );
}
