// The Services tab: each Service of the learner's namespace at the time cursor (TYPE, CLUSTER-IP, PORT(S) as
// `kubectl get svc`), and per Pod whether it receives the Service's traffic (a Ready address of its Endpoints)
// or is left out and why. A Pod name selects it in the picture; the selected Pod's rows are marked.
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { servicesOf, type EndpointRow } from './services-data.ts';

const NAMESPACE = 'default';

export function ServicesPanel() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const frame = useAppState((s) => s.frame);
  // Services and Endpoints are not in the frame: re-read at every cursor move and after every command.
  useAppState((s) => s.elapsedMs);
  useAppState((s) => s.chunks.length);
  const selection = useAppState((s) => s.selection);
  const services = servicesOf(runtime.cluster(), NAMESPACE);

  const select = (name: string) => {
    const pod = frame.pods.find((p) => p.name === name && p.namespace === NAMESPACE);
    if (pod) runtime.store.getState().select({ kind: 'Pod', name, namespace: NAMESPACE, uid: pod.uid });
  };
  const selectedPod = selection?.kind === 'Pod' ? selection.name : null;

  const podCell = (r: EndpointRow) => {
    if (!r.pod) return <span className="muted">—</span>;
    const known = frame.pods.some((p) => p.name === r.pod && p.namespace === NAMESPACE);
    if (!known) return r.pod;
    const name = r.pod;
    return (
      <button
        type="button"
        className="linkish"
        aria-pressed={selectedPod === name}
        onClick={() => select(name)}
        title={t('services.selectPod')}
      >
        {name}
      </button>
    );
  };

  if (services.length === 0)
    return (
      <div className="services-tab" data-testid="services-panel">
        <p className="muted">{t('services.none', { namespace: NAMESPACE })}</p>
      </div>
    );

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
    <div className="services-tab" data-testid="services-panel" tabIndex={0}>
      {services.map((svc) => {
        const receiving = svc.endpoints.filter((e) => e.state === 'ready').length;
        const excluded = svc.endpoints.length - receiving;
        const headId = `svc-${svc.name}`;
        return (
          <section
            key={svc.name}
            className="svc"
            aria-labelledby={headId}
            data-testid={`service-${svc.name}`}
          >
            <h3 id={headId} className="svc-head">
              <span className="svc-name">{svc.name}</span>
              <span className="svc-meta">
                {t('services.type')} <strong>{svc.type}</strong> · {t('services.clusterIP')}{' '}
                <strong>{svc.clusterIP}</strong> · {t('services.ports')}{' '}
                <strong>{svc.ports || '<none>'}</strong>
                {svc.selector !== null && (
                  <>
                    {' '}
                    · {t('services.selector')} <strong>{svc.selector}</strong>
                  </>
                )}
              </span>
            </h3>
            <p className="svc-summary">
              {svc.selector === null
                ? t('services.noSelector')
                : !svc.hasEndpoints
                  ? t('services.noEndpoints')
                  : t('services.summary', { receiving, excluded, ports: svc.targetPorts || '—' })}
            </p>
            {svc.endpoints.length > 0 && (
              <table className="svc-table">
                <thead>
                  <tr>
                    <th scope="col">{t('services.pod')}</th>
                    <th scope="col">{t('services.address')}</th>
                    <th scope="col">{t('services.node')}</th>
                    <th scope="col">{t('services.traffic')}</th>
                  </tr>
                </thead>
                <tbody>
                  {svc.endpoints.map((r) => (
                    <tr
                      key={`${r.state}/${r.ip}/${r.pod ?? ''}`}
                      className={`ep-${r.state}${r.pod !== null && r.pod === selectedPod ? ' selected' : ''}`}
                      data-state={r.state}
                      data-pod={r.pod ?? undefined}
                    >
                      <td>{podCell(r)}</td>
                      <td>{r.ip || '—'}</td>
                      <td>{r.node ?? '—'}</td>
                      <td>
                        <span className={`ep-badge ep-badge-${r.state}`}>
                          {t(`services.state.${r.state}`)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
