// Models kubernetes/pkg/controller/endpoint/endpoints_controller.go syncService: a Service's Endpoints list the
// IPs of the Ready pods its selector matches (not-ready ones under notReadyAddresses); terminating pods leave
// at once.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, splitKey } from '../controller.ts';
import type { Endpoints, Pod, Service, Stored } from '../../api/types.ts';
import { isPodReady } from '../../api/pod-util.ts';
import { labelSelectorAsSelector, selectorMatches, type Selector } from '../../apimachinery/labels.ts';
import { deepEqual } from '../../util/copy.ts';

type Address = NonNullable<NonNullable<Endpoints['subsets']>[number]['addresses']>[number];
type EndpointPort = NonNullable<NonNullable<Endpoints['subsets']>[number]['ports']>[number];

// Models kubernetes/staging/src/k8s.io/endpointslice/util/controller_utils.go ShouldPodBeInEndpoints
function shouldPodBeInEndpoints(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  return !pod.metadata?.deletionTimestamp;
}

/** The container port a Service's targetPort (number or name) points at. */
export function findPort(
  pod: Pod,
  targetPort: number | string | undefined,
  fallback: number,
): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (targetPort === undefined) return fallback;
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if (p.name === targetPort) return p.containerPort;
  return undefined;
}

function ipKey(ip: string): string {
  return ip
    .split('.')
    .map((o) => o.padStart(3, '0'))
    .join('.');
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';

  /** Per namespace, the Services with a selector and their selectors (dropped on every Service change). */
  private readonly selectors = new Map<string | undefined, { svc: Stored<Service>; sel: Selector }[]>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<Service>('Service', (e) => {
      this.selectors.clear();
      ctx.queue.add(this, keyOf(e.object));
    });
    ctx.api.watch<Pod>('Pod', (e) => {
      const ns = e.object.metadata.namespace;
      let services = this.selectors.get(ns);
      if (!services) {
        services = [];
        for (const svc of ctx.api.list<Service>('Service', ns)) {
          const sel = svc.spec?.selector;
          if (sel) services.push({ svc, sel: labelSelectorAsSelector({ matchLabels: sel })! });
        }
        this.selectors.set(ns, services);
      }
      for (const { svc, sel: s } of services) {
        if (
          selectorMatches(s, e.object.metadata.labels) ||
          (e.old && selectorMatches(s, e.old.metadata.labels))
        )
          ctx.queue.add(this, keyOf(svc));
      }
    });
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.ctx.api.get<Service>('Service', ns, name);
    const existing = this.ctx.api.get<Endpoints>('Endpoints', ns, name);
    if (!svc) {
      if (
        existing &&
        existing.metadata.labels?.['endpoints.kubernetes.io/managed-by'] === 'endpoint-controller'
      )
        this.ctx.api.delete('Endpoints', ns, name);
      return;
    }
    if (!svc.spec?.selector) return; // endpoints of a selector-less Service are managed by hand
    const sel = labelSelectorAsSelector({ matchLabels: svc.spec.selector })!;
    const ready: Address[] = [];
    const notReady: Address[] = [];
    let ports: EndpointPort[] = [];
    for (const pod of this.ctx.api.list<Pod>('Pod', ns, sel)) {
      if (!shouldPodBeInEndpoints(pod)) continue;
      const addr: Address = {
        ip: pod.status!.podIP!,
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
      };
      const pp: EndpointPort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp.targetPort, sp.port);
        if (port !== undefined)
          pp.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
      }
      if (pp.length === 0) continue;
      ports = pp;
      (isPodReady(pod) ? ready : notReady).push(addr);
    }
    // Models kubernetes/pkg/api/v1/endpoints/util.go RepackSubsets (one subset; addresses sorted by IP)
    const byIP = (a: Address, b: Address) => (ipKey(a.ip) < ipKey(b.ip) ? -1 : 1);
    ready.sort(byIP);
    notReady.sort(byIP);
    const subsets =
      ready.length + notReady.length === 0
        ? undefined
        : [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports,
            },
          ];
    const labels = {
      ...(svc.metadata.labels ?? {}),
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    };
    if (!existing) {
      const ep: Endpoints = {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace: ns, labels },
        ...(subsets ? { subsets } : {}),
      };
      this.ctx.api.create(ep);
      return;
    }
    if (deepEqual(existing.subsets, subsets) && deepEqual(existing.metadata.labels, labels)) return;
    const next: Endpoints = {
      ...existing,
      metadata: { ...existing.metadata, labels },
      ...(subsets ? { subsets } : {}),
    };
    if (!subsets) delete next.subsets;
    this.ctx.api.update(next);
  }
}
