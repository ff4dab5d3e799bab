// The "why" records of the deployment controller: every rule key it writes to the trace and the value names
// each record carries, for the UI to render (and translate) an explanation next to the event it produced.
// `replicaSet` names the ReplicaSet acted on; counts are replicas; see deployment-controller.test.ts for a check
// that the controller writes exactly these.
export const deploymentTraceRules = {
  // deployment_controller.go / sync.go: what kind of sync ran
  'deployment.paused': [],
  'sync.scalingEvent': ['replicaSet', 'desiredReplicasAnnotation', 'replicas'],
  // sync.go getNewReplicaSet
  'sync.newReplicaSetCreated': [
    'replicaSet',
    'revision',
    'podTemplateHash',
    'replicas',
    'strategy',
    'maxSurge',
    'maxTotalPods',
    'currentPodCount',
    'newReplicasCount',
  ],
  'sync.newReplicaSetRevision': ['replicaSet', 'oldRevision', 'newRevision'],
  'sync.hashCollision': ['replicaSet', 'oldCollisionCount', 'newCollisionCount'],
  // sync.go scale (scaling events and paused Deployments)
  'sync.scaleActiveOrLatest': ['replicaSet', 'replicas', 'current'],
  'sync.scaleDownOldSaturated': ['replicaSet', 'newReplicaSet', 'replicas'],
  'sync.proportionalScale': [
    'replicaSet',
    'replicas',
    'maxSurge',
    'allowedSize',
    'allRSsReplicas',
    'deploymentReplicasToAdd',
    'current',
    'maxReplicasAnnotation',
    'newSize',
  ],
  'sync.cleanupDeployment': ['replicaSet', 'revision', 'revisionHistoryLimit', 'oldReplicaSets'],
  // rolling.go
  'rolling.scaleUpNew': [
    'replicaSet',
    'replicas',
    'maxSurge',
    'maxTotalPods',
    'currentPodCount',
    'newRSReplicas',
    'newReplicasCount',
  ],
  'rolling.newAtMaxSurge': [
    'replicaSet',
    'replicas',
    'maxSurge',
    'maxTotalPods',
    'currentPodCount',
    'newRSReplicas',
    'newReplicasCount',
  ],
  'rolling.scaleDownNewToReplicas': ['replicaSet', 'newRSReplicas', 'replicas'],
  'rolling.oldBlockedByUnavailable': [
    'allPodsCount',
    'minAvailable',
    'newRSUnavailablePodCount',
    'maxScaledDown',
    'oldPodsCount',
  ],
  'rolling.cleanupUnhealthy': [
    'replicaSet',
    'specReplicas',
    'availableReplicas',
    'maxCleanupCount',
    'scaledDownCount',
  ],
  'rolling.oldAtMinAvailable': ['availablePodCount', 'minAvailable'],
  'rolling.scaleDownOld': [
    'replicaSet',
    'replicas',
    'maxUnavailable',
    'minAvailable',
    'availablePodCount',
    'totalScaleDownCount',
    'scaleDownCount',
  ],
  // recreate.go
  'recreate.scaleDownOld': ['replicaSet', 'current'],
  'recreate.waitOldPods': ['oldReplicas'],
  'recreate.scaleUpNew': ['replicaSet', 'current', 'replicas'],
  // progress.go and the conditions
  'progress.paused': [],
  'progress.resumed': [],
  'progress.complete': ['replicas', 'updatedReplicas', 'statusReplicas', 'availableReplicas'],
  'progress.timedOut': [
    'replicas',
    'updatedReplicas',
    'statusReplicas',
    'availableReplicas',
    'progressDeadlineSeconds',
    'lastUpdateTime',
  ],
  'progress.requeueStuck': ['progressDeadlineSeconds', 'lastUpdateTime', 'recheckAt'],
  'status.available': ['availableReplicas', 'replicas', 'maxUnavailable', 'minAvailable'],
  'status.unavailable': ['availableReplicas', 'replicas', 'maxUnavailable', 'minAvailable'],
} as const satisfies Record<string, readonly string[]>;

export type DeploymentTraceRule = keyof typeof deploymentTraceRules;
