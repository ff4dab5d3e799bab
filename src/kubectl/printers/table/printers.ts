// Server-side table printing: the columns and rows the apiserver returns for `kubectl get` (as=Table).
import type {
  Container,
  DaemonSet,
  Deployment,
  Endpoints,
  Event,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PodCondition,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../../../engine/index.ts';
import {
  formatLabelSelector,
  formatLabels,
  humanDuration,
  labelSelectorAsSelector,
  parseTime,
  selectorString,
} from '../../../engine/index.ts';
import { translateTimestampSince, type Cell, type GenerateOptions, type TableRow } from './types.ts';

export const row = (object: KubeObject, cells: Cell[]): TableRow[] => [{ object, cells }];
export const nameOf = (o: KubeObject) => o.metadata?.name ?? '';
export const age = (o: KubeObject, opts: GenerateOptions) =>
  translateTimestampSince(o.metadata?.creationTimestamp, opts.now);

// Models kubernetes/pkg/printers/internalversion/printers.go layoutContainerCells
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

const hasPodReadyCondition = (conditions: readonly PodCondition[] | undefined) =>
  (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

const isPodInitializedConditionTrue = (conditions: readonly PodCondition[] | undefined) =>
  (conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');

const isRestartableInitContainer = (c: Container | undefined) => c?.restartPolicy === 'Always';

const later = (a: string, b: string | undefined) => (b && (!a || parseTime(b) > parseTime(a)) ? b : a);

// Models kubernetes/pkg/printers/internalversion/printers.go printPod
export function printPod(pod: Pod, options: GenerateOptions): TableRow[] {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = spec?.containers.length ?? 0;
  let readyContainers = 0;
  let lastRestartDate = '';
  let lastRestartableInitContainerRestartDate = '';
  const podPhase = status.phase ?? '';
  let reason = status.reason || podPhase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    restarts += container.restartCount;
    const lastTerminated = container.lastState?.terminated;
    if (lastTerminated) lastRestartDate = later(lastRestartDate, lastTerminated.finishedAt);
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount;
      if (lastTerminated)
        lastRestartableInitContainerRestartDate = later(
          lastRestartableInitContainerRestartDate,
          lastTerminated.finishedAt,
        );
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(status.conditions)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += container.restartCount;
      const lastTerminated = container.lastState?.terminated;
      if (lastTerminated) lastRestartDate = later(lastRestartDate, lastTerminated.finishedAt);
      const terminated = container.state?.terminated;
      if (container.state?.waiting?.reason) {
        reason = container.state.waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning)
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate) {
    restartsStr = `${restarts} (${translateTimestampSince(lastRestartDate, options.now)} ago)`;
  }

  const cells: Cell[] = [
    nameOf(pod),
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsStr,
    age(pod, options),
  ];
  if (options.wide) {
    const podIP = status.podIPs?.[0]?.ip || '<none>';
    const nodeName = spec?.nodeName || '<none>';
    const nominated = status.nominatedNodeName || '<none>';
    let readinessGates = '<none>';
    const gates = spec?.readinessGates ?? [];
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    cells.push(podIP, nodeName, nominated, readinessGates);
  }
  return row(pod, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printReplicaSet
export function printReplicaSet(rs: ReplicaSet, options: GenerateOptions): TableRow[] {
  const cells: Cell[] = [
    nameOf(rs),
    rs.spec?.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    age(rs, options),
  ];
  if (options.wide) {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    cells.push(names, images, formatLabelSelector(rs.spec?.selector));
  }
  return row(rs, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printDeployment
export function printDeployment(d: Deployment, options: GenerateOptions): TableRow[] {
  const cells: Cell[] = [
    nameOf(d),
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    age(d, options),
  ];
  if (options.wide) {
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    const sel = labelSelectorAsSelector(d.spec?.selector);
    cells.push(names, images, sel ? selectorString(sel) : '');
  }
  return row(d, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printStatefulSet
export function printStatefulSet(s: StatefulSet, options: GenerateOptions): TableRow[] {
  const cells: Cell[] = [
    nameOf(s),
    `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`,
    age(s, options),
  ];
  if (options.wide) cells.push(...layoutContainerCells(s.spec?.template?.spec?.containers));
  return row(s, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printDaemonSet
export function printDaemonSet(ds: DaemonSet, options: GenerateOptions): TableRow[] {
  const st = ds.status;
  const cells: Cell[] = [
    nameOf(ds),
    st?.desiredNumberScheduled ?? 0,
    st?.currentNumberScheduled ?? 0,
    st?.numberReady ?? 0,
    st?.updatedNumberScheduled ?? 0,
    st?.numberAvailable ?? 0,
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    age(ds, options),
  ];
  if (options.wide) {
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    cells.push(names, images, formatLabelSelector(ds.spec?.selector));
  }
  return row(ds, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go getServiceExternalIP
function getServiceExternalIP(svc: Service, wide: boolean): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ips = [
        ...new Set(
          (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean),
        ),
      ].sort();
      let lb = ips.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

// Models kubernetes/pkg/printers/internalversion/printers.go makePortString
function makePortString(ports: NonNullable<Service['spec']>['ports']): string {
  return (ports ?? [])
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

// Models kubernetes/pkg/printers/internalversion/printers.go printService
export function printService(svc: Service, options: GenerateOptions): TableRow[] {
  // Stored services always carry clusterIPs; an object without them falls back to clusterIP.
  const internalIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>';
  const cells: Cell[] = [
    nameOf(svc),
    svc.spec?.type ?? 'ClusterIP',
    internalIP,
    getServiceExternalIP(svc, options.wide),
    makePortString(svc.spec?.ports) || '<none>',
    age(svc, options),
  ];
  if (options.wide) cells.push(formatLabels(svc.spec?.selector));
  return row(svc, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go formatEndpoints
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

// Models kubernetes/pkg/printers/internalversion/printers.go printEndpoints
export function printEndpoints(ep: Endpoints, options: GenerateOptions): TableRow[] {
  return row(ep, [nameOf(ep), formatEndpoints(ep), age(ep, options)]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go printNamespace
export function printNamespace(ns: Namespace, options: GenerateOptions): TableRow[] {
  return row(ns, [nameOf(ns), ns.status?.phase ?? '', age(ns, options)]);
}

// Models kubernetes/pkg/printers/internalversion/printers.go findNodeRoles
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

const nodeAddress = (node: Node, type: string) =>
  node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';

// Models kubernetes/pkg/printers/internalversion/printers.go printNode
export function printNode(node: Node, options: GenerateOptions): TableRow[] {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = findNodeRoles(node).join(',') || '<none>';
  const info = node.status?.nodeInfo;
  const cells: Cell[] = [
    nameOf(node),
    status.join(','),
    roles,
    age(node, options),
    info?.kubeletVersion ?? '',
  ];
  if (options.wide) {
    cells.push(
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    );
  }
  return row(node, cells);
}

// Models kubernetes/pkg/printers/internalversion/printers.go formatEventSource
function formatEventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

// Models kubernetes/pkg/printers/internalversion/printers.go printEvent
export function printEvent(ev: Event, options: GenerateOptions): TableRow[] {
  const since = (t: string | undefined) => (t ? humanDuration(options.now - parseTime(t)) : '<unknown>');
  const firstTimestamp = ev.firstTimestamp ? since(ev.firstTimestamp) : since(ev.eventTime);
  let lastTimestamp = ev.lastTimestamp ? since(ev.lastTimestamp) : firstTimestamp;
  let count = ev.count ?? 0;
  if (ev.series) {
    lastTimestamp = since(ev.series.lastObservedTime);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  const inv = ev.involvedObject;
  const target = inv.name ? `${(inv.kind ?? '').toLowerCase()}/${inv.name}` : (inv.kind ?? '').toLowerCase();
  const message = (ev.message ?? '').trim();
  const cells: Cell[] = options.wide
    ? [
        lastTimestamp,
        ev.type ?? '',
        ev.reason ?? '',
        target,
        inv.fieldPath ?? '',
        formatEventSource(ev),
        message,
        firstTimestamp,
        count,
        nameOf(ev),
      ]
    : [lastTimestamp, ev.type ?? '', ev.reason ?? '', target, message];
  return row(ev, cells);
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go printObjectMeta
export function printObjectMeta(obj: KubeObject, options: GenerateOptions): TableRow[] {
  return row(obj, [nameOf(obj), age(obj, options)]);
}
