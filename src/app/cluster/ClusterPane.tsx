import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { ClusterView } from './ClusterView.tsx';
import { ClusterTable } from './ClusterTable.tsx';
import { Inspector } from './Inspector.tsx';
import { Legend } from './Legend.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { DetailsTabs } from '../details/DetailsTabs.tsx';

export function ClusterPane() {
  const { t } = useTranslation();
  return (
    <section className="cluster-pane" aria-label={t('cluster.region')}>
      <ErrorBoundary name="cluster-view">
        <div className="cluster-stage">
          <div className="svg-wrap">
            <ClusterView />
          </div>
          <ErrorBoundary name="inspector">
            <Inspector />
          </ErrorBoundary>
        </div>
      </ErrorBoundary>
      <DetailsTabs />
      <Legend />
      <ClusterTable />
      <LiveRegion />
    </section>
  );
}
