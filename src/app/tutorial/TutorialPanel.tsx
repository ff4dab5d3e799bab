// The left panel: step n/N, narration, Run buttons, the outcome check and Back/Next.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { currentLang } from '../i18n/index.ts';
import { Narration } from './Narration.tsx';
import { CommandList } from './CommandList.tsx';

export function TutorialPanel() {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const lang = currentLang(i18n);
  const scenario = runtime.scenario;
  const stepIndex = useAppState((s) => s.step);
  const reached = useAppState((s) => s.reached.includes(s.step));
  const catchingUp = useAppState((s) => s.catchingUp);
  const step = scenario.steps[stepIndex]!;
  const text = scenario.text[lang][step.id]!;
  const total = scenario.steps.length;
  const last = stepIndex === total - 1;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Move focus to the new step's heading when the learner pages, so screen readers read it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepIndex]);

  return (
    <section className="tutorial" aria-labelledby="step-title">
      <div className="tutorial-scroll">
        <p className="scenario-title">{scenario.title[lang]}</p>
        <div className="step-count">
          <span>{t('tutorial.stepOf', { n: stepIndex + 1, total })}</span>
          <progress max={total} value={stepIndex + 1} aria-hidden="true" />
        </div>
        <h1 id="step-title" ref={headingRef} tabIndex={-1}>
          {text.title}
        </h1>
        {catchingUp && <p className="catching-up">{t('tutorial.catchingUp')}</p>}
        <Narration markdown={text.body} />
        <h2 className="commands-heading">{t('tutorial.tryIt')}</h2>
        <CommandList commands={step.commands} />
        <div className={`goal ${reached ? 'reached' : ''}`} data-testid="goal" data-reached={reached}>
          <span className="goal-mark" aria-hidden="true">
            {reached ? '✓' : '○'}
          </span>
          <span>
            <strong>{t('tutorial.goal')}:</strong> {text.goal}{' '}
            <span className="goal-state">({reached ? t('tutorial.reached') : t('tutorial.notYet')})</span>
          </span>
        </div>
        {last && reached && (
          <p className="finished">
            {t('tutorial.finished')}{' '}
            <button type="button" className="link-button" onClick={() => runtime.restart()}>
              {t('tutorial.restart')}
            </button>
          </p>
        )}
      </div>
      <nav className="step-nav" aria-label={t('tutorial.region')}>
        <button type="button" disabled={stepIndex === 0} onClick={() => runtime.goToStep(stepIndex - 1)}>
          ← {t('tutorial.back')}
        </button>
        <button
          type="button"
          className={reached ? 'primary' : undefined}
          disabled={last}
          onClick={() => runtime.goToStep(stepIndex + 1)}
        >
          {t('tutorial.next')} →
        </button>
      </nav>
    </section>
  );
}
