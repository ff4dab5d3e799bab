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

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDNS1123Label
function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!dns1123Label.test(value))
    errs.push(
      dns1123Subdomain.test(value)
        ? 'must not contain dots'
        : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  return errs;
}

/**
 * A core.ServicePort as field errors render it since v1.34 (JSON; the internal type has no json tags, so Go
 * field names), holding only what ValidateService puts in its duplicate key.
 */
function servicePortKey(protocol: string | undefined, port: number): string {
  return JSON.stringify({
    Name: '',
    Protocol: protocol ?? '',
    AppProtocol: null,
    Port: port,
    TargetPort: 0,
    NodePort: 0,
  });
}

// Models kubernetes/pkg/apis/core/validation/validation.go ValidateService (subset)
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
  const allPortNames = new Set<string>();
  ports.forEach((p, i) =>
    errs.push(...validateServicePort(p, ports.length > 1, allPortNames, `spec.ports[${i}]`)),
  );
  // Duplicate nodePorts, then duplicate ports, each considering (protocol, port) pairs.
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol ?? ''}/${p.nodePort}`;
    if (nodePorts.has(key))
      errs.push({ type: 'Duplicate', field: `spec.ports[${i}].nodePort`, value: String(p.nodePort) });
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = servicePortKey(p.protocol, p.port);
    if (seen.has(key)) errs.push({ type: 'Duplicate', field: `spec.ports[${i}]`, value: key });
    seen.add(key);
  });
  return errs;
}

type ServicePort = NonNullable<NonNullable<Service['spec']>['ports']>[number];

// Models kubernetes/pkg/apis/core/validation/validation.go validateServicePort (subset)
function validateServicePort(
  sp: ServicePort,
  requireName: boolean,
  allNames: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push({ type: 'Required', field: `${path}.name` });
  else if (sp.name) {
    for (const detail of isDNS1123Label(sp.name))
      errs.push({ type: 'Invalid', field: `${path}.name`, value: JSON.stringify(sp.name), detail });
    if (allNames.has(sp.name))
      errs.push({ type: 'Duplicate', field: `${path}.name`, value: JSON.stringify(sp.name) });
    else allNames.add(sp.name);
  }
  if (!(sp.port >= 1 && sp.port <= 65535))
    errs.push({
      type: 'Invalid',
      field: `${path}.port`,
      value: String(sp.port),
      detail: 'must be between 1 and 65535, inclusive',
    });
  if (sp.nodePort !== undefined && (sp.nodePort < 30000 || sp.nodePort > 32767))
    errs.push({
      type: 'Invalid',
      field: `${path}.nodePort`,
      value: String(sp.nodePort),
      detail: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
    });
  return errs;
}
