// English UI strings. Every key here must exist in ja.ts too (i18n.test.ts checks).
export const en = {
  app: {
    name: 'Rollout Lab',
    tagline: 'A Kubernetes cluster in your browser',
    loading: 'Starting the cluster…',
  },
  topbar: {
    highContrast: 'High contrast',
    scenario: 'Scenario',
    language: 'Language',
    help: 'Keyboard shortcuts',
  },
  time: {
    controls: 'Time controls',
    play: 'Play',
    pause: 'Pause',
    step: 'Step to next event',
    stepShort: 'Step',
    speed: 'Speed',
    clock: 'Virtual time since the cluster started',
    paused: 'paused',
    stepBack: 'Rewind to the previous change',
    timeline: 'Timeline: drag to rewind or replay',
    timelineValue: '{{clock}} of {{end}}',
    rewound: 'rewound',
  },
  timeJump: {
    back: 'Jumped back to {{clock}}',
    forward: 'Jumped forward to {{clock}}',
    at: 'At {{clock}}',
    stepped: 'Stepped to {{clock}}',
    quiet: 'Stepped to {{clock}}: nothing visible changed.',
    idle: 'Nothing happens in the next minute; still at {{clock}}.',
    line: '{{jump}} — {{detail}}.',
    separator: '; ',
    ready: '{{ready}} of {{total}} Pods ready',
    noPods: 'no Pods',
    node: 'Node {{name}}: {{status}}',
    podCreated: 'Pod {{name}} created',
    podsCreated: '{{count}} Pods created',
    podReady: 'Pod {{name}} ready',
    podsReady: '{{count}} Pods ready',
    podNotReady: 'Pod {{name}} no longer ready',
    podsNotReady: '{{count}} Pods no longer ready',
    podStatus: 'Pod {{name}}: {{status}}',
    podsStatus: '{{count}} Pods: {{status}}',
    podGone: 'Pod {{name}} removed',
    podsGone: '{{count}} Pods removed',
    more: 'and {{count}} more',
  },
  tutorial: {
    region: 'Tutorial',
    stepOf: 'Step {{n}} of {{total}}',
    tryIt: 'Commands',
    run: 'Run',
    runCommand: 'Run: {{command}}',
    goal: 'Goal',
    reached: 'Done',
    notYet: 'Not yet',
    back: 'Back',
    next: 'Next',
    catchingUp: 'Replaying the earlier steps…',
    finished: 'You finished this scenario.',
    restart: 'Start over',
  },
  console: {
    region: 'Console',
    input: 'Command',
    placeholder: 'Type a command, e.g. kubectl get pods',
    hint: 'Enter runs · ↑/↓ history · Ctrl-C interrupts · / focuses',
    running: 'Running — Ctrl-C to interrupt',
    interrupt: 'Interrupt (Ctrl-C)',
    clear: 'Clear',
    continuation: 'More input needed (here-document)',
    internalError: 'internal error: {{message}}',
  },
  cluster: {
    region: 'Cluster',
    title: 'Cluster picture',
    desc: 'Deployments and their ReplicaSets on top; nodes below, with their Pods inside. Each Pod is coloured and labelled by revision; its outline and icon show its status.',
    tableCaption: 'The cluster as a table',
    summary: '{{nodes}} nodes, {{pods}} Pods',
    colKind: 'Kind',
    colName: 'Name',
    colStatus: 'Status',
    colNode: 'Node',
    colRevision: 'Revision',
    colRevisionRc: 'Revision / RC',
    colReady: 'Ready',
    legend: 'Legend',
    legendPending: 'Pending',
    legendCreating: 'ContainerCreating',
    legendRunning: 'Running, not ready',
    legendReady: 'Ready',
    legendTerminating: 'Terminating',
    legendPullError: 'Image pull error',
    legendCrash: 'Error / CrashLoopBackOff',
    legendDone: 'Completed',
    legendUnknown: 'Unknown',
    legendRc: 'ReplicationController (numbered in order of creation)',
    descRc:
      'Deployments, ReplicaSets and ReplicationControllers on top; nodes below, with their Pods inside. Each Pod is coloured and labelled by its ReplicaSet revision (r2) or its ReplicationController (rc1, rc2 in order of creation); its outline and icon show its status.',
  },
  announce: {
    rs: 'ReplicaSet {{name}} (revision {{revision}}): {{ready}} of {{desired}} Ready.',
    rolloutDone: 'Deployment {{name}}: all {{replicas}} Pods updated and available.',
    node: 'Node {{name}} is now {{status}}.',
    pods: '{{count}} Pods of {{name}} are terminating.',
    rc: 'ReplicationController {{name}} ({{badge}}): {{ready}} of {{desired}} Ready.',
    rcCreated: 'ReplicationController {{name}} ({{badge}}) created.',
    rcDeleted: 'ReplicationController {{name}} deleted.',
    rcBadge: 'ReplicationController {{name}} and its Pods are now labelled {{badge}}.',
  },
  inspector: {
    region: 'Inspector',
    title: 'kubectl describe {{kind}} {{name}}',
    close: 'Close',
    gone: 'This object no longer exists.',
    unavailable: 'describe is not available yet.',
    stopNode: 'Stop node',
    startNode: 'Start node',
    cordonNode: 'Cordon',
    uncordonNode: 'Uncordon',
    drainNode: 'Drain',
  },
  view: {
    deploymentTitle: 'Deployment {{name}}',
    deploymentReplicas: 'replicas {{replicas}} · {{image}}',
    surge: 'maxSurge {{spec}} → at most {{max}} Pods',
    unavailable: 'maxUnavailable {{spec}} → ≥ {{min}} available',
    strategy: 'strategy {{strategy}}',
    deploymentStatus: 'updated {{updated}} · available {{available}}',
    rsCounts: 'desired {{desired}} · current {{current}} · ready {{ready}}',
    desired: 'desired',
    current: 'current',
    ready: 'ready',
    waiting: 'Not scheduled',
    waitingCount: '{{count}} waiting',
    otherPods: '+{{count}} Pods in other namespaces',
    rcTitle: 'ReplicationController {{name}} ({{badge}})',
    rcSelector: 'selector {{selector}}',
    rcSummary:
      'ReplicationController {{name}} ({{badge}}): {{counts}}; image {{image}}; selector {{selector}}.',
    rcPodOwner: 'Controlled by ReplicationController {{name}} ({{badge}})',
  },
  pdb: {
    title: 'PDB {{name}}',
    healthy: 'healthy {{healthy}} / needed {{needed}}',
    allowed: 'allowed disruptions {{allowed}}',
    summary:
      'PodDisruptionBudget {{name}}: {{rule}}; {{healthy}} of {{expected}} Pods healthy, {{needed}} needed; allowed disruptions {{allowed}}.',
    blocked: 'No Pod may be evicted now: evictions are refused until another Pod is healthy.',
  },
  tabs: {
    label: 'Details',
    guardrail: 'Guardrail chart',
    events: 'Events',
    services: 'Services',
    hide: 'Hide',
  },
  guardrail: {
    title: 'Replica counts of Deployment {{name}} over virtual time',
    none: 'No Deployment yet. Create one and its Pod counts appear here.',
    total: 'Pods (total)',
    available: 'available',
    updated: 'updated',
    desired: 'desired r{{revision}}',
    ceiling: 'ceiling {{replicas}} + ⌈{{surge}}⌉ = {{max}}',
    floor: 'floor {{replicas}} − ⌊{{unavailable}}⌋ = {{min}}',
    summary:
      'At {{clock}}: {{total}} Pods, {{available}} available, {{updated}} updated; allowed between {{min}} available and {{max}} Pods.',
    axisTime: 'virtual time',
    axisPods: 'Pods',
  },
  events: {
    filter: 'Filter events',
    filterPlaceholder: 'Filter: reason, object or message',
    warningsOnly: 'Warnings only',
    lastSeen: 'LAST SEEN',
    type: 'TYPE',
    reason: 'REASON',
    object: 'OBJECT',
    message: 'MESSAGE',
    none: 'No events yet.',
    why: 'Why?',
    whyTitle: 'Why the {{controller}} did this',
    seek: 'Go to {{clock}}',
    more: '{{count}} older events not shown',
  },
  why: {
    upstream: 'Upstream: {{fn}}',
    rules: {
      deployment_paused:
        'The Deployment is paused → the controller only keeps the replica counts in line, no rollout.',
      sync_scalingEvent:
        'The Deployment asks for {{replicas}} replicas but ReplicaSet {{replicaSet}} was sized for {{desiredReplicasAnnotation}} → a scaling event: resize, no new revision.',
      sync_newReplicaSetCreated:
        'The Pod template changed (hash {{podTemplateHash}}) → create ReplicaSet {{replicaSet}} as revision {{revision}}. maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}; {{currentPodCount}} Pods exist → it starts with {{newReplicasCount}}.',
      sync_newReplicaSetRevision:
        'ReplicaSet {{replicaSet}} matches the Pod template again (a rollback) → its revision goes from {{oldRevision}} to {{newRevision}}.',
      sync_hashCollision:
        'A ReplicaSet with the same template hash but another template exists → collisionCount {{oldCollisionCount}} → {{newCollisionCount}}.',
      sync_scaleActiveOrLatest:
        "Only ReplicaSet {{replicaSet}} is active → give it the Deployment's {{replicas}} replicas (it had {{current}}).",
      sync_scaleDownOldSaturated:
        'The new ReplicaSet {{newReplicaSet}} has all {{replicas}} replicas available → the old ReplicaSet {{replicaSet}} goes to 0.',
      sync_proportionalScale:
        'Resized during a rollout: allowed = {{replicas}} + {{maxSurge}} = {{allowedSize}}, the ReplicaSets have {{allRSsReplicas}} → {{deploymentReplicasToAdd}} shared in proportion; {{replicaSet}}: {{current}} → {{newSize}}.',
      sync_cleanupDeployment:
        'More old ReplicaSets than revisionHistoryLimit {{revisionHistoryLimit}} → delete {{replicaSet}} (revision {{revision}}).',
      rolling_scaleUpNew:
        'maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}; {{currentPodCount}} Pods exist → scale the new ReplicaSet {{replicaSet}} up by {{delta}} ({{newRSReplicas}} → {{newReplicasCount}}).',
      rolling_newAtMaxSurge:
        'maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}; {{currentPodCount}} Pods exist → the new ReplicaSet {{replicaSet}} must wait at {{newRSReplicas}}.',
      rolling_scaleDownNewToReplicas:
        'The new ReplicaSet {{replicaSet}} has {{newRSReplicas}} but the Deployment wants {{replicas}} → scale it down to {{replicas}}.',
      rolling_oldBlockedByUnavailable:
        'maxScaledDown = all Pods {{allPodsCount}} − minAvailable {{minAvailable}} − new Pods not yet available {{newRSUnavailablePodCount}} = {{maxScaledDown}} → no old Pod may go yet.',
      rolling_cleanupUnhealthy:
        'Old ReplicaSet {{replicaSet}} has {{specReplicas}} replicas but only {{availableReplicas}} available → remove unhealthy ones first: down by {{scaledDownCount}}.',
      rolling_oldAtMinAvailable:
        '{{availablePodCount}} Pods available, not more than minAvailable {{minAvailable}} → wait before removing old Pods.',
      rolling_scaleDownOld:
        'minAvailable = {{replicas}} − {{maxUnavailableExpr}} = {{minAvailable}}; {{availablePodCount}} Pods available → {{totalScaleDownCount}} may go; scale the old ReplicaSet {{replicaSet}} down by {{scaleDownCount}}.',
      recreate_scaleDownOld:
        'Recreate: every old Pod goes first → scale {{replicaSet}} from {{current}} to 0.',
      recreate_waitOldPods: 'Recreate: {{oldReplicas}} old Pods still exist → wait before creating new ones.',
      recreate_scaleUpNew:
        'Recreate: no old Pods left → scale {{replicaSet}} from {{current}} to {{replicas}}.',
      progress_paused: 'The Deployment was paused → progress is not timed.',
      progress_resumed: 'The Deployment was resumed → progress is timed again.',
      progress_complete:
        'updated {{updatedReplicas}} = replicas {{replicas}} = available {{availableReplicas}}, no old Pods → the rollout is complete.',
      progress_timedOut:
        'No progress for progressDeadlineSeconds {{progressDeadlineSeconds}} s (last at {{lastUpdateTime}}) → Progressing=False, ProgressDeadlineExceeded.',
      progress_requeueStuck:
        'Check again at {{recheckAt}} whether the rollout is stuck (deadline {{progressDeadlineSeconds}} s).',
      status_available:
        '{{availableReplicas}} available ≥ minAvailable = {{replicas}} − {{maxUnavailable}} = {{minAvailable}} → Available=True.',
      status_unavailable:
        '{{availableReplicas}} available < minAvailable = {{replicas}} − {{maxUnavailable}} = {{minAvailable}} → Available=False.',
      nodelifecycle_nodeUnreachable:
        'No Lease renewal since {{lastLeaseRenewal}} s, more than the {{gracePeriodSeconds}} s grace period → the node is Unknown: taint it unreachable and mark its Pods not ready.',
      tainteviction_tolerationExpired:
        'Pod on {{node}} tolerated the unreachable taint for {{tolerationSeconds}} s, which has passed → delete it.',
      replicaset_createPods:
        'The {{kind}} wants {{replicas}} Pods and has {{activePods}} active → create {{diff}} (at most burstReplicas = {{burstReplicas}} per sync), in slow-start batches of {{batches}}; {{created}} created.',
      replicaset_deletePods:
        'The {{kind}} wants {{replicas}} Pods and has {{activePods}} active → delete {{diff}}, ranked by ActivePodsWithRanks.Less. {{firstPod}} goes first: {{firstReasonText}}',
      scheduler_selectHost:
        'Filter, then score: the filters leave {{feasible}} of {{nodes}} nodes{{filteredText}}. {{scoreText}} {{tieText}}',
      scheduler_unschedulable:
        'Filter: none of the {{nodes}} nodes passes the filters{{filteredText}}. With no node to score, the Pod stays Pending; the scheduler tries again when a node or Pod changes.',
      // The parts of the two scheduler sentences (why.ts picks them by the record's values).
      schedulerParts: {
        filtered: '; {{parts}}',
        separator: '; ',
        unschedulable: '{{unschedulable}} node(s) are cordoned (NodeUnschedulable)',
        taintOne:
          '{{taintedNode}} is filtered out because the Pod does not tolerate its taint {{taintKey}} (TaintToleration)',
        taintMany:
          '{{untoleratedTaint}} nodes have a taint the Pod does not tolerate, such as {{taintKey}} on {{taintedNode}} (TaintToleration)',
        tooManyPods: '{{tooManyPods}} node(s) already run as many Pods as they allow (NodeResourcesFit)',
        spread:
          "Score: to spread a workload's Pods, the default scheduler prefers the node with the fewest Pods of {{ownerKind}} {{owner}} (PodTopologySpread's system default), then the least allocated one (NodeResourcesFit LeastAllocated; here, the fewest Pods). {{node}} scores best, with {{ownerPods}} of them and {{nodePods}} Pod(s) in all.",
        noOwner:
          'Score: the Pod has no controller, so there is no workload to spread; the default scheduler prefers the least allocated node (NodeResourcesFit LeastAllocated; here, the fewest Pods). {{node}} scores best, with {{nodePods}} Pod(s).',
        tie: '{{ties}} nodes tied for the best score, so selectHost picked {{node}} at random.',
        noTie: 'No other node scored as well, so no tie-break was needed.',
      },
    },
    deleteReasons: {
      all: 'every active Pod goes, so no ranking is needed.',
      unscheduled: 'it is not scheduled to a node yet and {{comparedWith}} is.',
      pending: 'its phase is earlier than that of {{comparedWith}} (Pending < Unknown < Running).',
      notReady: 'it is not Ready and {{comparedWith}} is.',
      deletionCost: 'its pod-deletion-cost is lower than that of {{comparedWith}}.',
      doubledUp:
        'its node runs {{firstRank}} related Pods, more than the {{comparedRank}} on the node of {{comparedWith}} (doubled-up Pods go first).',
      newerReady: 'it became Ready more recently than {{comparedWith}} (compared on a log₂ scale).',
      restarts: 'its containers restarted more often than those of {{comparedWith}}.',
      newer: 'it was created more recently than {{comparedWith}} (compared on a log₂ scale).',
      uid: 'it ties with {{comparedWith}} on every rule (same log₂ age bucket) and its UID sorts first.',
      tie: 'no rule tells it from {{comparedWith}}; the sort keeps the list order.',
    },
  },
  services: {
    none: 'No Services in the {{namespace}} namespace yet. Try: kubectl expose deployment web-deploy --port=80',
    type: 'Type',
    clusterIP: 'Cluster IP',
    ports: 'Ports',
    selector: 'Selector',
    summary: '{{receiving}} Pod(s) receive traffic on {{ports}}; {{excluded}} excluded.',
    noSelector:
      'No selector: its Endpoints are not managed by the endpoints controller (the API server keeps them).',
    noEndpoints: 'No Endpoints object yet: the endpoints controller has not synced this Service.',
    pod: 'Pod',
    address: 'Address',
    node: 'Node',
    traffic: 'Traffic',
    selectPod: 'Select this Pod in the picture',
    state: {
      ready: 'Receives traffic (Ready)',
      notReady: 'Excluded: not Ready',
      terminating: 'Excluded: terminating',
      noIP: 'Excluded: no IP yet',
    },
  },
  editor: {
    title: 'kubectl edit {{object}}',
    titleGeneric: 'kubectl edit',
    label: 'YAML (what kubectl put in the editor’s file)',
    hint: 'Lines starting with # are ignored; an empty file aborts the edit. Tab moves focus, so indent with spaces. The cluster keeps running while you edit.',
    recorded: 'Save and Cancel are recorded on the timeline with the text, so rewinding replays this edit.',
    save: 'Save',
    cancel: 'Cancel',
  },
  help: {
    title: 'Keyboard shortcuts',
    space: 'Play / pause virtual time',
    right: 'Step to the next event',
    speed: 'Slower / faster',
    slash: 'Focus the console',
    question: 'Show this help',
    close: 'Close',
    left: 'Rewind to the previous change',
  },
  error: {
    title: 'Something went wrong in this panel.',
    body: 'The rest of the page still works. You can try to show it again.',
    retry: 'Try again',
  },
  bench: {
    title: 'View benchmark',
  },
};

export type Resources = typeof en;
