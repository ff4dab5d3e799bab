// Port of pkg/controller/deployment/progress.go: the Progressing condition, ReplicaFailure, and the
// re-check that makes progressDeadlineSeconds fire without any other event.
import type { Deployment, DeploymentCondition, ReplicaSet, Stored } from '../../api/types.ts';
import { formatRFC3339, parseTime } from '../../apimachinery/time.ts';
import { deepEqual } from '../../util/copy.ts';
import type { DeploymentController, SyncError } from './deployment-controller.ts';
import { calculateStatus } from './sync.ts';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  newRSAvailableReason,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  replicaSetUpdatedReason,
  setDeploymentCondition,
  timedOutReason,
  type DStatus,
} from './util/deployment-util.ts';

const file = 'pkg/controller/deployment/progress.go';

// Models kubernetes/pkg/controller/deployment/progress.go syncRolloutStatus
export function syncRolloutStatus(
  dc: DeploymentController,
  allRSs: readonly (Stored<ReplicaSet> | undefined)[],
  newRS: Stored<ReplicaSet> | undefined,
  d: Stored<Deployment>,
): SyncError {
  const now = dc.now();
  const newStatus = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing');

  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment =
    (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) &&
    currentCond?.reason === newRSAvailableReason;
  const subject = newRS
    ? `ReplicaSet ${JSON.stringify(newRS.metadata.name)}`
    : `Deployment ${JSON.stringify(d.metadata.name)}`;
  const upstream = `${file} syncRolloutStatus`;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const condition = newDeploymentCondition(
        'Progressing',
        'True',
        newRSAvailableReason,
        `${subject} has successfully progressed.`,
        now,
      );
      setDeploymentCondition(newStatus, condition);
      if (currentCond?.reason !== newRSAvailableReason) {
        dc.trace(d, { rule: 'progress.complete', upstream, values: statusValues(d, newStatus) });
      }
    } else if (deploymentProgressing(d, newStatus)) {
      const condition = newDeploymentCondition(
        'Progressing',
        'True',
        replicaSetUpdatedReason,
        `${subject} is progressing.`,
        now,
      );
      // The Progressing condition is rewritten on every sign of progress to move lastUpdateTime.
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, 'Progressing');
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, now)) {
      const condition = newDeploymentCondition(
        'Progressing',
        'False',
        timedOutReason,
        `${subject} has timed out progressing.`,
        now,
      );
      setDeploymentCondition(newStatus, condition);
      if (currentCond?.reason !== timedOutReason) {
        dc.trace(d, {
          rule: 'progress.timedOut',
          upstream,
          values: {
            ...statusValues(d, newStatus),
            progressDeadlineSeconds: d.spec?.progressDeadlineSeconds ?? 0,
            lastUpdateTime: currentCond?.lastUpdateTime ?? '',
          },
        });
      }
    }
  }

  const replicaFailureCond = getReplicaFailures(allRSs, newRS);
  if (replicaFailureCond.length > 0) setDeploymentCondition(newStatus, replicaFailureCond[0]!);
  else removeDeploymentCondition(newStatus, 'ReplicaFailure');

  if (deepEqual(d.status ?? {}, newStatus)) {
    requeueStuckDeployment(dc, d, newStatus);
    return null;
  }
  dc.traceAvailability(d, newStatus);
  d.status = newStatus;
  return dc.updateDeploymentStatus(d);
}

function statusValues(d: Deployment, s: DStatus): Record<string, number> {
  return {
    replicas: d.spec?.replicas ?? 1,
    updatedReplicas: s.updatedReplicas ?? 0,
    statusReplicas: s.replicas ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
  };
}

// Models kubernetes/pkg/controller/deployment/progress.go getReplicaFailures
export function getReplicaFailures(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const failures = (rs: ReplicaSet) =>
    (rs.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map(replicaSetToDeploymentCondition);
  const fromNew = newRS ? failures(newRS) : [];
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap((rs) => (rs ? failures(rs) : []));
}

// Models kubernetes/pkg/controller/deployment/progress.go requeueStuckDeployment
/** Returns the delay (ms) of the progress re-check, 0 for "now (rate limited)", -1 for none. */
export function requeueStuckDeployment(
  dc: DeploymentController,
  d: Stored<Deployment>,
  newStatus: DStatus,
): number {
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !currentCond) return -1;
  if (deploymentComplete(d, newStatus) || currentCond.reason === timedOutReason) return -1;
  const after =
    parseTime(currentCond.lastUpdateTime) + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - dc.now();
  if (after < 1000) {
    dc.enqueueRateLimited(d);
    return 0;
  }
  // One more second against millisecond skew, as upstream.
  dc.enqueueAfter(d, after + 1000);
  dc.traceWait(d, {
    rule: 'progress.requeueStuck',
    upstream: `${file} requeueStuckDeployment`,
    values: {
      progressDeadlineSeconds: d.spec?.progressDeadlineSeconds ?? 0,
      lastUpdateTime: currentCond.lastUpdateTime ?? '',
      recheckAt: formatRFC3339(dc.now() + after + 1000),
    },
  });
  return after;
}
