// What the Services tab shows: each Service as `kubectl get svc` prints it (TYPE, CLUSTER-IP, PORT(S)), and who
// receives its traffic — the Ready addresses of its Endpoints — next to the Pods it selects but leaves out:
// notReadyAddresses, Pods being deleted (the endpoints controller drops them at once) and Pods with no IP yet.
import type { Cluster, Endpoints, Pod, Service } from '../../engine/index.ts';

export type EndpointState = 'ready' | 'notReady' | 'terminating' | 'noIP';

export interface EndpointRow {
  /** The address (`10.244.1.4`), or empty for a Pod that has none yet. */
  ip: string;
  /** The Pod behind it (targetRef, or the selected Pod itself), if any. */
  pod: string | null;
  node: string | null;
  state: EndpointState;
}

export interface ServiceRow {
  name: string;
  type: string;
  clusterIP: string;
  /** kubectl get svc's PORT(S): `80:31092/TCP`. */
  ports: string;
  /** Where the traffic goes on each endpoint: `80/TCP` (Endpoints ports). */
  targetPorts: string;
  /** `app=web`, or null for a Service without a selector (its Endpoints are managed by hand or the apiserver). */
  selector: string | null;
  /** Whether an Endpoints object of the same name exists. */
  hasEndpoints: boolean;
  endpoints: EndpointRow[];
}

// Models kubernetes/pkg/printers/internalversion/printers.go makePortString
export function makePortString(ports: NonNullable<Service['spec']>['ports']): string {
  return (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

const ORDER: Record<EndpointState, number> = { ready: 0, notReady: 1, terminating: 2, noIP: 3 };

function ipKey(ip: string): string {
  return ip
    .split('.')
    .map((o) => o.padStart(3, '0'))
    .join('.');
}

function matches(selector: Record<string, string>, pod: Pod): boolean {
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function servicesOf(cluster: Cluster, namespace: string): ServiceRow[] {
  const services = cluster.api
    .list<Service>('Service', namespace)
    .slice()
    // The learner's Services first; selector-less ones (`kubernetes`) after them.
    .sort(
      (a, b) =>
        Number(!a.spec?.selector) - Number(!b.spec?.selector) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  const pods = cluster.api.list<Pod>('Pod', namespace);
  return services.map((svc) => {
    const ep = cluster.api.get<Endpoints>('Endpoints', namespace, svc.metadata.name);
    const rows: EndpointRow[] = [];
    const seen = new Set<string>();
    const ports = new Set<string>();
    for (const s of ep?.subsets ?? []) {
      for (const p of s.ports ?? []) ports.add(`${p.port}/${p.protocol ?? 'TCP'}`);
      for (const [list, state] of [
        [s.addresses, 'ready'],
        [s.notReadyAddresses, 'notReady'],
      ] as const) {
        for (const a of list ?? []) {
          const pod = a.targetRef?.kind === 'Pod' ? (a.targetRef.name ?? null) : null;
          if (pod) seen.add(pod);
          rows.push({ ip: a.ip, pod, node: a.nodeName ?? null, state });
        }
      }
    }
    const sel = svc.spec?.selector;
    if (sel && Object.keys(sel).length > 0) {
      for (const pod of pods) {
        if (seen.has(pod.metadata.name) || !matches(sel, pod)) continue;
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') continue;
        const state: EndpointState = pod.metadata.deletionTimestamp
          ? 'terminating'
          : !pod.status?.podIP
            ? 'noIP'
            : // Selected and running but not yet in the Endpoints (the controller has not synced).
              'notReady';
        rows.push({
          ip: pod.status?.podIP ?? '',
          pod: pod.metadata.name,
          node: pod.spec?.nodeName ?? null,
          state,
        });
      }
    }
    rows.sort(
      (a, b) =>
        ORDER[a.state] - ORDER[b.state] ||
        ipKey(a.ip).localeCompare(ipKey(b.ip)) ||
        (a.pod ?? '').localeCompare(b.pod ?? ''),
    );
    return {
      name: svc.metadata.name,
      type: svc.spec?.type ?? 'ClusterIP',
      clusterIP: svc.spec?.clusterIP ?? '<none>',
      ports: makePortString(svc.spec?.ports),
      targetPorts: [...ports].join(','),
      selector: sel
        ? Object.entries(sel)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : null,
      hasEndpoints: ep !== undefined,
      endpoints: rows,
    };
  });
}
