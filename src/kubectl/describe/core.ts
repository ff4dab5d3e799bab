// `kubectl describe service|endpoints|namespace`, and the generic describer for kinds without one.
import {
  formatLabelSelector,
  formatLabels,
  type Endpoints,
  type KubeObject,
  type LabelSelector,
  type Namespace,
  type Service,
} from '../../engine/index.ts';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  refOf,
  searchEvents,
  tabbedString,
  type DescribeContext,
  type PrefixWriter,
} from './describe.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go formatEndpointSlices
/** The ready endpoints of one service port, from the service's Endpoints object (the engine keeps no slices). */
export function formatServiceEndpoints(ep: Endpoints | undefined, portName: string): string {
  if (!ep) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of ep.subsets ?? []) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      for (const a of addresses) {
        if (list.length === max) more = true;
        if (!more) list.push(a.ip);
        count++;
      }
      continue;
    }
    for (const port of ss.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const a of addresses) {
        if (list.length === max) more = true;
        if (!more) list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeService
export function describeService(svc: Service, ctx: DescribeContext): string {
  const ns = svc.metadata?.namespace;
  const ep = ctx.cluster.api.get<Endpoints>('Endpoints', ns, svc.metadata?.name ?? '');
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(svc)) : undefined;
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(
      LEVEL_0,
      `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`,
    );
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0)
      w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress
        .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
        .join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${String(sp.targetPort ?? sp.port)}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatServiceEndpoints(ep, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy)
      w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0)
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeEndpoints
export function describeEndpoints(ep: Endpoints, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(ep)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const ss of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(
        LEVEL_1,
        `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
      );
      if ((ss.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ss.ports!)
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNamespace
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

// Models github.com/fatih/camelcase camelcase.go Split
function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const cls = /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
    if (cls === last) runs[runs.length - 1]!.push(r);
    else runs.push([r]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i]![0]!) && /\p{Ll}/u.test(runs[i + 1]![0]!)) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go smartLabelFor
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

const goValue = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : v === null || v === undefined
      ? '<nil>'
      : JSON.stringify(v);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printUnstructuredContent
function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const expr = `${skipPrefix}.${field}`;
    if (skip.includes(expr) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, expr, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, expr, skip);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go genericDescriber.Describe
export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(obj)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    const content = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
    printUnstructuredContent(w, LEVEL_0, content, '', [
      '.metadata.managedFields',
      '.metadata.name',
      '.metadata.namespace',
      '.metadata.labels',
      '.metadata.annotations',
    ]);
    if (events) describeEvents(events, w, ctx.now);
  });
}

interface PodDisruptionBudget extends KubeObject {
  spec?: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: LabelSelector;
  };
  status?: {
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    expectedPods?: number;
  };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describePodDisruptionBudgetV1
export function describePodDisruptionBudget(pdb: PodDisruptionBudget, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(pdb)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ''}\n`);
    if (pdb.spec?.minAvailable !== undefined)
      w.write(LEVEL_0, `Min available:\t${String(pdb.spec.minAvailable)}\n`);
    else if (pdb.spec?.maxUnavailable !== undefined)
      w.write(LEVEL_0, `Max unavailable:\t${String(pdb.spec.maxUnavailable)}\n`);
    w.write(
      LEVEL_0,
      `Selector:\t${pdb.spec?.selector ? formatLabelSelector(pdb.spec.selector) : '<unset>'}\n`,
    );
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}
