// React owns the <svg>; the D3 view owns everything inside it. Frames are pushed straight from the store
// to the view (no React render per tick).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../runtime-context.ts';
import { useClusterView } from './useClusterView.ts';

export function ClusterView() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const ref = useRef<SVGSVGElement>(null);
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
      <desc id="cluster-desc">{t('cluster.desc')}</desc>
    </svg>
  );
}
