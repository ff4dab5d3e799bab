// What a request to a Service reaches, as kube-proxy's rules route it: by NodePort on any node, by ClusterIP,
// by the Service's DNS name, or straight to a pod IP. A Service picks one of its Ready endpoints at random
// (the iptables mode's probabilities); the container answers as its image would.
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Endpoints, Node, Pod, Service, Stored } from '../api/types.ts';
import type { ImageRegistry } from '../kubelet/images.ts';
import type { Rand } from '../rand/rand.ts';

export type HttpResult =
  | { ok: true; body: string; pod: string; service?: string }
  | { ok: false; exitCode: number; message: string };

const refused = (host: string, port: number): HttpResult => ({
  ok: false,
  exitCode: 7,
  message: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`,
});

export function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)/.exec(url.trim());
  if (!m) return undefined;
  return { host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

export function httpRequest(
  api: ApiServer,
  images: ImageRegistry,
  rand: Rand,
  url: string,
  hostAliases: ReadonlyMap<string, string> = new Map(),
  namespace = 'default',
): HttpResult {
  const u = parseUrl(url);
  if (!u)
    return { ok: false, exitCode: 3, message: `curl: (3) URL rejected: Malformed input to a URL function` };
  const host = hostAliases.get(u.host) ?? u.host;
  const services = api.list<Service>('Service');
  const nodes = api.list<Node>('Node');
  const node = nodes.find(
    (n) => n.metadata.name === host || n.status?.addresses?.some((a) => a.address === host),
  );
  if (node) {
    const svc = services.find((s) => s.spec?.ports?.some((p) => p.nodePort === u.port));
    if (!svc) return refused(u.host, u.port);
    return viaService(
      api,
      images,
      rand,
      svc,
      svc.spec!.ports!.find((p) => p.nodePort === u.port)!.port,
      u.host,
      u.port,
    );
  }
  const byIP = services.find((s) => s.spec?.clusterIP === host);
  if (byIP) return viaService(api, images, rand, byIP, u.port, u.host, u.port);
  const parts = host.split('.');
  const dns =
    parts.length === 1 || parts[2] === 'svc' || parts.length === 2
      ? services.find((s) => s.metadata.name === parts[0] && s.metadata.namespace === (parts[1] ?? namespace))
      : undefined;
  if (dns && (parts.length <= 3 || host.endsWith('.svc.cluster.local')))
    return viaService(api, images, rand, dns, u.port, u.host, u.port);
  const pod = api.list<Pod>('Pod').find((p) => p.status?.podIP === host);
  if (pod) return fromPod(images, pod, u.port, u.host);
  return { ok: false, exitCode: 6, message: `curl: (6) Could not resolve host: ${u.host}` };
}

function viaService(
  api: ApiServer,
  images: ImageRegistry,
  rand: Rand,
  svc: Stored<Service>,
  port: number,
  host: string,
  reqPort: number,
): HttpResult {
  const sp = svc.spec?.ports?.find((p) => p.port === port);
  if (!sp) return refused(host, reqPort);
  const ep = api.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const targets: { ip: string; pod?: string; port: number }[] = [];
  for (const subset of ep?.subsets ?? []) {
    const p = subset.ports?.find((x) => (sp.name ? x.name === sp.name : true));
    if (!p) continue;
    for (const a of subset.addresses ?? []) targets.push({ ip: a.ip, pod: a.targetRef?.name, port: p.port });
  }
  if (targets.length === 0) return refused(host, reqPort);
  const t = targets[rand.int(0, targets.length - 1)]!;
  const pod = t.pod ? api.get<Pod>('Pod', svc.metadata.namespace, t.pod) : undefined;
  if (!pod) return refused(host, reqPort);
  const r = fromPod(images, pod, t.port, host, reqPort);
  return r.ok ? { ...r, service: svc.metadata.name } : r;
}

function fromPod(
  images: ImageRegistry,
  pod: Stored<Pod>,
  port: number,
  host: string,
  reqPort = port,
): HttpResult {
  for (const c of pod.spec?.containers ?? []) {
    const info = images.lookup(c.image ?? '');
    const running = pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state?.running;
    if (info?.port === port && info.httpResponse && running) {
      return {
        ok: true,
        body: info.httpResponse.replaceAll('{pod}', pod.metadata.name),
        pod: pod.metadata.name,
      };
    }
  }
  return refused(host, reqPort);
}
