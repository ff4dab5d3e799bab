// The tabs below the cluster picture (product.md): the guardrail chart, the event log with "why", and the
// Services with the Pods that receive their traffic.
// Closed, only the tab buttons show, so the picture keeps its room on a small screen.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { GuardrailChart } from './GuardrailChart.tsx';
import { EventLog } from './EventLog.tsx';
import { ServicesPanel } from './ServicesPanel.tsx';

const TABS = ['guardrail', 'events', 'services'] as const;
type Tab = (typeof TABS)[number];

export function DetailsTabs() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab | null>(null);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    e.stopPropagation();
    const i = TABS.indexOf(tab ?? 'guardrail');
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className={`details${tab ? ' open' : ''}`}>
      <div className="details-bar">
        <div className="details-tabs" role="tablist" aria-label={t('tabs.label')}>
          {TABS.map((k) => (
            <button
              key={k}
              id={`tab-${k}`}
              type="button"
              role="tab"
              aria-selected={tab === k}
              aria-controls={tab === k ? `panel-${k}` : undefined}
              tabIndex={tab === k || (tab === null && k === 'guardrail') ? 0 : -1}
              onClick={() => setTab(tab === k ? null : k)}
              onKeyDown={onKey}
              data-testid={`tab-${k}`}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </div>
        {tab && (
          <button type="button" className="small details-hide" onClick={() => setTab(null)}>
            {t('tabs.hide')}
          </button>
        )}
      </div>
      {tab && (
        <div className="details-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <ErrorBoundary name={tab}>
            {tab === 'guardrail' ? <GuardrailChart /> : tab === 'events' ? <EventLog /> : <ServicesPanel />}
          </ErrorBoundary>
        </div>
      )}
    </div>
  );
}
