import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Root } from './Root.tsx';
import './app.css';

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
