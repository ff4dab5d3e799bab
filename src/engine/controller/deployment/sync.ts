// Port of pkg/controller/deployment/sync.go: new ReplicaSet and revisions, proportional scaling, history
// cleanup and the Deployment status.
import type { Deployment, ReplicaSet, Stored } from '../../api/types.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';
import type { DeploymentController, SyncError, Why } from './deployment-controller.ts';
import { newControllerRef } from './util/controller-ref-manager.ts';
import {
  bySizeNewer,
  bySizeOlder,
  computeHash,
  filterActiveReplicaSets,
  filterReplicaSets,
  getControllerOf,
  specReplicas,
} from './util/controller-utils.ts';
import {
  byRevision,
  dReplicas,
  defaultDeploymentUniqueLabelKey,
  equalIgnoreHash,
  failedRSCreateReason,
  findActiveOrLatest,
  findOldReplicaSets,
  findNewReplicaSet,
  foundNewRSReason,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getDeploymentCondition,
  getDesiredReplicasAnnotation,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  getReplicaSetProportion,
  getTerminatingReplicaCountForReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  minimumReplicasAvailable,
  minimumReplicasUnavailable,
  newDeploymentCondition,
  newReplicaSetReason,
  newRSNewReplicasWhy,
  pausedDeployReason,
  replicasAnnotationsNeedUpdate,
  resumedDeployReason,
  revision,
  setDeploymentCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  timedOutReason,
  type DStatus,
} from './util/deployment-util.ts';

const file = 'pkg/controller/deployment/sync.go';

// Models kubernetes/pkg/controller/deployment/sync.go maxRevHistoryLengthInChars
const maxRevHistoryLengthInChars = 2000;

// Models kubernetes/pkg/controller/deployment/sync.go syncStatusOnly
export function syncStatusOnly(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
): SyncError {
  const [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (err) return err;
  return syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

// Models kubernetes/pkg/controller/deployment/sync.go sync
export function sync(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
): SyncError {
  const [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (err) return err;
  const scaleErr = scale(dc, d, newRS, oldRSs);
  if (scaleErr) return scaleErr;
  if (d.spec?.paused) {
    const cleanupErr = cleanupDeployment(dc, oldRSs, d);
    if (cleanupErr) return cleanupErr;
  }
  return syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

// Models kubernetes/pkg/controller/deployment/sync.go checkPausedConditions
export function checkPausedConditions(dc: DeploymentController, d: Stored<Deployment>): SyncError {
  if (!hasProgressDeadline(d)) return null;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === timedOutReason) return null;
  const pausedCondExists = cond?.reason === pausedDeployReason;
  const status = (d.status ??= {});
  const upstream = `${file} checkPausedConditions`;
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(
      status,
      newDeploymentCondition('Progressing', 'Unknown', pausedDeployReason, 'Deployment is paused', dc.now()),
    );
    dc.trace(d, { rule: 'progress.paused', upstream, values: {} });
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        'Progressing',
        'Unknown',
        resumedDeployReason,
        'Deployment is resumed',
        dc.now(),
      ),
    );
    dc.trace(d, { rule: 'progress.resumed', upstream, values: {} });
  } else {
    return null;
  }
  return dc.updateDeploymentStatus(d);
}

// Models kubernetes/pkg/controller/deployment/sync.go getAllReplicaSetsAndSyncRevision
export function getAllReplicaSetsAndSyncRevision(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
  createIfNotExisted: boolean,
): [Stored<ReplicaSet> | undefined, Stored<ReplicaSet>[], SyncError] {
  const [, allOldRSs] = findOldReplicaSets(d, rsList, dc.equalIgnoreHash) as [
    Stored<ReplicaSet>[],
    Stored<ReplicaSet>[],
  ];
  const [newRS, err] = getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  if (err) return [undefined, [], err];
  return [newRS, allOldRSs, null];
}

// Models kubernetes/pkg/controller/deployment/sync.go getNewReplicaSet
export function getNewReplicaSet(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
  oldRSs: Stored<ReplicaSet>[],
  createIfNotExisted: boolean,
): [Stored<ReplicaSet> | undefined, SyncError] {
  const api = dc.ctx.api;
  const existingNewRS = findNewReplicaSet(d, rsList, dc.equalIgnoreHash) as Stored<ReplicaSet> | undefined;
  const newRevision = String(maxRevision(oldRSs) + 1);
  const status = (d.status ??= {});

  if (existingNewRS) {
    // Only the annotations of the copy change (and .spec when it is written back, copied there).
    const rsCopy: Stored<ReplicaSet> = { ...existingNewRS, metadata: { ...existingNewRS.metadata } };
    if (rsCopy.metadata.annotations) rsCopy.metadata.annotations = { ...rsCopy.metadata.annotations };
    const oldRevision = rsCopy.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const annotationsUpdated = setNewReplicaSetAnnotations(
      d,
      rsCopy,
      newRevision,
      true,
      maxRevHistoryLengthInChars,
    );
    const minReadySecondsNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      rsCopy.spec = deepCopy(rsCopy.spec);
      const spec = (rsCopy.spec ??= { selector: {} });
      // An int32 with omitempty: 0 is not written.
      if (d.spec?.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
      else delete spec.minReadySeconds;
      const [updated, err] = api.update(rsCopy);
      if (err) return [undefined, err];
      const rev = updated.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (rev !== oldRevision) {
        dc.trace(d, {
          rule: 'sync.newReplicaSetRevision',
          upstream: `${file} getNewReplicaSet`,
          values: {
            replicaSet: updated.metadata.name,
            oldRevision: oldRevision ?? '',
            newRevision: rev ?? '',
          },
        });
      }
      return [updated, null];
    }
    let needsUpdate = setDeploymentRevision(
      d,
      rsCopy.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '',
    );
    if (hasProgressDeadline(d) && !getDeploymentCondition(status, 'Progressing')) {
      const msg = `Found new replica set ${JSON.stringify(rsCopy.metadata.name)}`;
      setDeploymentCondition(
        status,
        newDeploymentCondition('Progressing', 'True', foundNewRSReason, msg, dc.now()),
      );
      needsUpdate = true;
    }
    if (needsUpdate) {
      const err = dc.updateDeploymentStatus(d);
      if (err) return [undefined, err];
    }
    return [rsCopy, null];
  }

  if (!createIfNotExisted) return [undefined, null];

  const newRSTemplate = deepCopy(d.spec?.template ?? {});
  const podTemplateSpecHash = computeHash(newRSTemplate, status.collisionCount);
  const labels = {
    ...(d.spec?.template?.metadata?.labels ?? {}),
    [defaultDeploymentUniqueLabelKey]: podTemplateSpecHash,
  };
  (newRSTemplate.metadata ??= {}).labels = labels;
  const selector = deepCopy(d.spec?.selector ?? {});
  selector.matchLabels = {
    ...(selector.matchLabels ?? {}),
    [defaultDeploymentUniqueLabelKey]: podTemplateSpecHash,
  };
  const name = `${d.metadata.name}-${podTemplateSpecHash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template: newRSTemplate,
    },
  };
  const [why, replicasErr] = newRSNewReplicasWhy(d, [...oldRSs, newRS], newRS);
  if (replicasErr) return [undefined, replicasErr];
  const newReplicasCount = why.replicas;
  newRS.spec!.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxRevHistoryLengthInChars);

  let alreadyExists = false;
  let [createdRS, createErr] = api.create(newRS);
  if (createErr?.reason === 'AlreadyExists') {
    alreadyExists = true;
    const rs = api.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, name);
    if (!rs) return [undefined, createErr];
    const ref = getControllerOf(rs);
    if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
      createdRS = rs;
      createErr = null;
    } else {
      const preCollisionCount = status.collisionCount ?? 0;
      status.collisionCount = preCollisionCount + 1;
      dc.trace(d, {
        rule: 'sync.hashCollision',
        upstream: `${file} getNewReplicaSet`,
        values: {
          replicaSet: name,
          oldCollisionCount: preCollisionCount,
          newCollisionCount: status.collisionCount,
        },
      });
      dc.updateDeploymentStatus(d);
      return [undefined, createErr];
    }
  } else if (createErr) {
    const msg = `Failed to create new replica set ${JSON.stringify(name)}: ${createErr.message}`;
    if (hasProgressDeadline(d)) {
      setDeploymentCondition(
        status,
        newDeploymentCondition('Progressing', 'False', failedRSCreateReason, msg, dc.now()),
      );
      dc.updateDeploymentStatus(d);
    }
    dc.ctx.recorder.event(d, 'Warning', failedRSCreateReason, msg, { component: dc.name });
    return [undefined, createErr];
  }
  const created = createdRS!;
  const createWhy: Why = {
    rule: 'sync.newReplicaSetCreated',
    upstream: `${file} getNewReplicaSet`,
    values: {
      replicaSet: created.metadata.name,
      revision: newRevision,
      podTemplateHash: podTemplateSpecHash,
      replicas: dReplicas(d),
      strategy: d.spec?.strategy?.type ?? '',
      maxSurge: why.maxSurge,
      maxTotalPods: why.maxTotalPods,
      currentPodCount: why.currentPodCount,
      newReplicasCount,
    },
  };
  if (!alreadyExists && newReplicasCount > 0) {
    const msg = `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicasCount}`;
    dc.ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', msg, { component: dc.name });
    dc.trace(d, createWhy, msg);
  } else if (!alreadyExists) {
    dc.trace(d, createWhy);
  }

  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set ${JSON.stringify(created.metadata.name)}`;
    setDeploymentCondition(
      status,
      newDeploymentCondition('Progressing', 'True', newReplicaSetReason, msg, dc.now()),
    );
    needsUpdate = true;
  }
  if (needsUpdate) return [created, dc.updateDeploymentStatus(d)];
  return [created, null];
}

// Models kubernetes/pkg/controller/deployment/sync.go scale
export function scale(
  dc: DeploymentController,
  d: Stored<Deployment>,
  newRS: Stored<ReplicaSet> | undefined,
  oldRSs: Stored<ReplicaSet>[],
): SyncError {
  const upstream = `${file} scale`;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs) as Stored<ReplicaSet> | undefined;
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === dReplicas(d)) return null;
    const [, , err] = scaleReplicaSetAndRecordEvent(dc, activeOrLatest, dReplicas(d), d, {
      rule: 'sync.scaleActiveOrLatest',
      upstream,
      values: {
        replicaSet: activeOrLatest.metadata.name,
        replicas: dReplicas(d),
        current: specReplicas(activeOrLatest),
      },
    });
    return err;
  }

  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs) as Stored<ReplicaSet>[]) {
      const [, , err] = scaleReplicaSetAndRecordEvent(dc, old, 0, d, {
        rule: 'sync.scaleDownOldSaturated',
        upstream,
        values: {
          replicaSet: old.metadata.name,
          newReplicaSet: newRS?.metadata.name ?? '',
          replicas: dReplicas(d),
        },
      });
      if (err) return err;
    }
    return null;
  }

  if (!isRollingUpdate(d)) return null;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]) as Stored<ReplicaSet>[];
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = dReplicas(d) > 0 ? dReplicas(d) + maxSurge(d) : 0;
  const deploymentReplicasToAdd = allowedSize - allRSsReplicas;
  if (deploymentReplicasToAdd > 0) allRSs.sort(bySizeNewer);
  else if (deploymentReplicasToAdd < 0) allRSs.sort(bySizeOlder);

  let deploymentReplicasAdded = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (deploymentReplicasToAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, d, deploymentReplicasToAdd, deploymentReplicasAdded);
      nameToSize.set(rs.metadata.name, specReplicas(rs) + proportion);
      deploymentReplicasAdded += proportion;
    } else {
      nameToSize.set(rs.metadata.name, specReplicas(rs));
    }
  }
  for (let i = 0; i < allRSs.length; i++) {
    const rs = allRSs[i]!;
    let size = nameToSize.get(rs.metadata.name) ?? 0;
    if (i === 0 && deploymentReplicasToAdd !== 0)
      size = Math.max(0, size + deploymentReplicasToAdd - deploymentReplicasAdded);
    const [, , err] = scaleReplicaSet(dc, rs, size, d, {
      rule: 'sync.proportionalScale',
      upstream,
      values: {
        replicaSet: rs.metadata.name,
        replicas: dReplicas(d),
        maxSurge: maxSurge(d),
        allowedSize,
        allRSsReplicas,
        deploymentReplicasToAdd,
        current: specReplicas(rs),
        maxReplicasAnnotation: rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'] ?? '',
        newSize: size,
      },
    });
    if (err) return err;
  }
  return null;
}

// Models kubernetes/pkg/controller/deployment/sync.go scaleReplicaSetAndRecordEvent
export function scaleReplicaSetAndRecordEvent(
  dc: DeploymentController,
  rs: Stored<ReplicaSet>,
  newScale: number,
  d: Stored<Deployment>,
  why?: Why,
): [boolean, Stored<ReplicaSet>, SyncError] {
  if (specReplicas(rs) === newScale) return [false, rs, null];
  return scaleReplicaSet(dc, rs, newScale, d, why);
}

// Models kubernetes/pkg/controller/deployment/sync.go scaleReplicaSet
export function scaleReplicaSet(
  dc: DeploymentController,
  rs: Stored<ReplicaSet>,
  newScale: number,
  d: Stored<Deployment>,
  why?: Why,
): [boolean, Stored<ReplicaSet>, SyncError] {
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  const desired = dReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs, null];
  const oldScale = specReplicas(rs);
  const rsCopy = deepCopy(rs);
  (rsCopy.spec ??= { selector: {} }).replicas = newScale;
  setReplicasAnnotations(rsCopy, desired, max);
  const [updated, err] = dc.ctx.api.update(rsCopy);
  if (err) return [false, rs, err];
  if (!sizeNeedsUpdate) return [false, updated, null];
  const op = oldScale < newScale ? 'up' : 'down';
  const msg = `Scaled ${op} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`;
  dc.ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', msg, { component: dc.name });
  if (why) dc.trace(d, why, msg);
  return [true, updated, null];
}

// Models kubernetes/pkg/controller/deployment/sync.go cleanupDeployment
export function cleanupDeployment(
  dc: DeploymentController,
  oldRSs: readonly Stored<ReplicaSet>[],
  d: Stored<Deployment>,
): SyncError {
  if (!hasRevisionHistoryLimit(d)) return null;
  const limit = d.spec?.revisionHistoryLimit ?? 0;
  const cleanable = filterReplicaSets(
    oldRSs,
    (rs) => !rs.metadata?.deletionTimestamp,
  ) as Stored<ReplicaSet>[];
  const diff = cleanable.length - limit;
  if (diff <= 0) return null;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    ) {
      continue;
    }
    const [, err] = dc.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (err && err.reason !== 'NotFound') return err;
    dc.trace(d, {
      rule: 'sync.cleanupDeployment',
      upstream: `${file} cleanupDeployment`,
      values: {
        replicaSet: rs.metadata.name,
        revision: revision(rs)[0],
        revisionHistoryLimit: limit,
        oldReplicaSets: cleanable.length,
      },
    });
  }
  return null;
}

// Models kubernetes/pkg/controller/deployment/sync.go syncDeploymentStatus
export function syncDeploymentStatus(
  dc: DeploymentController,
  allRSs: readonly (Stored<ReplicaSet> | undefined)[],
  newRS: Stored<ReplicaSet> | undefined,
  d: Stored<Deployment>,
): SyncError {
  const newStatus = calculateStatus(allRSs, newRS, d, dc.now());
  if (deepEqual(d.status ?? {}, newStatus)) return null;
  dc.traceAvailability(d, newStatus);
  d.status = newStatus;
  return dc.updateDeploymentStatus(d);
}

// Models kubernetes/pkg/controller/deployment/sync.go calculateStatus
/** Zero counts are left out, as apps/v1 marshals them (omitempty). */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
): DStatus {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const unavailableReplicas = Math.max(0, totalReplicas - availableReplicas);
  const status: DStatus = {};
  const observedGeneration = d.metadata?.generation;
  const replicas = getActualReplicaCountForReplicaSets(allRSs);
  const updatedReplicas = newRS?.status?.replicas ?? 0; // getActualReplicaCountForReplicaSets([newRS])
  const readyReplicas = getReadyReplicaCountForReplicaSets(allRSs);
  if (observedGeneration) status.observedGeneration = observedGeneration;
  if (replicas) status.replicas = replicas;
  if (updatedReplicas) status.updatedReplicas = updatedReplicas;
  if (readyReplicas) status.readyReplicas = readyReplicas;
  if (availableReplicas) status.availableReplicas = availableReplicas;
  if (unavailableReplicas) status.unavailableReplicas = unavailableReplicas;
  // DeploymentReplicaSetTerminatingReplicas is beta and on by default since v1.35.
  const terminating = getTerminatingReplicaCountForReplicaSets(allRSs);
  if (terminating !== undefined) status.terminatingReplicas = terminating;
  const conditions = d.status?.conditions;
  if (conditions && conditions.length > 0) status.conditions = deepCopy(conditions);
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;

  if (availableReplicas >= dReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        'Available',
        'True',
        minimumReplicasAvailable,
        'Deployment has minimum availability.',
        now,
      ),
    );
  } else {
    setDeploymentCondition(
      status,
      newDeploymentCondition(
        'Available',
        'False',
        minimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  }
  return status;
}

// Models kubernetes/pkg/controller/deployment/sync.go isScalingEvent
export function isScalingEvent(
  dc: DeploymentController,
  d: Stored<Deployment>,
  rsList: Stored<ReplicaSet>[],
): [boolean, SyncError] {
  const [newRS, oldRSs, err] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (err) return [false, err];
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS]) as Stored<ReplicaSet>[]) {
    const [desired, ok] = getDesiredReplicasAnnotation(rs);
    if (!ok) continue;
    if (desired !== dReplicas(d)) {
      dc.trace(d, {
        rule: 'sync.scalingEvent',
        upstream: `${file} isScalingEvent`,
        values: { replicaSet: rs.metadata.name, desiredReplicasAnnotation: desired, replicas: dReplicas(d) },
      });
      return [true, null];
    }
  }
  return [false, null];
}
