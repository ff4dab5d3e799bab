// `kubectl describe deployment|replicaset|replicationcontroller|daemonset|statefulset`.
import {
  deepEqual,
  formatLabelSelector,
  formatLabels,
  formatRFC1123Z,
  labelSelectorAsSelector,
  parseTime,
  selectorMatches,
  selectorString,
  type DaemonSet,
  type Deployment,
  type KubeObject,
  type LabelSelector,
  type Pod,
  type PodTemplateSpec,
  type ReplicaSet,
  type ReplicationController,
  type StatefulSet,
  type Stored,
} from '../../engine/index.ts';
import { describePodTemplate } from './containers.ts';
import { describeVolumeClaimTemplates } from './storage.ts';
import {
  LEVEL_0,
  LEVEL_1,
  describeEvents,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  refOf,
  searchEvents,
  tabbedString,
  type DescribeContext,
  type PrefixWriter,
} from './describe.ts';

const isControlledBy = (obj: KubeObject, owner: KubeObject) =>
  obj.metadata?.ownerReferences?.some((r) => r.controller === true && r.uid === owner.metadata?.uid) ?? false;

const selectorText = (ls: LabelSelector | undefined) => {
  const sel = labelSelectorAsSelector(ls);
  return sel ? selectorString(sel) : '';
};

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go equalIgnoreHash
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return { ...t, metadata: { ...t?.metadata, labels } };
  };
  return deepEqual(strip(a), strip(b));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go GetAllReplicaSetsInChunks
/** The deployment's old ReplicaSets (all of them, oldest first) and its new one. */
export function getAllReplicaSets(
  d: Deployment,
  ctx: DescribeContext,
): { old: Stored<ReplicaSet>[]; newRS?: Stored<ReplicaSet> } {
  const sel = labelSelectorAsSelector(d.spec?.selector);
  const owned = ctx.cluster.api
    .list<ReplicaSet>('ReplicaSet', d.metadata?.namespace, sel ?? [])
    .filter((rs) => isControlledBy(rs, d))
    .sort(
      (a, b) =>
        parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) ||
        (a.metadata.name < b.metadata.name ? -1 : 1),
    );
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { old: owned.filter((rs) => rs !== newRS), newRS };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printReplicaSetsByLabels
function printReplicaSetsByLabels(rss: readonly ReplicaSet[]): string {
  const list = rss
    .map(
      (rs) =>
        `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return list || '<none>';
}

const intOrString = (v: number | string | undefined) => (v === undefined ? '<nil>' : String(v));

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeDeployment
export function describeDeployment(d: Deployment, ctx: DescribeContext): string {
  const { old, newRS } = getAllReplicaSets(d, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(d)) : undefined;
  return tabbedString((w) => {
    const st = d.status;
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(parseTime(d.metadata?.creationTimestamp))}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorText(d.spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st?.updatedReplicas ?? 0} updated | ${st?.replicas ?? 0} total | ${st?.availableReplicas ?? 0} available | ${st?.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    const ru = d.spec?.strategy?.rollingUpdate;
    if (ru)
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
      );
    describePodTemplate(d.spec?.template, w);
    if ((st?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of st!.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (old.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go getPodStatusForController
function podStatusForController(
  owner: KubeObject,
  selector: LabelSelector | undefined,
  ctx: DescribeContext,
): string {
  const sel = labelSelectorAsSelector(selector) ?? [];
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of ctx.cluster.api.list<Pod>('Pod', owner.metadata?.namespace, sel)) {
    if (!isControlledBy(pod, owner) || !selectorMatches(sel, pod.metadata.labels)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') running++;
    else if (phase === 'Pending') waiting++;
    else if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function describeConditions(
  conditions: readonly { type: string; status: string; reason?: string }[] | undefined,
  w: PrefixWriter,
): void {
  if ((conditions ?? []).length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeReplicaSet
export function describeReplicaSet(rs: ReplicaSet, ctx: DescribeContext): string {
  const pods = podStatusForController(rs, rs.spec?.selector, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(rs)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${pods}\n`);
    describePodTemplate(rs.spec?.template, w);
    describeConditions(rs.status?.conditions, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeReplicationController
export function describeReplicationController(rc: ReplicationController, ctx: DescribeContext): string {
  const pods = podStatusForController(rc, { matchLabels: rc.spec?.selector ?? {} }, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(rc)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(rc.spec?.template, w);
    describeConditions(rc.status?.conditions, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeDaemonSet
export function describeDaemonSet(ds: DaemonSet, ctx: DescribeContext): string {
  const pods = podStatusForController(ds, ds.spec?.selector, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(ds)) : undefined;
  return tabbedString((w) => {
    const st = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeStatefulSet
export function describeStatefulSet(ss: StatefulSet, ctx: DescribeContext): string {
  const pods = podStatusForController(ss, ss.spec?.selector, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(ss)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(parseTime(ss.metadata?.creationTimestamp))}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(ss.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${ss.spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = ss.spec?.updateStrategy?.rollingUpdate;
    if (ru?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined)
        w.write(LEVEL_1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(ss.spec?.template, w);
    describeVolumeClaimTemplates(ss.spec?.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}
