// The drain helper: lists the pods on a node, runs them through the filters, and evicts (or deletes) the
// ones to go, retrying evictions a PodDisruptionBudget refuses and waiting until each pod is gone, on the
// virtual clock.
import {
  goDuration,
  parseSelector,
  selectorMatches,
  type Cluster,
  type DaemonSet,
  type EvictionOptions,
  type Pod,
  type Stored,
} from '../../../engine/index.ts';
import {
  GoError,
  newAggregate,
  type DryRunStrategy,
  type KubectlError,
  type Output,
} from '../util/helpers.ts';
import { filterPods, makeFilters, shouldSkipPod, type PodDeleteList } from './filters.ts';
import { sleep, type Routine, type Scheduler, type Task } from './tasks.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go podSkipMsgTemplate
const podSkipMsg = (name: string, seconds: number) =>
  `pod "${name}" has DeletionTimestamp older than ${seconds} seconds, skipping\n`;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper
export interface Helper {
  cluster: Cluster;
  scheduler: Scheduler;
  out: Output;
  force: boolean;
  /** −1: the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  ignoreAllDaemonSets: boolean;
  /** 0: no global timeout. */
  timeoutMs: number;
  deleteEmptyDirData: boolean;
  podSelector: string;
  disableEviction: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  evictErrorRetryDelayMs: number;
  dryRunStrategy: DryRunStrategy;
  onPodDeletedOrEvicted(pod: Stored<Pod>, usingEviction: boolean): void;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper.makeDeleteOptions
function makeDeleteOptions(d: Helper): EvictionOptions {
  return {
    ...(d.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}),
    ...(d.dryRunStrategy === 'server' ? { dryRun: true } : {}),
  };
}

const podRef = (p: Stored<Pod>) => ({ ns: p.metadata.namespace ?? '', name: p.metadata.name });

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper.GetPodsForDeletion
export function getPodsForDeletion(
  d: Helper,
  nodeName: string,
): { list: PodDeleteList | undefined; errs: KubectlError[] | undefined } {
  const [selector, selErr] = parseSelector(d.podSelector);
  if (selErr) return { list: undefined, errs: [new GoError(selErr)] };
  const api = d.cluster.api;
  const pods = api
    .list<Pod>('Pod')
    .filter((p) => p.spec?.nodeName === nodeName && selectorMatches(selector, p.metadata.labels));
  const list = filterPods(
    pods,
    makeFilters({
      force: d.force,
      ignoreAllDaemonSets: d.ignoreAllDaemonSets,
      deleteEmptyDirData: d.deleteEmptyDirData,
      skipWaitForDeleteTimeoutSeconds: d.skipWaitForDeleteTimeoutSeconds,
      now: d.cluster.now(),
      daemonSetExists: (ns, name) => api.get<DaemonSet>('DaemonSet', ns, name) !== undefined,
    }),
  );
  const errs = list.errors();
  return { list, errs: errs.length > 0 ? errs.map((e) => new GoError(e)) : undefined };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper.DeleteOrEvictPods
export function* deleteOrEvictPods(d: Helper, pods: Stored<Pod>[]): Routine<KubectlError | undefined> {
  if (pods.length === 0) return undefined;
  if (!d.disableEviction) return yield* evictPods(d, pods);
  return yield* deletePods(d, pods);
}

/** The global timeout as Go prints a time.Duration (`30s`, `1m0s`). */
const timeoutText = (d: Helper) => goDuration(d.timeoutMs);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper.evictPods
function* evictPods(d: Helper, pods: Stored<Pod>[]): Routine<KubectlError | undefined> {
  const deadline = d.timeoutMs > 0 ? d.cluster.now() + d.timeoutMs : undefined;
  const errors: KubectlError[] = [];
  const tasks: Task[] = [];
  for (const pod of pods) {
    tasks.push(
      d.scheduler.go(evictOne(d, pod, deadline), (err) => {
        if (err) errors.push(err);
      }),
    );
  }
  yield { join: tasks };
  return newAggregate(errors);
}

/** One eviction goroutine of evictPods. */
function* evictOne(
  d: Helper,
  pod: Stored<Pod>,
  deadline: number | undefined,
): Routine<KubectlError | undefined> {
  const api = d.cluster.api;
  let active = pod;
  for (;;) {
    const { ns, name } = podRef(active);
    d.out.out(`evicting pod ${ns}/${name}${d.dryRunStrategy === 'server' ? ' (server dry run)' : ''}\n`);
    if (deadline !== undefined && d.cluster.now() >= deadline) {
      return new GoError(
        `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${timeoutText(d)}`,
      );
    }
    const [, err] = d.cluster.evict(ns, name, makeDeleteOptions(d));
    if (!err) break;
    if (err.reason === 'NotFound') return undefined;
    if (err.reason === 'TooManyRequests') {
      d.out.err(
        `error when evicting pods/"${name}" -n "${ns}" (will retry after ${goDuration(d.evictErrorRetryDelayMs)}): ${err.message}\n`,
      );
      yield sleep(d.evictErrorRetryDelayMs);
    } else {
      return new GoError(`error when evicting pods/"${name}" -n "${ns}": ${err.message}`);
    }
    const fresh = api.get<Pod>('Pod', ns, name);
    if (fresh) active = fresh;
  }
  if (d.dryRunStrategy === 'server') return undefined;
  const { err } = yield* waitForDelete(d, [active], true, deadline);
  if (err) {
    const { ns, name } = podRef(pod);
    return new GoError(`error when waiting for pod "${name}" in namespace "${ns}" to terminate: ${err}`);
  }
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go Helper.deletePods
function* deletePods(d: Helper, pods: Stored<Pod>[]): Routine<KubectlError | undefined> {
  for (const pod of pods) {
    const { ns, name } = podRef(pod);
    const [, err] = d.cluster.api.delete('Pod', ns, name, makeDeleteOptions(d));
    if (err && err.reason !== 'NotFound') return err;
  }
  if (d.dryRunStrategy === 'server') return undefined;
  const deadline = d.timeoutMs > 0 ? d.cluster.now() + d.timeoutMs : undefined;
  const { err } = yield* waitForDelete(d, pods, false, deadline);
  return err ? new GoError(err) : undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/drain/drain.go waitForDelete
/**
 * Polls every second, the first time at once, until every pod is gone or replaced by a pod of the same name
 * (another UID). The context's deadline ends the wait with `context deadline exceeded`.
 */
function* waitForDelete(
  d: Helper,
  initial: Stored<Pod>[],
  usingEviction: boolean,
  deadline: number | undefined,
): Routine<{ pods: Stored<Pod>[]; err?: string }> {
  const intervalMs = 1000;
  let pods = initial;
  const condition = (): boolean => {
    const pending: Stored<Pod>[] = [];
    for (const pod of pods) {
      const { ns, name } = podRef(pod);
      const p = d.cluster.api.get<Pod>('Pod', ns, name);
      if (!p || p.metadata.uid !== pod.metadata.uid) {
        d.onPodDeletedOrEvicted(pod, usingEviction);
        continue;
      }
      if (shouldSkipPod(p, d.skipWaitForDeleteTimeoutSeconds, d.cluster.now())) {
        d.out.out(podSkipMsg(name, d.skipWaitForDeleteTimeoutSeconds));
        continue;
      }
      pending.push(pod);
    }
    pods = pending;
    return pods.length === 0;
  };
  if (condition()) return { pods };
  let next = d.cluster.now() + intervalMs;
  for (;;) {
    const wake = deadline !== undefined ? Math.min(next, deadline) : next;
    yield sleep(wake - d.cluster.now());
    if (deadline !== undefined && d.cluster.now() >= deadline) {
      return { pods, err: 'context deadline exceeded' };
    }
    if (condition()) return { pods };
    next += intervalMs;
  }
}
