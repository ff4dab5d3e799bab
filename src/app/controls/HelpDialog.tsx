import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';

const KEYS: [string, string][] = [
  ['Space', 'help.space'],
  ['→', 'help.right'],
  ['←', 'help.left'],
  ['[  ]', 'help.speed'],
  ['/', 'help.slash'],
  ['?', 'help.question'],
];

export function HelpDialog() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const open = useAppState((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={() => runtime.store.getState().setHelpOpen(false)}
    >
      <h2 id="help-title">{t('help.title')}</h2>
      <dl>
        {KEYS.map(([k, label]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">{t('help.close')}</button>
      </form>
    </dialog>
  );
}
