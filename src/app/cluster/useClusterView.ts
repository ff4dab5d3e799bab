// Creates the D3 cluster view on an <svg> React owns, and pushes frames and selection to it from the store.
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { createClusterView } from '../../view/cluster/cluster-view.ts';
import type { AppStore } from '../store/store.ts';

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  );
}

export function useClusterView(store: AppStore, svg: RefObject<SVGSVGElement | null>): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const view = createClusterView({
      svg: el,
      onSelect: (sel) => store.getState().select(sel),
      t: (key, params) => t(key, params),
      reducedMotion: prefersReducedMotion(),
    });
    const box = el.getBoundingClientRect();
    view.resize({ width: Math.round(box.width), height: Math.round(box.height) });
    view.update(store.getState().frame);
    view.select(store.getState().selection?.uid ?? null);
    const unsub = store.subscribe((s, prev) => {
      if (s.frame !== prev.frame) view.update(s.frame);
      if (s.selection !== prev.selection) view.select(s.selection?.uid ?? null);
    });
    const ro = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (r && r.width > 0 && r.height > 0)
        view.resize({ width: Math.round(r.width), height: Math.round(r.height) });
    });
    ro.observe(el);
    return () => {
      unsub();
      ro.disconnect();
      view.destroy();
    };
    // The view is rebuilt when the language changes so its words follow.
  }, [store, svg, t, i18n.language]);
}
