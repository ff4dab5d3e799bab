// `#/bench?pods=200`: the cluster view alone, full window, rolling N Pods. The result is shown and also put
// on `window.__rolloutLabBench` for bench/view.ts.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterView } from '../cluster/useClusterView.ts';
import { setupBench, type BenchResult } from './bench-run.ts';

declare global {
  interface Window {
    __rolloutLabBench?: BenchResult;
  }
}

export default function BenchPage({ pods }: { pods: number }) {
  const { t } = useTranslation();
  const [bench] = useState(() => setupBench(pods));
  const [result, setResult] = useState<BenchResult | null>(null);
  const ref = useRef<SVGSVGElement>(null);
  useClusterView(bench.store, ref);
  useEffect(() => {
    let cancelled = false;
    const start = window.setTimeout(() => {
      void bench.run(5000).then((r) => {
        if (cancelled) return;
        window.__rolloutLabBench = r;
        setResult(r);
      });
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(start);
    };
  }, [bench]);
  return (
    <main className="bench">
      <h1 className="visually-hidden">{t('bench.title')}</h1>
      <svg
        ref={ref}
        className="cluster-svg"
        role="img"
        aria-label={t('bench.title')}
        style={{ position: 'fixed' }}
      />
      {result && (
        <pre
          data-testid="bench-result"
          style={{ position: 'fixed', right: 8, bottom: 8, background: '#fff', padding: 8, margin: 0 }}
        >
          {JSON.stringify(result, null, 2)}
        </pre>
      )}
    </main>
  );
}
