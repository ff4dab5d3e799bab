// Which pods `kubectl drain` evicts, skips, warns about or refuses: the filter chain of kubectl's drain
// package and the grouping of its verdicts into one warning line and one error per message.
import { controllerRef, parseTime, type Pod, type Stored } from '../../../engine/index.ts';

export const daemonSetFatal = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const daemonSetWarning = 'ignoring DaemonSet-managed Pods';
export const localStorageFatal = 'Pods with local storage (use --delete-emptydir-data to override)';
export const localStorageWarning = 'deleting Pods with local storage';
export const unmanagedFatal = 'cannot delete Pods that declare no controller (use --force to override)';
export const unmanagedWarning = 'deleting Pods that declare no controller';

export type PodDeleteReason = 'Okay' | 'Skip' | 'Warning' | 'Error';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteStatus
export interface PodDeleteStatus {
  delete: boolean;
  reason: PodDeleteReason;
  message: string;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDelete
export interface PodDelete {
  pod: Stored<Pod>;
  status: PodDeleteStatus;
}

export type PodFilter = (pod: Stored<Pod>) => PodDeleteStatus;

const okay = (): PodDeleteStatus => ({ delete: true, reason: 'Okay', message: '' });
const skip = (): PodDeleteStatus => ({ delete: false, reason: 'Skip', message: '' });
const warning = (del: boolean, message: string): PodDeleteStatus => ({
  delete: del,
  reason: 'Warning',
  message,
});
const error = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

/** What the filters need to know besides the pod. */
export interface FilterOptions {
  force: boolean;
  ignoreAllDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  /** Virtual now (Unix ms). */
  now: number;
  /** Whether the DaemonSet exists (client.AppsV1().DaemonSets(ns).Get). */
  daemonSetExists(namespace: string, name: string): boolean;
}

/**
 * Go ranges over maps in random order; the simulator keeps the order in which each message was first met
 * (pods come in namespace/name order), so output is stable.
 */
function groupByMessage(items: readonly PodDelete[], reason: PodDeleteReason): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const i of items) {
    if (i.status.reason !== reason) continue;
    const msg = reason === 'Error' && i.status.message === '' ? 'unexpected error' : i.status.message;
    const list = groups.get(msg) ?? [];
    list.push(`${i.pod.metadata.namespace ?? ''}/${i.pod.metadata.name}`);
    groups.set(msg, list);
  }
  return groups;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteList
export class PodDeleteList {
  constructor(readonly items: PodDelete[]) {}

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteList.Pods
  pods(): Stored<Pod>[] {
    return this.items.filter((i) => i.status.delete).map((i) => i.pod);
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteList.Warnings
  warnings(): string {
    return [...groupByMessage(this.items, 'Warning')]
      .map(([msg, pods]) => `${msg}: ${pods.join(', ')}`)
      .join('; ');
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go PodDeleteList.errors
  errors(): string[] {
    return [...groupByMessage(this.items, 'Error')].map(([msg, pods]) =>
      msg.toLowerCase().startsWith('cannot delete')
        ? `${msg}: ${pods.join(', ')}`
        : `cannot delete ${msg}: ${pods.join(', ')}`,
    );
  }
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go hasLocalStorage
function hasLocalStorage(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go shouldSkipPod
export function shouldSkipPod(pod: Pod, skipDeletedTimeoutSeconds: number, now: number): boolean {
  const ts = pod.metadata?.deletionTimestamp;
  return (
    skipDeletedTimeoutSeconds > 0 &&
    ts !== undefined &&
    Math.trunc((now - parseTime(ts)) / 1000) > skipDeletedTimeoutSeconds
  );
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.makeFilters
export function makeFilters(o: FilterOptions): PodFilter[] {
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.skipDeletedFilter
  const skipDeletedFilter: PodFilter = (pod) =>
    shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, o.now) ? skip() : okay();

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.daemonSetFilter
  const daemonSetFilter: PodFilter = (pod) => {
    const ref = controllerRef(pod);
    if (!ref || ref.kind !== 'DaemonSet') return okay();
    if (finished(pod)) return okay();
    if (!o.daemonSetExists(pod.metadata.namespace ?? '', ref.name)) {
      const msg = `daemonsets.apps "${ref.name}" not found`;
      return o.force ? warning(true, msg) : error(msg);
    }
    if (!o.ignoreAllDaemonSets) return error(daemonSetFatal);
    return warning(false, daemonSetWarning);
  };

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.mirrorPodFilter
  const mirrorPodFilter: PodFilter = (pod) =>
    pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? skip() : okay();

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.localStorageFilter
  const localStorageFilter: PodFilter = (pod) => {
    if (!hasLocalStorage(pod)) return okay();
    if (finished(pod)) return okay();
    if (!o.deleteEmptyDirData) return error(localStorageFatal);
    return warning(true, localStorageWarning);
  };

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/filters.go Helper.unreplicatedFilter
  const unreplicatedFilter: PodFilter = (pod) => {
    if (finished(pod)) return okay();
    if (controllerRef(pod)) return okay();
    if (o.force) return warning(true, unmanagedWarning);
    return error(unmanagedFatal);
  };

  return [skipDeletedFilter, daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go filterPods
/** Every pod with the verdict of the last filter it reached (a later Okay drops an earlier warning). */
export function filterPods(pods: readonly Stored<Pod>[], filters: readonly PodFilter[]): PodDeleteList {
  const items: PodDelete[] = [];
  for (const pod of pods) {
    let status = okay();
    for (const f of filters) {
      status = f(pod);
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  return new PodDeleteList(items);
}
