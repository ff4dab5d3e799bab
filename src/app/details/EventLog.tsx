// The events tab: `kubectl get events` for the learner's namespace at the time cursor, filterable, each row
// linked to the object it names (selects it in the picture) and to its moment (moves the cursor there).
// Controller actions open into the rule and the numbers that caused them.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTime, shortHumanDuration, type Event } from '../../engine/index.ts';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { formatClock } from '../store/time-slice.ts';
import { explain, recordsForEvent, upstreamFunction, type FencepostSpec } from './why.ts';
import type { ViewSelection } from '../../view/cluster/frame.ts';

const MAX_ROWS = 200;
const NAMESPACE = 'default';

function lastSeen(e: Event): number {
  return parseTime(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp);
}

export function EventLog() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const frame = useAppState((s) => s.frame);
  useAppState((s) => Math.floor(s.elapsedMs / 1000));
  const [filter, setFilter] = useState('');
  const [warnings, setWarnings] = useState(false);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const cluster = runtime.cluster();
  const now = cluster.now();
  const q = filter.trim().toLowerCase();
  const all = cluster.api
    .list<Event>('Event', NAMESPACE)
    .map((e) => ({ e, at: lastSeen(e) }))
    .sort((a, b) => a.at - b.at || (a.e.metadata?.name ?? '').localeCompare(b.e.metadata?.name ?? ''));
  const rows = all.filter(({ e }) => {
    if (warnings && e.type !== 'Warning') return false;
    if (!q) return true;
    const obj = `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`.toLowerCase();
    return (
      (e.reason ?? '').toLowerCase().includes(q) ||
      obj.includes(q) ||
      (e.message ?? '').toLowerCase().includes(q)
    );
  });
  const shown = rows.slice(-MAX_ROWS);

  const specAt = (name: string, ms: number): FencepostSpec | undefined => {
    const series = runtime.history.deployments().get(`${NAMESPACE}/${name}`);
    const st = runtime.time.sessionTime(ms);
    let spec: FencepostSpec | undefined;
    for (const p of series?.points ?? []) if (p.t <= st) spec = p;
    return spec;
  };

  const selectObject = (e: Event) => {
    const kind = e.involvedObject.kind ?? '';
    const name = e.involvedObject.name ?? '';
    const list: { uid: string; name: string; namespace?: string }[] =
      kind === 'Pod'
        ? frame.pods
        : kind === 'Node'
          ? frame.nodes
          : kind === 'ReplicaSet'
            ? frame.replicaSets
            : kind === 'ReplicationController'
              ? (frame.replicationControllers ?? [])
              : kind === 'StatefulSet'
                ? (frame.statefulSets ?? [])
                : kind === 'Deployment'
                  ? frame.deployments
                  : [];
    const hit = list.find((o) => o.name === name);
    if (hit)
      runtime.store
        .getState()
        .select({ kind: kind as ViewSelection['kind'], name, uid: hit.uid, namespace: hit.namespace });
  };

  return (
    <div className="event-log" data-testid="event-log">
      <div className="event-tools">
        <label>
          <span className="visually-hidden">{t('events.filter')}</span>
          <input
            type="search"
            value={filter}
            placeholder={t('events.filterPlaceholder')}
            onChange={(ev) => setFilter(ev.target.value)}
            data-testid="event-filter"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={warnings} onChange={(ev) => setWarnings(ev.target.checked)} />{' '}
          {t('events.warningsOnly')}
        </label>
        {rows.length > shown.length && (
          <span className="muted">{t('events.more', { count: rows.length - shown.length })}</span>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('events.none')}</p>
      ) : (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
        <div className="event-scroll" tabIndex={0}>
          <table className="event-table">
            <thead>
              <tr>
                <th scope="col">{t('events.lastSeen')}</th>
                <th scope="col">{t('events.type')}</th>
                <th scope="col">{t('events.reason')}</th>
                <th scope="col">{t('events.object')}</th>
                <th scope="col">{t('events.message')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ e, at }) => {
                const id = e.metadata?.uid ?? e.metadata?.name ?? '';
                const why = recordsForEvent(cluster.trace.records, e, at);
                const isOpen = open.has(id);
                const kind = (e.involvedObject.kind ?? '').toLowerCase();
                const clock = formatClock(runtime.time.sessionTime(at));
                return (
                  <Fragment key={id}>
                    <tr className={e.type === 'Warning' ? 'warning' : undefined} data-reason={e.reason}>
                      <td>
                        <button
                          type="button"
                          className="linkish"
                          title={t('events.seek', { clock })}
                          aria-label={t('events.seek', { clock })}
                          onClick={() => {
                            runtime.store.getState().setPlaying(false);
                            runtime.seek(runtime.time.sessionTime(at));
                          }}
                        >
                          {shortHumanDuration(now - at)}
                        </button>
                      </td>
                      <td>{e.type}</td>
                      <td>{e.reason}</td>
                      <td>
                        <button type="button" className="linkish" onClick={() => selectObject(e)}>
                          {kind}/{e.involvedObject.name}
                        </button>
                      </td>
                      <td>
                        <span>{e.message}</span>
                        {why.length > 0 && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="why-toggle"
                              aria-expanded={isOpen}
                              aria-controls={`why-${id}`}
                              onClick={() => {
                                const next = new Set(open);
                                if (isOpen) next.delete(id);
                                else next.add(id);
                                setOpen(next);
                              }}
                            >
                              {t('events.why')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                    {isOpen && why.length > 0 && (
                      // The explanation spans the whole table: a sentence with numbers needs the width.
                      <tr className="why-row" id={`why-${id}`}>
                        <td colSpan={5}>
                          {why.map((r, i) => (
                            <div
                              key={i}
                              className="why"
                              data-testid="why"
                              data-rule={r.rule}
                              ref={(el) => {
                                // Once, when opened (the ref runs on every render).
                                if (!el || el.dataset.shown) return;
                                el.dataset.shown = '1';
                                el.scrollIntoView({ block: 'nearest' });
                              }}
                            >
                              <p>
                                {explain(
                                  (k, p) => t(k, p),
                                  r,
                                  r.object.kind === 'Deployment' ? specAt(r.object.name, r.time) : undefined,
                                )}
                              </p>
                              <p className="why-upstream">
                                {t('why.upstream', { fn: '' })}
                                <code title={r.upstream}>{upstreamFunction(r)}</code>{' '}
                                <span className="muted">({r.upstream.split(' ')[0]})</span>
                              </p>
                            </div>
                          ))}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
