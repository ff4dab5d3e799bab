// Port of pkg/controller/deployment/recreate.go: scale every old ReplicaSet to 0, wait until no old pod runs,
// then create/scale the new one to the full size.
import type { Deployment, Pod, ReplicaSet, Stored } from '../../api/types.ts';
import type { DeploymentController, SyncError } from './deployment-controller.ts';
import { syncRolloutStatus } from './progress.ts';
import {
  cleanupDeployment,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.ts';
import { filterActiveReplicaSets, specReplicas } from './util/controller-utils.ts';
import {
  dReplicas,
  deploymentComplete,
  getActualReplicaCountForReplicaSets,
} from './util/deployment-util.ts';

const file = 'pkg/controller/deployment/recreate.go';

// Models kubernetes/pkg/controller/deployment/recreate.go rolloutRecreate
/** `podMap` is computed on demand (upstream lists pods on every sync). */
export function rolloutRecreate(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
  podMap: () => Map<string, Stored<Pod>[]>,
): SyncError {
  let [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (err) return err;
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = filterActiveReplicaSets(oldRSs) as Stored<ReplicaSet>[];

  const [scaledDown, downErr] = scaleDownOldReplicaSetsForRecreate(dc, activeOldRSs, d);
  if (downErr) return downErr;
  if (scaledDown) return syncRolloutStatus(dc, allRSs, newRS, d);

  // The DeploymentPodReplacementPolicy path (alpha, off by default) is not modelled.
  if (oldPodsRunning(newRS, oldRSs, podMap())) {
    dc.traceWait(d, {
      rule: 'recreate.waitOldPods',
      upstream: `${file} oldPodsRunning`,
      values: { oldReplicas: getActualReplicaCountForReplicaSets(oldRSs) },
    });
    return syncRolloutStatus(dc, allRSs, newRS, d);
  }

  if (!newRS) {
    [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    if (err) return err;
    allRSs = [...oldRSs, newRS];
  }
  if (!newRS) return null;

  const [, upErr] = scaleUpNewReplicaSetForRecreate(dc, newRS, d);
  if (upErr) return upErr;

  if (deploymentComplete(d, d.status ?? {})) {
    const cleanupErr = cleanupDeployment(dc, oldRSs, d);
    if (cleanupErr) return cleanupErr;
  }
  return syncRolloutStatus(dc, allRSs, newRS, d);
}

// Models kubernetes/pkg/controller/deployment/recreate.go scaleDownOldReplicaSetsForRecreate
export function scaleDownOldReplicaSetsForRecreate(
  dc: DeploymentController,
  oldRSs: Stored<ReplicaSet>[],
  d: Stored<Deployment>,
): [boolean, SyncError] {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i]!;
    if (specReplicas(rs) === 0) continue;
    const [scaledRS, updated, err] = scaleReplicaSetAndRecordEvent(dc, rs, 0, d, {
      rule: 'recreate.scaleDownOld',
      upstream: `${file} scaleDownOldReplicaSetsForRecreate`,
      values: { replicaSet: rs.metadata.name, current: specReplicas(rs) },
    });
    if (err) return [false, err];
    if (scaledRS) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return [scaled, null];
}

// Models kubernetes/pkg/controller/deployment/recreate.go oldPodsRunning
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podMap: ReadonlyMap<string, readonly Pod[]>,
): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUID, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === rsUID) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      // Terminal pods do not count; Unknown (deprecated) and every other phase do.
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}

// Models kubernetes/pkg/controller/deployment/recreate.go scaleUpNewReplicaSetForRecreate
export function scaleUpNewReplicaSetForRecreate(
  dc: DeploymentController,
  newRS: Stored<ReplicaSet>,
  d: Stored<Deployment>,
): [boolean, SyncError] {
  const [scaled, , err] = scaleReplicaSetAndRecordEvent(dc, newRS, dReplicas(d), d, {
    rule: 'recreate.scaleUpNew',
    upstream: `${file} scaleUpNewReplicaSetForRecreate`,
    values: { replicaSet: newRS.metadata.name, current: specReplicas(newRS), replicas: dReplicas(d) },
  });
  return [scaled, err];
}
