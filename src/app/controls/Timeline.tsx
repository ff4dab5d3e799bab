// The timeline under the top bar: a scrubber over the whole session (drag back to rewind, forward to replay),
// ticks where a command was typed, and the cursor. Keyboard: the slider's own arrows / Page keys / Home / End.
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { formatClock } from '../store/time-slice.ts';

export function Timeline() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const elapsed = useAppState((s) => s.elapsedMs);
  const origin = useAppState((s) => s.originMs);
  const horizon = useAppState((s) => s.horizonMs);
  useAppState((s) => s.timelineVersion);
  const end = Math.max(horizon, elapsed, origin + 1000);
  const span = end - origin;
  const inputs = runtime.time.inputs();
  const rewound = elapsed < horizon - 500;
  return (
    <div className={`timeline${rewound ? ' rewound' : ''}`} data-testid="timeline">
      <span className="timeline-start" aria-hidden="true">
        {formatClock(origin)}
      </span>
      <div className="timeline-track">
        <svg className="timeline-ticks" aria-hidden="true" preserveAspectRatio="none" viewBox="0 0 1000 10">
          <rect x="0" y="3" width={(1000 * (horizon - origin)) / span} height="4" className="reached" />
          {inputs.map((i, k) => (
            <rect
              key={k}
              x={Math.max(0, (1000 * (i.at - origin)) / span - 1)}
              y="0"
              width="2"
              height="10"
              className={i.at <= elapsed ? 'tick done' : 'tick ahead'}
            />
          ))}
        </svg>
        <input
          type="range"
          min={origin}
          max={end}
          step={1}
          value={elapsed}
          aria-label={t('time.timeline')}
          aria-valuetext={t('time.timelineValue', { clock: formatClock(elapsed), end: formatClock(horizon) })}
          data-testid="scrubber"
          onChange={(e) => runtime.seek(Number(e.target.value))}
        />
      </div>
      <span className="timeline-end" aria-hidden="true">
        {formatClock(horizon)}
      </span>
      {rewound && <span className="rewound-badge">{t('time.rewound')}</span>}
    </div>
  );
}
