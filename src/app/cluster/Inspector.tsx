// `kubectl describe` of whatever is selected in the picture, refreshed as virtual time passes.
import { useTranslation } from 'react-i18next';
import type { Node } from '../../engine/index.ts';
import { useAppState, useRuntime } from '../runtime-context.ts';

/** Power a node off or on. Every UI action is also a command: it is typed into the console. */
function NodePower({ name, running }: { name: string; running: boolean }) {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const command = `sim node ${running ? 'stop' : 'start'} ${name}`;
  return (
    <button
      type="button"
      className="small"
      title={command}
      data-testid="node-power"
      onClick={() => runtime.runCommand(command)}
    >
      {running ? t('inspector.stopNode') : t('inspector.startNode')}
    </button>
  );
}

/** Cordon or uncordon a node, and drain it (DaemonSet Pods ignored, as for any node here), as commands. */
function NodeMaintenance({ name, unschedulable }: { name: string; unschedulable: boolean }) {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const cordon = `kubectl ${unschedulable ? 'uncordon' : 'cordon'} ${name}`;
  const drain = `kubectl drain ${name} --ignore-daemonsets`;
  return (
    <>
      <button
        type="button"
        className="small"
        title={cordon}
        data-testid="node-cordon"
        onClick={() => runtime.runCommand(cordon)}
      >
        {unschedulable ? t('inspector.uncordonNode') : t('inspector.cordonNode')}
      </button>
      <button
        type="button"
        className="small"
        title={drain}
        data-testid="node-drain"
        onClick={() => runtime.runCommand(drain)}
      >
        {t('inspector.drainNode')}
      </button>
    </>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const selection = useAppState((s) => s.selection);
  // Re-describe when the picture changes or a virtual second passes (ages in the text move on).
  useAppState((s) => s.frame);
  useAppState((s) => Math.floor(s.elapsedMs / 1000));
  if (!selection) return null;
  let text: string | null = null;
  try {
    text = runtime.describe(selection);
  } catch {
    text = null;
  }
  const kind = selection.kind.toLowerCase();
  return (
    <aside className="inspector" aria-labelledby="inspector-title">
      <div className="inspector-head">
        <h2 id="inspector-title">
          <code>{t('inspector.title', { kind, name: selection.name })}</code>
        </h2>
        {selection.kind === 'Node' && (
          <>
            <NodeMaintenance
              name={selection.name}
              unschedulable={
                runtime.cluster().api.get<Node>('Node', undefined, selection.name)?.spec?.unschedulable ===
                true
              }
            />
            <NodePower name={selection.name} running={runtime.cluster().nodeRunning(selection.name)} />
          </>
        )}
        <button type="button" className="small" onClick={() => runtime.store.getState().select(null)}>
          {t('inspector.close')}
        </button>
      </div>
      {/* Scrollable, so keyboard users must be able to reach it (axe scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className="inspector-text" tabIndex={0} data-testid="inspector-text">
        {text ?? t('inspector.gone')}
      </pre>
    </aside>
  );
}
