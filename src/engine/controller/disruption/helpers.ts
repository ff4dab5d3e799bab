// PodDisruptionBudget condition helpers shared by the disruption controller and the eviction subresource.
import type { Condition, PodDisruptionBudget } from '../../api/types.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';

// Models kubernetes/staging/src/k8s.io/api/policy/v1/types.go DisruptionAllowedCondition and its reasons
export const disruptionAllowedCondition = 'DisruptionAllowed';
export const syncFailedReason = 'SyncFailed';
export const sufficientPodsReason = 'SufficientPods';
export const insufficientPodsReason = 'InsufficientPods';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/meta/conditions.go SetStatusCondition
/** Sets `c` in `conditions` (a new array), keeping lastTransitionTime when the status does not change. */
export function setStatusCondition(
  conditions: readonly Condition[] | undefined,
  c: Omit<Condition, 'lastTransitionTime'>,
  now: number,
): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((x) => x.type === c.type);
  const old = i >= 0 ? list[i] : undefined;
  const next: Condition = {
    type: c.type,
    status: c.status,
    ...(c.observedGeneration ? { observedGeneration: c.observedGeneration } : {}),
    lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : formatRFC3339(now),
    reason: c.reason,
    message: c.message,
  };
  if (i >= 0) list[i] = next;
  else list.push(next);
  return list;
}

// Models kubernetes/staging/src/k8s.io/component-helpers/apps/poddisruptionbudget/helpers.go UpdateDisruptionAllowedCondition
/** Sets the DisruptionAllowed condition from status.disruptionsAllowed (mutates `pdb.status`). */
export function updateDisruptionAllowedCondition(pdb: PodDisruptionBudget, now: number): void {
  const status = pdb.status!;
  const allowed = status.disruptionsAllowed > 0;
  status.conditions = setStatusCondition(
    status.conditions,
    {
      type: disruptionAllowedCondition,
      status: allowed ? 'True' : 'False',
      reason: allowed ? sufficientPodsReason : insufficientPodsReason,
      message: '',
      ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}),
    },
    now,
  );
}

// Models kubernetes/staging/src/k8s.io/component-helpers/apps/poddisruptionbudget/helpers.go ConditionsAreUpToDate
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const status = pdb.status;
  const cond = status?.conditions?.find((c) => c.type === disruptionAllowedCondition);
  if (!status || !cond) return false;
  if ((status.observedGeneration ?? 0) !== (pdb.metadata?.generation ?? 0)) return false;
  if (status.disruptionsAllowed > 0) return cond.status === 'True' && cond.reason === sufficientPodsReason;
  return cond.status === 'False' && cond.reason === insufficientPodsReason;
}
