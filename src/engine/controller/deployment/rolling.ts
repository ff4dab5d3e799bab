// Port of pkg/controller/deployment/rolling.go: one step of a RollingUpdate per sync.
import type { Deployment, ReplicaSet, Stored } from '../../api/types.ts';
import type { DeploymentController, SyncError } from './deployment-controller.ts';
import { syncRolloutStatus } from './progress.ts';
import {
  cleanupDeployment,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.ts';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from './util/controller-utils.ts';
import {
  dReplicas,
  deploymentComplete,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicasWhy,
} from './util/deployment-util.ts';

const file = 'pkg/controller/deployment/rolling.go';

// Models kubernetes/pkg/controller/deployment/rolling.go rolloutRolling
export function rolloutRolling(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
): SyncError {
  const [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (err) return err;
  if (!newRS) return null;
  const allRSs = [...oldRSs, newRS];

  const [scaledUp, upErr] = reconcileNewReplicaSet(dc, allRSs, newRS, d);
  if (upErr) return upErr;
  if (scaledUp) return syncRolloutStatus(dc, allRSs, newRS, d);

  const [scaledDown, downErr] = reconcileOldReplicaSets(
    dc,
    allRSs,
    filterActiveReplicaSets(oldRSs) as Stored<ReplicaSet>[],
    newRS,
    d,
  );
  if (downErr) return downErr;
  if (scaledDown) return syncRolloutStatus(dc, allRSs, newRS, d);

  if (deploymentComplete(d, d.status ?? {})) {
    const cleanupErr = cleanupDeployment(dc, oldRSs, d);
    if (cleanupErr) return cleanupErr;
  }
  return syncRolloutStatus(dc, allRSs, newRS, d);
}

// Models kubernetes/pkg/controller/deployment/rolling.go reconcileNewReplicaSet
export function reconcileNewReplicaSet(
  dc: DeploymentController,
  allRSs: readonly Stored<ReplicaSet>[],
  newRS: Stored<ReplicaSet>,
  d: Stored<Deployment>,
): [boolean, SyncError] {
  const upstream = `${file} reconcileNewReplicaSet`;
  const replicas = dReplicas(d);
  if (specReplicas(newRS) === replicas) return [false, null];
  if (specReplicas(newRS) > replicas) {
    const [scaled, , err] = scaleReplicaSetAndRecordEvent(dc, newRS, replicas, d, {
      rule: 'rolling.scaleDownNewToReplicas',
      upstream,
      values: { replicaSet: newRS.metadata.name, newRSReplicas: specReplicas(newRS), replicas },
    });
    return [scaled, err];
  }
  const [why, err] = newRSNewReplicasWhy(d, allRSs, newRS);
  if (err) return [false, err];
  const values = {
    replicaSet: newRS.metadata.name,
    replicas,
    maxSurge: why.maxSurge,
    maxTotalPods: why.maxTotalPods,
    currentPodCount: why.currentPodCount,
    newRSReplicas: specReplicas(newRS),
    newReplicasCount: why.replicas,
  };
  if (why.replicas === specReplicas(newRS)) {
    dc.traceWait(d, { rule: 'rolling.newAtMaxSurge', upstream, values });
  }
  const [scaled, , scaleErr] = scaleReplicaSetAndRecordEvent(dc, newRS, why.replicas, d, {
    rule: 'rolling.scaleUpNew',
    upstream,
    values,
  });
  return [scaled, scaleErr];
}

// Models kubernetes/pkg/controller/deployment/rolling.go reconcileOldReplicaSets
export function reconcileOldReplicaSets(
  dc: DeploymentController,
  allRSs: readonly Stored<ReplicaSet>[],
  oldRSs: Stored<ReplicaSet>[],
  newRS: Stored<ReplicaSet>,
  d: Stored<Deployment>,
): [boolean, SyncError] {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return [false, null];
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = dReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) {
    dc.traceWait(d, {
      rule: 'rolling.oldBlockedByUnavailable',
      upstream: `${file} reconcileOldReplicaSets`,
      values: { allPodsCount, minAvailable, newRSUnavailablePodCount, maxScaledDown, oldPodsCount },
    });
    return [false, null];
  }

  const [cleanedRSs, cleanupCount, cleanupErr] = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  if (cleanupErr) return [false, null];

  const [scaledDownCount, scaleErr] = scaleDownOldReplicaSetsForRollingUpdate(
    dc,
    [...cleanedRSs, newRS],
    cleanedRSs,
    d,
  );
  if (scaleErr) return [false, null];
  return [cleanupCount + scaledDownCount > 0, null];
}

// Models kubernetes/pkg/controller/deployment/rolling.go cleanupUnhealthyReplicas
export function cleanupUnhealthyReplicas(
  dc: DeploymentController,
  oldRSs: Stored<ReplicaSet>[],
  d: Stored<Deployment>,
  maxCleanupCount: number,
): [Stored<ReplicaSet>[], number, SyncError] {
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const targetRS = oldRSs[i]!;
    const replicas = specReplicas(targetRS);
    const available = targetRS.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - available);
    const newReplicasCount = replicas - scaledDownCount;
    if (newReplicasCount > replicas) {
      return [
        [],
        0,
        new Error(
          `when cleaning up unhealthy replicas, got invalid request to scale down ${targetRS.metadata.namespace ?? ''}/${targetRS.metadata.name} ${replicas} -> ${newReplicasCount}`,
        ),
      ];
    }
    const [, updated, err] = scaleReplicaSetAndRecordEvent(dc, targetRS, newReplicasCount, d, {
      rule: 'rolling.cleanupUnhealthy',
      upstream: `${file} cleanupUnhealthyReplicas`,
      values: {
        replicaSet: targetRS.metadata.name,
        specReplicas: replicas,
        availableReplicas: available,
        maxCleanupCount,
        scaledDownCount,
      },
    });
    if (err) return [[], totalScaledDown, err];
    totalScaledDown += scaledDownCount;
    oldRSs[i] = updated;
  }
  return [oldRSs, totalScaledDown, null];
}

// Models kubernetes/pkg/controller/deployment/rolling.go scaleDownOldReplicaSetsForRollingUpdate
export function scaleDownOldReplicaSetsForRollingUpdate(
  dc: DeploymentController,
  allRSs: readonly Stored<ReplicaSet>[],
  oldRSs: Stored<ReplicaSet>[],
  d: Stored<Deployment>,
): [number, SyncError] {
  const upstream = `${file} scaleDownOldReplicaSetsForRollingUpdate`;
  const minAvailable = dReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) {
    dc.traceWait(d, {
      rule: 'rolling.oldAtMinAvailable',
      upstream,
      values: { availablePodCount, minAvailable },
    });
    return [0, null];
  }
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const targetRS of oldRSs) {
    if (totalScaledDown >= totalScaleDownCount) break;
    const replicas = specReplicas(targetRS);
    if (replicas === 0) continue;
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown);
    const newReplicasCount = replicas - scaleDownCount;
    if (newReplicasCount > replicas) {
      return [
        0,
        new Error(
          `when scaling down old RS, got invalid request to scale down ${targetRS.metadata.namespace ?? ''}/${targetRS.metadata.name} ${replicas} -> ${newReplicasCount}`,
        ),
      ];
    }
    const [, , err] = scaleReplicaSetAndRecordEvent(dc, targetRS, newReplicasCount, d, {
      rule: 'rolling.scaleDownOld',
      upstream,
      values: {
        replicaSet: targetRS.metadata.name,
        replicas: dReplicas(d),
        maxUnavailable: maxUnavailable(d),
        minAvailable,
        availablePodCount,
        totalScaleDownCount,
        scaleDownCount,
      },
    });
    if (err) return [totalScaledDown, err];
    totalScaledDown += scaleDownCount;
  }
  return [totalScaledDown, null];
}
