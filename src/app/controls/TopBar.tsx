import { useTranslation } from 'react-i18next';
import { useRuntime } from '../runtime-context.ts';
import { currentLang } from '../i18n/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { ContrastToggle } from './ContrastToggle.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { TimeControls } from './TimeControls.tsx';

export function TopBar() {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const lang = currentLang(i18n);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ⎈
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <label className="scenario-picker">
        <span className="visually-hidden">{t('topbar.scenario')}</span>
        <select
          value={runtime.scenario.id}
          onChange={(e) => {
            window.location.hash = `#/${e.target.value}/1`;
            window.location.reload();
          }}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <TimeControls />
      <div className="topbar-end">
        <LanguageSwitch />
        <ContrastToggle />
        <button
          type="button"
          className="icon-button"
          aria-label={t('topbar.help')}
          title={`${t('topbar.help')} (?)`}
          onClick={() => runtime.store.getState().setHelpOpen(true)}
        >
          ?
        </button>
      </div>
    </header>
  );
}
