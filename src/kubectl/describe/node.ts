// `kubectl describe node`.
import {
  formatRFC1123Z,
  leaseRenewTime,
  parseTime,
  withNodeHeartbeats,
  type Container,
  type Node,
  type Pod,
} from '../../engine/index.ts';
import { findNodeRoles } from '../printers/table/printers.ts';
import {
  addQuantity,
  formatQuantity,
  parseQuantity,
  quantityValue,
  zeroQuantity,
  type Quantity,
} from './quantity.ts';
import {
  LEVEL_0,
  LEVEL_1,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printNodeTaintsMultiline,
  refOf,
  searchEvents,
  tabbedString,
  translateTimestampSince,
  type DescribeContext,
  type PrefixWriter,
} from './describe.ts';

type ResourceMap = Map<string, Quantity>;

const rfc1123z = (ts: string | undefined) => (ts ? formatRFC1123Z(parseTime(ts)) : '<unset>');

function addList(into: ResourceMap, list: Record<string, unknown> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantity(String(raw));
    if (q) into.set(name, addQuantity(into.get(name) ?? zeroQuantity(), q));
  }
}

function maxList(into: ResourceMap, list: Record<string, unknown> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantity(String(raw));
    if (q && q.milli > (into.get(name)?.milli ?? -1)) into.set(name, q);
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/resource/resource.go PodRequestsAndLimits
export function podRequestsAndLimits(pod: Pod): [ResourceMap, ResourceMap] {
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  const containers: readonly Container[] = pod.spec?.containers ?? [];
  for (const c of containers) {
    addList(reqs, c.resources?.requests);
    addList(limits, c.resources?.limits);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addList(reqs, c.resources?.requests);
      addList(limits, c.resources?.limits);
    } else {
      maxList(reqs, c.resources?.requests);
      maxList(limits, c.resources?.limits);
    }
  }
  addList(reqs, pod.spec?.overhead);
  addList(limits, pod.spec?.overhead);
  return [reqs, limits];
}

const get = (m: ResourceMap, name: string) => m.get(name) ?? zeroQuantity();
const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource
function describeNodeResource(pods: readonly Pod[], node: Node, ctx: DescribeContext, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc: ResourceMap = new Map();
  addList(
    alloc,
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity,
  );
  const allocCpu = get(alloc, 'cpu').milli;
  const allocMem = quantityValue(get(alloc, 'memory'));
  const totalReqs: ResourceMap = new Map();
  const totalLimits: ResourceMap = new Map();
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod);
    for (const [k, v] of req) totalReqs.set(k, addQuantity(totalReqs.get(k) ?? zeroQuantity(), v));
    for (const [k, v] of lim) totalLimits.set(k, addQuantity(totalLimits.get(k) ?? zeroQuantity(), v));
    const cpuReq = get(req, 'cpu');
    const cpuLim = get(lim, 'cpu');
    const memReq = get(req, 'memory');
    const memLim = get(lim, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${formatQuantity(cpuReq)} (${pct(cpuReq.milli, allocCpu)}%)\t${formatQuantity(cpuLim)} (${pct(cpuLim.milli, allocCpu)}%)\t${formatQuantity(memReq)} (${pct(quantityValue(memReq), allocMem)}%)\t${formatQuantity(memLim)} (${pct(quantityValue(memLim), allocMem)}%)\t${translateTimestampSince(pod.metadata?.creationTimestamp, ctx.now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const line = (name: string, whole: number, value: (q: Quantity) => number) => {
    const r = get(totalReqs, name);
    const l = get(totalLimits, name);
    w.write(
      LEVEL_1,
      `${name}\t${formatQuantity(r)} (${pct(value(r), whole)}%)\t${formatQuantity(l)} (${pct(value(l), whole)}%)\n`,
    );
  };
  line('cpu', allocCpu, (q) => q.milli);
  line('memory', allocMem, quantityValue);
  line('ephemeral-storage', quantityValue(get(alloc, 'ephemeral-storage')), quantityValue);
  const names = [...alloc.keys()].sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-')))
    line(name, quantityValue(get(alloc, name)), quantityValue);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  for (const name of names.filter(
    (n) =>
      !n.startsWith('hugepages-') &&
      !standard.has(n) &&
      !n.startsWith('requests.') &&
      !n.startsWith('limits.'),
  )) {
    w.write(
      LEVEL_1,
      `${name}\t${formatQuantity(get(totalReqs, name))}\t${formatQuantity(get(totalLimits, name))}\n`,
    );
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode
export function describeNode(node: Node, ctx: DescribeContext): string {
  const name = node.metadata?.name ?? '';
  const pods = ctx.cluster.api
    .list<Pod>('Pod')
    .filter(
      (p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
  // The node controller reports events under the node's uid, the kubelet under its name.
  const events = ctx.showEvents
    ? [...searchEvents(ctx.cluster, refOf(node)), ...searchEvents(ctx.cluster, { ...refOf(node), uid: name })]
    : undefined;
  return tabbedString((w) => {
    const st = withNodeHeartbeats(ctx.cluster, node, ctx.now).status;
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    // The engine keeps no Lease objects: a node's kubelet holds one, renewed on its 10 s grid.
    const renew = leaseRenewTime(ctx.cluster, name, ctx.now);
    if (renew === undefined) {
      w.write(
        LEVEL_0,
        `Lease:\tFailed to get lease: leases.coordination.k8s.io ${JSON.stringify(name)} not found\n`,
      );
    } else {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${name}\n`);
      w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
      w.write(LEVEL_1, `RenewTime:\t${formatRFC1123Z(renew)}\n`);
    }
    if ((st?.conditions ?? []).length > 0) {
      w.write(
        LEVEL_0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      );
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st!.conditions!) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? undefined)} \t${rfc1123z(c.lastTransitionTime ?? undefined)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of st?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, unknown>) => {
      for (const k of Object.keys(list).sort()) {
        const raw = String(list[k]);
        const q = parseQuantity(raw);
        w.write(LEVEL_0, `  ${k}:\t${q ? formatQuantity(q) : raw}\n`);
      }
    };
    if (Object.keys(st?.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(st!.capacity!);
    }
    if (Object.keys(st?.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(st!.allocatable!);
    }
    const info = st?.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0)
      w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(pods, node, ctx, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}
