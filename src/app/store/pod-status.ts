// The READY / STATUS / RESTARTS cells of `kubectl get pods`, so the picture names a pod's state with the very
// word the console prints. Age and the "(5s ago)" restart suffix are left to kubectl.
import type { ContainerStatus, Node, Pod } from '../../engine/index.ts';

export interface PodCells {
  ready: string;
  readyContainers: number;
  totalContainers: number;
  status: string;
  restarts: number;
}

const isRestartable = (c: { restartPolicy?: string } | undefined) => c?.restartPolicy === 'Always';

function terminatedReason(s: ContainerStatus, prefix: string): string {
  const t = s.state?.terminated;
  if (!t) return '';
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

// Models kubernetes/pkg/printers/internalversion/printers.go printPod
export function printPodCells(pod: Pod): PodCells {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers.length ?? 0;
  let readyContainers = 0;
  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const inits = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec?.initContainers ?? []) if (isRestartable(c)) totalContainers++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount;
    if (isRestartable(inits.get(c.name))) restartableInitRestarts += c.restartCount;
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (isRestartable(inits.get(c.name)) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (c.state?.terminated) reason = terminatedReason(c, 'Init:');
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = restartableInitRestarts;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated) reason = terminatedReason(c, '');
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';

  return {
    ready: `${readyContainers}/${totalContainers}`,
    readyContainers,
    totalContainers,
    status: reason,
    restarts,
  };
}

// Models kubernetes/pkg/printers/internalversion/printers.go printNode (the STATUS cell)
export function printNodeStatus(node: Node): string {
  const out: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) out.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (out.length === 0) out.push('Unknown');
  if (node.spec?.unschedulable) out.push('SchedulingDisabled');
  return out.join(',');
}
