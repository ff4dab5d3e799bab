// The pods/eviction subresource (policy/v1 Eviction): a pod delete that honours PodDisruptionBudgets.
// Differences from upstream: the apiserver is synchronous, so there are no conflicts to retry (EvictionsRetry)
// and no resourceVersion preconditions are needed.
import type { Pod, PodCondition, PodDisruptionBudget, Stored } from '../api/types.ts';
import type { VirtualClock } from '../clock/clock.ts';
import { isPodReady } from '../api/pod-util.ts';
import { labelSelectorAsSelector, selectorMatches } from '../apimachinery/labels.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { updateDisruptionAllowedCondition } from '../controller/disruption/helpers.ts';
import type { ApiServer } from './apiserver.ts';
import { ApiError, notFound, type Result } from './errors.ts';

export interface EvictionOptions {
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go MaxDisruptedPodSize
export const maxDisruptedPodSize = 2000;

// Models kubernetes/staging/src/k8s.io/api/policy/v1/types.go DisruptionBudgetCause
const disruptionBudgetCause = 'DisruptionBudget';

const violationMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

interface EvictionContext {
  api: ApiServer;
  clock: VirtualClock;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewTooManyRequests
function newTooManyRequests(message: string, retryAfterSeconds: number, cause: string): ApiError {
  return new ApiError('TooManyRequests', 429, message, {
    kind: '',
    name: '',
    retryAfterSeconds,
    statusCauses: [{ type: disruptionBudgetCause, message: cause }],
  });
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go createTooManyRequestsError
function createTooManyRequestsError(name: string): ApiError {
  return newTooManyRequests(
    violationMessage,
    10,
    `The disruption budget ${name} is still being processed by the server.`,
  );
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewForbidden
function pdbForbidden(name: string, reason: string): ApiError {
  return new ApiError('Forbidden', 403, `poddisruptionbudget.policy "${name}" is forbidden: ${reason}`, {
    kind: 'poddisruptionbudget',
    name,
    group: 'policy',
  });
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go canIgnorePDB
function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp
  );
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go EvictionREST.getPodDisruptionBudgets
function getPodDisruptionBudgets(api: ApiServer, pod: Stored<Pod>): Stored<PodDisruptionBudget>[] {
  const out: Stored<PodDisruptionBudget>[] = [];
  for (const pdb of api.list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace)) {
    const sel = labelSelectorAsSelector(pdb.spec?.selector);
    // A nil or empty selector matches nothing here (unlike in the disruption controller).
    if (!sel || sel.length === 0 || !selectorMatches(sel, pod.metadata.labels)) continue;
    out.push(pdb);
  }
  return out;
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go EvictionREST.checkAndDecrement
function checkAndDecrement(
  ctx: EvictionContext,
  podName: string,
  stored: Stored<PodDisruptionBudget>,
  dryRun: boolean,
): ApiError | null {
  const status = stored.status ?? {
    disruptionsAllowed: 0,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
  };
  if ((status.observedGeneration ?? 0) < (stored.metadata.generation ?? 0))
    return createTooManyRequestsError(stored.metadata.name);
  if (status.disruptionsAllowed < 0)
    return pdbForbidden(stored.metadata.name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > maxDisruptedPodSize)
    return pdbForbidden(
      stored.metadata.name,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  if (status.disruptionsAllowed === 0)
    return newTooManyRequests(
      violationMessage,
      0,
      `The disruption budget ${stored.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
    );
  const pdb: PodDisruptionBudget = { ...stored, status: { ...status } };
  pdb.status!.disruptionsAllowed--;
  const now = ctx.clock.now();
  if (pdb.status!.disruptionsAllowed === 0) updateDisruptionAllowedCondition(pdb, now);
  if (dryRun) return null;
  pdb.status!.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: formatRFC3339(now) };
  const [, err] = ctx.api.update(pdb, { status: true });
  return err;
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go addConditionAndDeletePod
/** Marks the pod with the DisruptionTarget condition (status subresource), then deletes it. */
function addConditionAndDeletePod(
  ctx: EvictionContext,
  pod: Stored<Pod>,
  deleteOptions: { gracePeriodSeconds?: number; dryRun?: boolean },
): Result<Stored<Pod>> {
  const { namespace, name } = pod.metadata;
  if (!deleteOptions.dryRun) {
    const conditions = updatePodCondition(pod.status?.conditions ?? [], {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: formatRFC3339(ctx.clock.now()),
    });
    if (conditions) ctx.api.update({ ...pod, status: { ...pod.status, conditions } }, { status: true });
  }
  return ctx.api.delete('Pod', namespace, name, deleteOptions) as Result<Stored<Pod>>;
}

// Models kubernetes/pkg/api/v1/pod/util.go UpdatePodCondition
/**
 * The conditions with `c` set: replaced where its type is (keeping lastTransitionTime when the status does not
 * change), else appended. Undefined when nothing changes.
 */
export function updatePodCondition(conditions: PodCondition[], c: PodCondition): PodCondition[] | undefined {
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i < 0) return [...conditions, c];
  const old = conditions[i]!;
  const next = {
    ...c,
    lastTransitionTime: c.status === old.status ? old.lastTransitionTime : c.lastTransitionTime,
  };
  if (
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    old.lastTransitionTime === next.lastTransitionTime
  )
    return undefined;
  return conditions.map((x, j) => (j === i ? next : x));
}

// Models kubernetes/pkg/registry/core/pod/storage/eviction.go EvictionREST.Create
/** POST pods/<name>/eviction (policy/v1, EvictionREST.Create): deletes the pod gracefully unless a PodDisruptionBudget forbids it. */
export function evictPod(
  ctx: EvictionContext,
  namespace: string,
  name: string,
  opts: EvictionOptions = {},
): Result<Stored<Pod>> {
  const pod = ctx.api.get<Pod>('Pod', namespace, name);
  if (!pod) return [null, notFound('pods', name)];
  const deleteOptions = {
    ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}),
    ...(opts.dryRun ? { dryRun: true } : {}),
  };
  const deletePod = (): Result<Stored<Pod>> => addConditionAndDeletePod(ctx, pod, deleteOptions);
  if (canIgnorePDB(pod)) return deletePod();

  const pdbs = getPodDisruptionBudgets(ctx.api, pod);
  if (pdbs.length > 1) {
    return [
      null,
      new ApiError(
        '',
        500,
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      ),
    ];
  }
  const pdb = pdbs[0];
  if (pdb && !isPodReady(pod)) {
    // An unhealthy pod does not count towards currentHealthy: deleting it leaves the budget as it is.
    const status = pdb.status;
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return deletePod();
    if (status && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0)
      return deletePod();
  }
  if (pdb) {
    const err = checkAndDecrement(ctx, pod.metadata.name, pdb, !!opts.dryRun);
    if (err) return [null, err];
  }
  return deletePod();
}
