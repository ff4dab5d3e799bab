// React owns the <svg>; the D3 view owns everything inside it. Frames are pushed straight from the store
// to the view (no React render per tick).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { useClusterView } from './useClusterView.ts';

export function ClusterView() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const ref = useRef<SVGSVGElement>(null);
  // The description names ReplicationControllers and their `rc1` labels only when the picture has some.
  const hasRc = useAppState((s) => (s.frame.replicationControllers ?? []).length > 0);
  useClusterView(runtime.store, ref);
  return (
    <svg
      ref={ref}
      className="cluster-svg"
      role="img"
      aria-labelledby="cluster-title cluster-desc"
      data-testid="cluster-svg"
    >
      <title id="cluster-title">{t('cluster.title')}</title>
      <desc id="cluster-desc">{t(hasRc ? 'cluster.descRc' : 'cluster.desc')}</desc>
    </svg>
  );
}
