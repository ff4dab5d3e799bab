// Picks the page from the URL hash: the tutorial (default) or the view benchmark.
import { lazy, Suspense, useEffect, useState } from 'react';
import { App } from './App.tsx';
import { createRuntime, type Runtime } from './runtime.ts';
import { parseHash, formatHash, type Route } from './tutorial/hash.ts';
import { scenarios } from '../scenarios/index.ts';

const BenchPage = lazy(() => import('./bench/BenchPage.tsx'));

function TutorialApp({ route }: { route: Extract<Route, { kind: 'scenario' }> }) {
  const [runtime] = useState<Runtime>(() =>
    createRuntime({
      scenarioId: route.scenario,
      step: route.step,
      timeMs: route.timeMs,
      setHash: (hash) => {
        if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
      },
      requestFrame: (cb) => window.requestAnimationFrame(cb),
      cancelFrame: (id) => window.cancelAnimationFrame(id),
    }),
  );
  useEffect(() => {
    runtime.playback.start();
    return () => runtime.playback.stop();
  }, [runtime]);
  // A hash edited by hand (or Back in the browser) moves to that step, and to its time `t` when it has one.
  useEffect(() => {
    const onHash = () => {
      const r = parseHash(window.location.hash);
      if (r.kind !== 'scenario' || r.scenario !== runtime.scenario.id) return;
      if (r.step !== runtime.store.getState().step) runtime.goToStep(r.step);
      if (r.timeMs !== undefined && r.timeMs !== runtime.store.getState().elapsedMs) runtime.openAt(r.timeMs);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [runtime]);
  return <App runtime={runtime} />;
}

export function Root() {
  const [route] = useState<Route>(() => {
    const r = parseHash(window.location.hash);
    if (r.kind === 'home') {
      const home: Route = { kind: 'scenario', scenario: scenarios[0]!.id, step: 0 };
      window.history.replaceState(null, '', formatHash(home));
      return home;
    }
    return r;
  });
  if (route.kind === 'bench')
    return (
      <Suspense fallback={null}>
        <BenchPage pods={route.pods} />
      </Suspense>
    );
  if (route.kind === 'scenario') return <TutorialApp route={route} />;
  return null;
}
