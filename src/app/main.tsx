import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Root } from './Root.tsx';
import './app.css';
import { applyContrast } from './controls/contrast.ts';
import { readContrast } from './controls/contrast-storage.ts';

// Before the first paint, so the page never flashes in the other theme.
applyContrast(document.documentElement, readContrast());

// Last line of defence: anything that escapes a handler is logged, never shown as a broken page.
window.addEventListener('error', (e) => console.error('[rollout-lab] uncaught', e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  console.error('[rollout-lab] unhandled rejection', e.reason);
});

const i18n = createI18n();
const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary name="root">
          <Root />
        </ErrorBoundary>
      </I18nextProvider>
    </StrictMode>,
  );
}
