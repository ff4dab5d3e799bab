// The picture as text, for screen readers (visually hidden).
import { useTranslation } from 'react-i18next';
import { useAppState } from '../runtime-context.ts';
import { pdbSummary } from '../../view/cluster/pdb-card.ts';
import { claimRow, podRevisionCell, rcRow, revisionHeaderKey, stsRow } from './table-rows.ts';

export function ClusterTable() {
  const { t } = useTranslation();
  const frame = useAppState((s) => s.frame);
  return (
    <table className="visually-hidden" data-testid="cluster-table">
      <caption>
        {t('cluster.tableCaption')} —{' '}
        {t('cluster.summary', { nodes: frame.nodes.length, pods: frame.pods.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('cluster.colKind')}</th>
          <th scope="col">{t('cluster.colName')}</th>
          <th scope="col">{t('cluster.colStatus')}</th>
          <th scope="col">{t('cluster.colNode')}</th>
          <th scope="col">{t(revisionHeaderKey(frame))}</th>
          <th scope="col">{t('cluster.colReady')}</th>
        </tr>
      </thead>
      <tbody>
        {frame.deployments.map((d) => (
          <tr key={d.uid}>
            <td>Deployment</td>
            <td>{d.name}</td>
            <td>{`${d.strategy} maxSurge=${d.maxSurge} maxUnavailable=${d.maxUnavailable}`}</td>
            <td />
            <td>{d.revision ?? ''}</td>
            <td>{`${d.ready}/${d.replicas}`}</td>
          </tr>
        ))}
        {frame.replicaSets.map((r) => (
          <tr key={r.uid}>
            <td>ReplicaSet</td>
            <td>{r.name}</td>
            <td>{t('view.rsCounts', { desired: r.desired, current: r.current, ready: r.ready })}</td>
            <td />
            <td>{r.revision ?? ''}</td>
            <td>{`${r.ready}/${r.desired}`}</td>
          </tr>
        ))}
        {(frame.replicationControllers ?? []).map((r) => (
          <tr key={r.uid}>
            {rcRow(r, (key, params) => t(key, params)).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
        {(frame.statefulSets ?? []).map((r) => (
          <tr key={r.uid}>
            {stsRow(r, (key, params) => t(key, params)).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
        {(frame.claims ?? []).map((c) => (
          <tr key={`pvc/${c.name}`}>
            {claimRow(c, (key, params) => t(key, params)).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
        {(frame.pdbs ?? []).map((b) => (
          <tr key={b.uid}>
            <td>PodDisruptionBudget</td>
            <td>{b.name}</td>
            <td>{pdbSummary(b, (key, params) => t(key, params))}</td>
            <td />
            <td />
            <td>{`${b.currentHealthy}/${b.expectedPods}`}</td>
          </tr>
        ))}
        {frame.nodes.map((n) => (
          <tr key={n.uid}>
            <td>Node</td>
            <td>{n.name}</td>
            <td>{n.status}</td>
            <td />
            <td />
            <td />
          </tr>
        ))}
        {frame.pods.map((p) => (
          <tr key={p.uid}>
            <td>Pod</td>
            <td>{p.name}</td>
            <td>{p.status}</td>
            <td>{p.node ?? ''}</td>
            <td>{podRevisionCell(p)}</td>
            <td>{p.readyText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
