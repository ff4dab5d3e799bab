import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';

/** A word longer than this may break anywhere (an image reference), so it never widens the panel. */
const LONG_TOKEN = 28;

/**
 * A long word with break opportunities after `=`, `/`, `,` and `:` (`--image=` | `asia.gcr.io/` | … or a JSON
 * patch); a part that is itself long may still break anywhere.
 */
function withBreaks(tok: string) {
  return tok.split(/(?<=[=/,:])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part.length > LONG_TOKEN ? part : <span className="part">{part}</span>}
    </Fragment>
  ));
}

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
              {c.split('\n').map((line, l) => (
                <Fragment key={l}>
                  {l > 0 ? '\n' : ''}
                  {line.split(' ').map((tok, i) => (
                    <Fragment key={i}>
                      {i > 0 ? ' ' : ''}
                      {tok.length > LONG_TOKEN ? (
                        <span className="tok long">{withBreaks(tok)}</span>
                      ) : (
                        <span className="tok">{tok}</span>
                      )}
                    </Fragment>
                  ))}
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
