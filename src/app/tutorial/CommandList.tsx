import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';

export function CommandList({ commands }: { commands: string[] }) {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const ran = useAppState((s) => s.commandsRun);
  return (
    <ol className="commands">
      {commands.map((c) => {
        const done = ran.includes(c);
        return (
          <li key={c} className={done ? 'done' : undefined}>
            <code>
              {c.split(' ').map((tok, i) => (
                <Fragment key={i}>
                  {i > 0 ? ' ' : ''}
                  <span className="tok">{tok}</span>
                </Fragment>
              ))}
            </code>
            <button
              type="button"
              className="run"
              aria-label={t('tutorial.runCommand', { command: c })}
              onClick={() => runtime.runCommand(c)}
            >
              <span aria-hidden="true">▶ </span>
              {t('tutorial.run')}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
