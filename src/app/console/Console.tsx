// The console: scrollback as a log, a labelled input with history, here-documents over several lines,
// Ctrl-C to interrupt. Output is shown exactly as the shell printed it.
import { Fragment, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { CONTINUATION, PROMPT } from './console-controller.ts';

export const CONSOLE_INPUT_ID = 'console-input';

/** Marks every mention of the selected object's name, so selecting it in the picture finds it here too. */
function highlight(text: string, name: string | null): ReactNode {
  if (!name || !text.includes(name)) return text;
  const parts = text.split(name);
  return parts.map((p, i) => (
    <Fragment key={i}>
      {p}
      {i < parts.length - 1 && <mark className="hl">{name}</mark>}
    </Fragment>
  ));
}

export function Console() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const chunks = useAppState((s) => s.chunks);
  const running = useAppState((s) => s.running);
  const continuation = useAppState((s) => s.continuation);
  const history = useAppState((s) => s.history);
  const selectedName = useAppState((s) => s.selection?.name ?? null);
  const [value, setValue] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const logRef = useRef<HTMLPreElement>(null);
  const stick = useRef(true);

  // Follow the output unless the learner scrolled up to read.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [chunks]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'c' && e.ctrlKey && !e.altKey && !e.metaKey) {
      const sel = window.getSelection()?.toString() ?? '';
      if (sel === '' || running) {
        e.preventDefault();
        runtime.console.interrupt(value);
        setValue('');
        setCursor(null);
      }
      return;
    }
    if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      runtime.clearConsole();
      return;
    }
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (history.length === 0) return;
      e.preventDefault();
      const at = cursor ?? history.length;
      const next = e.key === 'ArrowUp' ? Math.max(0, at - 1) : Math.min(history.length, at + 1);
      setCursor(next === history.length ? null : next);
      setValue(next === history.length ? '' : (history[next] ?? '').split('\n')[0]!);
    }
  };

  const prompt = continuation !== null ? CONTINUATION : PROMPT;

  return (
    <section className="console" aria-labelledby="console-heading">
      <div className="console-head">
        <h2 id="console-heading">{t('console.region')}</h2>
        <span className="console-hint">{running ? t('console.running') : t('console.hint')}</span>
        {running && (
          <button type="button" className="small" onClick={() => runtime.console.interrupt()}>
            {t('console.interrupt')}
          </button>
        )}
        <button type="button" className="small" onClick={() => runtime.clearConsole()}>
          {t('console.clear')}
        </button>
      </div>
      <pre
        ref={logRef}
        className="console-log"
        role="log"
        aria-labelledby="console-heading"
        // A scrollable region must be reachable by keyboard (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        data-testid="console-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {chunks.map((c) => (
          <span key={c.id} className={`out-${c.stream}`}>
            {highlight(c.text, selectedName)}
          </span>
        ))}
      </pre>
      <form
        className="console-form"
        onSubmit={(e) => {
          e.preventDefault();
          const line = value;
          setValue('');
          setCursor(null);
          stick.current = true;
          runtime.console.submit(line);
        }}
      >
        <label
          htmlFor={CONSOLE_INPUT_ID}
          className="prompt"
          title={continuation !== null ? t('console.continuation') : undefined}
        >
          <span className="visually-hidden">{t('console.input')}</span>
          <span aria-hidden="true">{prompt}</span>
        </label>
        <input
          id={CONSOLE_INPUT_ID}
          className="console-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={continuation !== null ? t('console.continuation') : t('console.placeholder')}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          data-testid="console-input"
        />
      </form>
    </section>
  );
}
