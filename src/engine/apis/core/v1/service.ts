// Service defaulting, IP and port allocation, and validation (pkg/apis/core/v1/defaults.go SetDefaults_Service,
// pkg/registry/core/service/ipallocator and portallocator, pkg/apis/core/validation ValidateService subset).
import type { Service } from '../../../api/types.ts';
import type { FieldError } from '../../../apiserver/errors.ts';
import type { StrategyContext } from '../../../apiserver/strategy.ts';

/** Allocates ClusterIPs from 10.96.0.0/12 and NodePorts from 30000–32767, at random like the apiserver. */
export class ServiceAllocator {
  private readonly ips = new Set<string>();
  private readonly ports = new Set<number>();

  constructor(private readonly randInt: (from: number, to: number) => number) {}

  reserveIP(ip: string): boolean {
    if (this.ips.has(ip)) return false;
    this.ips.add(ip);
    return true;
  }

  allocateIP(): string {
    for (;;) {
      // 10.96.0.0/12 = 10.96.0.0 – 10.111.255.255; skip .0 and the first addresses kept for kubernetes/kube-dns.
      const n = this.randInt(16, (1 << 20) - 2);
      const ip = `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
      if (this.reserveIP(ip)) return ip;
    }
  }

  reservePort(p: number): boolean {
    if (this.ports.has(p)) return false;
    this.ports.add(p);
    return true;
  }

  allocatePort(): number {
    for (;;) {
      const p = this.randInt(30000, 32767);
      if (this.reservePort(p)) return p;
    }
  }

  release(svc: Service): void {
    if (svc.spec?.clusterIP) this.ips.delete(svc.spec.clusterIP);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) this.ports.delete(p.nodePort);
  }
}

const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

export function prepareServiceForCreate(
  svc: Service,
  _ctx: StrategyContext,
  alloc: ServiceAllocator,
): FieldError[] {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
  const errs = validateService(svc);
  if (errs.length > 0) return errs;
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP && spec.clusterIP !== 'None') {
      if (!alloc.reserveIP(spec.clusterIP))
        return [
          {
            type: 'Invalid',
            field: 'spec.clusterIPs',
            value: `[]string{${JSON.stringify(spec.clusterIP)}}`,
            detail: `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
          },
        ];
    } else if (!spec.clusterIP) spec.clusterIP = alloc.allocateIP();
    spec.clusterIPs = [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) {
        if (!alloc.reservePort(p.nodePort))
          return [
            {
              type: 'Invalid',
              field: 'spec.ports[0].nodePort',
              value: String(p.nodePort),
              detail: 'provided port is already allocated',
            },
          ];
      } else p.nodePort = alloc.allocatePort();
    }
  }
  svc.status = spec.type === 'LoadBalancer' ? { loadBalancer: {} } : { loadBalancer: {} };
  return [];
}

export function validateService(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  if (spec.type && !types.includes(spec.type))
    errs.push({
      type: 'NotSupported',
      field: 'spec.type',
      value: JSON.stringify(spec.type),
      detail: `supported values: ${types.map((t) => JSON.stringify(t)).join(', ')}`,
    });
  const ports = spec.ports ?? [];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && ports.length === 0)
    errs.push({ type: 'Required', field: 'spec.ports' });
  ports.forEach((p, i) => {
    if (ports.length > 1 && !p.name) errs.push({ type: 'Required', field: `spec.ports[${i}].name` });
    if (!(p.port >= 1 && p.port <= 65535))
      errs.push({
        type: 'Invalid',
        field: `spec.ports[${i}].port`,
        value: String(p.port),
        detail: 'must be between 1 and 65535, inclusive',
      });
    if (p.nodePort !== undefined && (p.nodePort < 30000 || p.nodePort > 32767))
      errs.push({
        type: 'Invalid',
        field: `spec.ports[${i}].nodePort`,
        value: String(p.nodePort),
        detail: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
      });
  });
  return errs;
}
