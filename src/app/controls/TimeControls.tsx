import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { formatClock, SPEEDS } from '../store/time-slice.ts';

const speedLabel = (s: number) => (s === 0.25 ? '¼×' : s === 0.5 ? '½×' : `${s}×`);

function Clock() {
  const { t } = useTranslation();
  const seconds = useAppState((s) => Math.floor(s.elapsedMs / 1000));
  return (
    <span className="clock" title={t('time.clock')} data-testid="clock">
      <span className="visually-hidden">{t('time.clock')}: </span>
      {formatClock(seconds * 1000)}
    </span>
  );
}

export function TimeControls() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const store = runtime.store;
  return (
    <div className="time-controls" role="group" aria-label={t('time.controls')}>
      <button
        type="button"
        className="icon-button"
        aria-pressed={playing}
        aria-label={playing ? t('time.pause') : t('time.play')}
        title={`${playing ? t('time.pause') : t('time.play')} (Space)`}
        onClick={() => store.getState().setPlaying(!playing)}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('time.stepBack')}
        title={`${t('time.stepBack')} (←)`}
        data-testid="step-back"
        onClick={() => runtime.stepBack()}
      >
        <span aria-hidden="true">❘◀</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('time.step')}
        title={`${t('time.step')} (→)`}
        onClick={() => runtime.playback.step()}
      >
        <span aria-hidden="true">▶❘</span>
      </button>
      <label className="speed">
        <span className="visually-hidden">{t('time.speed')}</span>
        <select
          value={speed}
          onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
          title={`${t('time.speed')} ([ ])`}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <Clock />
      {!playing && <span className="paused-badge">{t('time.paused')}</span>}
    </div>
  );
}
