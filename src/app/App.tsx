// One screen (product.md): top bar; tutorial on the left; the cluster picture and the console on the right.
import { RuntimeContext } from './runtime-context.ts';
import type { Runtime } from './runtime.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { TopBar } from './controls/TopBar.tsx';
import { Timeline } from './controls/Timeline.tsx';
import { HelpDialog } from './controls/HelpDialog.tsx';
import { TutorialPanel } from './tutorial/TutorialPanel.tsx';
import { ClusterPane } from './cluster/ClusterPane.tsx';
import { Console } from './console/Console.tsx';
import { EditorDialog } from './console/EditorDialog.tsx';
import { useShortcuts } from './useShortcuts.ts';

export function App({ runtime }: { runtime: Runtime }) {
  useShortcuts(runtime);
  return (
    <RuntimeContext.Provider value={runtime}>
      <div className="app">
        <ErrorBoundary name="topbar">
          <TopBar />
        </ErrorBoundary>
        <ErrorBoundary name="timeline">
          <Timeline />
        </ErrorBoundary>
        <main className="main">
          <ErrorBoundary name="tutorial">
            <TutorialPanel />
          </ErrorBoundary>
          <div className="work">
            <ClusterPane />
            <ErrorBoundary name="console">
              <Console />
            </ErrorBoundary>
          </div>
        </main>
        <HelpDialog />
        <EditorDialog />
      </div>
    </RuntimeContext.Provider>
  );
}
