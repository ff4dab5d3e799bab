// `kubectl describe pod`.
import { formatRFC1123Z, parseTime, type Container, type Pod } from '../../engine/index.ts';
import { describeContainers, describeResources, describeVolumes } from './containers.ts';
import {
  LEVEL_0,
  LEVEL_1,
  describeEvents,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  printPodTolerationsMultiline,
  refOf,
  searchEvents,
  tabbedString,
  translateTimestampSince,
  type DescribeContext,
  type PrefixWriter,
} from './describe.ts';

const hasRequestsOrLimits = (c: Container) =>
  Object.keys(c.resources?.requests ?? {}).length > 0 || Object.keys(c.resources?.limits ?? {}).length > 0;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/qos/qos.go GetPodQOS (ComputePodQOS when status has none)
export function getPodQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  if (!containers.some(hasRequestsOrLimits)) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    return ['cpu', 'memory'].every(
      (r) => lim[r] !== undefined && (req[r] === undefined || String(req[r]) === String(lim[r])),
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describePodIPs
function describePodIPs(pod: Pod, w: PrefixWriter, space: string): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod
export function describePod(pod: Pod, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(pod, false)) : undefined;
  return tabbedString((w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
    if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec?.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(parseTime(status.startTime))}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
    if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, ctx.now)})\n`,
      );
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost')
        w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w, '');
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: Container['resources'] } | undefined)?.resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    if ((spec?.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec!.initContainers!, status.initContainerStatuses, pod, w, '');
    }
    describeContainers('Containers', spec?.containers ?? [], status.containerStatuses, pod, w, '');
    if ((spec?.ephemeralContainers ?? []).length > 0) {
      describeContainers(
        'Ephemeral Containers',
        spec!.ephemeralContainers!,
        status.ephemeralContainerStatuses,
        pod,
        w,
        '',
      );
    }
    if ((spec?.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec!.readinessGates!) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec?.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${getPodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
    printPodTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
    if (events) describeEvents(events, w, ctx.now);
  });
}
