// Announces significant changes of the picture politely (and says what changed when motion is reduced).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../runtime-context.ts';
import { diffFrames } from './announce.ts';

/** At most one announcement per this many wall milliseconds; later facts replace earlier ones. */
const THROTTLE_MS = 1500;

export function LiveRegion() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [text, setText] = useState('');
  const pending = useRef<string[]>([]);
  const timer = useRef<number | null>(null);

  useEffect(() => {
    const unsub = runtime.store.subscribe((s, prev) => {
      if (s.frame === prev.frame || prev.frame.nodes.length === 0) return;
      const msgs = diffFrames(prev.frame, s.frame).map((a) => t(a.key, a.params));
      if (msgs.length === 0) return;
      pending.current = [...pending.current, ...msgs].slice(-3);
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        setText(pending.current.join(' '));
        pending.current = [];
      }, THROTTLE_MS);
    });
    return () => {
      unsub();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [runtime, t]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
