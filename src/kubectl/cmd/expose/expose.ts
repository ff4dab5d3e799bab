// `kubectl expose (-f FILE | TYPE NAME) [--port] [--target-port] [--type] [--name] [--protocol] [--selector]`:
// a Service selecting the pods of a deployment, replica set, pod or service, on the ports it introspects.
import type { KubeObject, Service } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  outputFlag,
  recordFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { build, type Info } from '../../resource/builder.ts';
import { PrinterError } from '../../printers/errors.ts';
import { withApplyAnnotation } from '../apply/apply.ts';
import {
  GoError,
  Output,
  getDryRunStrategy,
  newAggregate,
  type DryRunStrategy,
  type KubectlError,
} from '../util/helpers.ts';
import { record } from '../util/invocation.ts';
import { asTypedObject, printerFor, type ObjectPrinter } from '../util/printing.ts';
import { applyOverrides, overrideFlags } from '../util/override.ts';

const flags: FlagSpec[] = [
  outputFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
  showManagedFieldsFlag,
  recordFlag,
  { name: 'protocol', type: 'string', default: '' },
  { name: 'port', type: 'string', default: '' },
  { name: 'type', type: 'string', default: '' },
  { name: 'load-balancer-ip', type: 'string', default: '' },
  { name: 'selector', type: 'string', default: '' },
  { name: 'labels', short: 'l', type: 'string', default: '' },
  { name: 'target-port', type: 'string', default: '' },
  { name: 'external-ip', type: 'string', default: '' },
  { name: 'name', type: 'string', default: '' },
  { name: 'session-affinity', type: 'string', default: '' },
  { name: 'cluster-ip', type: 'string', default: '' },
  fieldManagerFlag('kubectl-expose'),
  ...overrideFlags,
  dryRunFlag,
  { name: 'save-config', type: 'bool', default: false },
  ...filenameFlags,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/canbeexposed.go canBeExposed
function canBeExposed(m: Info['mapping']): GoError | undefined {
  if (['Pod', 'Service', 'ReplicationController'].includes(m.kind) && m.group === '') return undefined;
  if (['Deployment', 'ReplicaSet'].includes(m.kind) && (m.group === 'apps' || m.group === 'extensions'))
    return undefined;
  return new GoError(`cannot expose a ${m.group ? `${m.kind}.${m.group}` : m.kind}`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/generate/generate.go MakeLabels
function makeLabels(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

type ServicePort = NonNullable<NonNullable<Service['spec']>['ports']>[number];
interface ContainerLike {
  ports?: { containerPort: number; protocol?: string }[];
}

/** The parts of a pod, workload or service spec expose looks at. */
interface Spec {
  template?: { spec?: { containers?: ContainerLike[] } };
  selector?: unknown;
  containers?: ContainerLike[];
  ports?: ServicePort[];
}

const specOf = (obj: KubeObject): Spec => (obj as { spec?: Spec }).spec ?? {};
const containersOf = (obj: KubeObject) =>
  (obj.kind === 'Pod' ? specOf(obj).containers : specOf(obj).template?.spec?.containers) ?? [];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/mapbasedselectorforobject.go mapBasedSelectorForObject
function mapBasedSelectorForObject(obj: KubeObject): string | GoError {
  const spec = specOf(obj);
  switch (obj.kind) {
    case 'ReplicationController':
      return makeLabels(spec.selector as Record<string, string>);
    case 'Pod':
      if (Object.keys(obj.metadata?.labels ?? {}).length === 0)
        return new GoError('the pod has no labels and cannot be exposed');
      return makeLabels(obj.metadata?.labels);
    case 'Service':
      if (!spec.selector) return new GoError('the service has no pod selector set');
      return makeLabels(spec.selector as Record<string, string>);
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = spec.selector as
        { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (!sel || (sel.matchExpressions ?? []).length > 0) {
        const exprs = (sel?.matchExpressions ?? []) as { key: string; operator: string; values?: string[] }[];
        const shown = exprs.map(
          (e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`,
        );
        return new GoError(
          `couldn't convert expressions - "[${shown.join(' ')}]" to map-based selector format`,
        );
      }
      return makeLabels(sel.matchLabels);
    }
  }
  return new GoError(`cannot extract pod selector from ${obj.kind}`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/portsforobject.go portsForObject
function portsForObject(obj: KubeObject): string[] {
  if (obj.kind === 'Service') return (specOf(obj).ports ?? []).map((p) => String(p.port));
  return containersOf(obj).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/protocolsforobject.go multiProtocolsForObject
function multiProtocolsForObject(obj: KubeObject): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const p = String(port);
    result.set(p, [...(result.get(p) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of specOf(obj).ports ?? []) add(p.port, p.protocol);
  else for (const c of containersOf(obj)) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return result;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go parseLabels
function parseLabels(spec: string): Record<string, string> | GoError {
  if (spec === '') return new GoError('no label spec passed');
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return new GoError(`unexpected label spec: ${part}`);
    if (kv[0] === '') return new GoError('unexpected empty label key');
    labels[kv[0]!] = kv[1]!;
  }
  return labels;
}

// Models golang strconv Atoi (its error text)
function atoi(s: string): number | GoError {
  if (!/^[+-]?\d+$/.test(s)) return new GoError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n))
    return new GoError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go Parse
function parseIntOrString(s: string): number | string {
  const n = Number(s);
  return /^[+-]?\d+$/.test(s) && n >= -(2 ** 31) && n < 2 ** 31 ? n : s;
}

export interface ServiceOptions {
  selector: string;
  labels: string;
  name: string;
  defaultName: string;
  /** Ports taken from the exposed object when it has several (`80,443`), otherwise --port. */
  ports: string;
  port: string;
  protocol: string;
  /** Introspected `port/PROTOCOL` pairs. */
  protocols: Map<string, string[]>;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go ExposeServiceOptions.createService
export function createService(o: ServiceOptions): Service | GoError {
  if (o.selector === '') return new GoError('selector must be specified');
  const selector = parseLabels(o.selector);
  if (selector instanceof GoError) return selector;
  let labels: Record<string, string> | undefined;
  if (o.labels !== '') {
    const l = parseLabels(o.labels);
    if (l instanceof GoError) return l;
    labels = l;
  }
  const name = o.name || o.defaultName;
  if (!name) return new GoError('name must be specified');
  const portString = o.ports || o.port;
  const ports: ServicePort[] = [];
  if (portString !== '') {
    const list = portString.split(',');
    for (let i = 0; i < list.length; i++) {
      const port = atoi(list[i]!);
      if (port instanceof GoError) return port;
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = o.protocol;
      if (protocol === '' && o.protocols.size === 0) protocol = 'TCP';
      else if (protocol === '' && o.protocols.size > 0) {
        protocol = 'TCP';
        const found = o.protocols.get(list[i]!);
        if (found && found.length === 1) protocol = found[0]!;
        else if (found) {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
          continue;
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), port, protocol });
    }
  }
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { selector, ports },
  };
  const spec = svc.spec!;
  for (const p of spec.ports ?? [])
    p.targetPort = o.targetPort !== '' ? parseIntOrString(o.targetPort) : p.port;
  if (o.externalIP !== '') spec.externalIPs = [o.externalIP];
  if (o.type !== '') spec.type = o.type;
  // loadBalancerIP is omitempty: an empty --load-balancer-ip leaves it out.
  if (spec.type === 'LoadBalancer' && o.loadBalancerIP !== '') spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity !== '') {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP')
      return new GoError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP !== '') spec.clusterIP = o.clusterIP;
  return svc;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go ExposeServiceOptions.RunExpose
function runExpose(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) {
    out.fail(dryRun);
    return out.finish();
  }
  const printer = printerFor(cmd, env, dryRun);
  if (printer instanceof GoError) {
    out.fail(printer);
    return out.finish();
  }
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: false,
    latest: true,
  });
  if (r.err) {
    out.fail(r.err);
    return out.finish();
  }
  out.err(r.warnings.map((w) => `Warning: ${w}\n`).join(''));
  const errors: KubectlError[] = [...r.visitErrors];
  for (const info of r.infos) {
    const err = exposeOne(cmd, env, info, dryRun, printer, out);
    if (err) errors.push(err);
  }
  out.fail(newAggregate(errors));
  return out.finish();
}

function exposeOne(
  cmd: ParsedCommand,
  env: CommandEnv,
  info: Info,
  dryRun: DryRunStrategy,
  printer: ObjectPrinter,
  out: Output,
): KubectlError | undefined {
  const cannot = canBeExposed(info.mapping);
  if (cannot) return cannot;
  const obj = info.object!;
  const o: ServiceOptions = {
    selector: flagString(cmd, 'selector'),
    labels: flagString(cmd, 'labels'),
    name: flagString(cmd, 'name'),
    defaultName: info.name.slice(0, 63),
    ports: '',
    port: flagString(cmd, 'port'),
    protocol: flagString(cmd, 'protocol'),
    protocols: new Map(),
    targetPort: flagString(cmd, 'target-port'),
    externalIP: flagString(cmd, 'external-ip'),
    type: flagString(cmd, 'type'),
    loadBalancerIP: flagString(cmd, 'load-balancer-ip'),
    sessionAffinity: flagString(cmd, 'session-affinity'),
    clusterIP: flagString(cmd, 'cluster-ip'),
  };
  if (o.selector === '') {
    const s = mapBasedSelectorForObject(obj);
    if (s instanceof GoError)
      return new GoError(`couldn't retrieve selectors via --selector flag or introspection: ${s.message}`);
    o.selector = s;
  }
  if (o.port === '') {
    const ports = portsForObject(obj);
    if (ports.length === 0) {
      if (o.clusterIP !== 'None') return new GoError("couldn't find port via --port flag or introspection");
    } else if (ports.length === 1) o.port = ports[0]!;
    else o.ports = ports.join(',');
  }
  o.protocols = multiProtocolsForObject(obj);
  if (o.labels === '') o.labels = makeLabels(obj.metadata?.labels);
  const created = createService(o);
  if (created instanceof GoError) return created;
  let service = applyOverrides(cmd, created);
  if (service instanceof GoError) return service;
  service = record(service, flagBool(cmd, 'record'));
  const emit = (s: KubeObject): KubectlError | undefined => {
    try {
      out.out(printer(s, 'exposed'));
    } catch (e) {
      if (e instanceof PrinterError) {
        out.out(e.stdout);
        return new GoError(e.message);
      }
      throw e;
    }
    return undefined;
  };
  if (dryRun === 'client') {
    if (cmd.given.has('namespace')) service.metadata = { ...service.metadata, namespace: cmd.namespace };
    return emit(asTypedObject(service));
  }
  if (flagBool(cmd, 'save-config')) service = withApplyAnnotation(service);
  service.metadata = { ...service.metadata, namespace: cmd.namespace };
  const [stored, err] = env.cluster.api.create(service, { dryRun: dryRun === 'server' });
  if (err) return err;
  if (dryRun !== 'server') env.cluster.settle();
  return emit(stored);
}

export const exposeCommand: KubectlCommand = { path: ['expose'], flags, run: runExpose };
