// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:targetPort]`.
import type { Service } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagInt, flagString, flagStrings } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  fieldManagerFlag,
  outputFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { validateFlag, withApplyAnnotation } from '../apply/apply.ts';
import { GoError, Output, getDryRunStrategy, usageErrorf } from '../util/helpers.ts';
import { argsLenAtDash } from '../util/invocation.ts';
import { printerFor } from '../util/printing.ts';
import { createAndPrint } from './create-object.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
type ServicePort = NonNullable<NonNullable<Service['spec']>['ports']>[number];

const common: FlagSpec[] = [
  outputFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
  showManagedFieldsFlag,
  { name: 'save-config', type: 'bool', default: false },
  validateFlag,
  { name: 'tcp', type: 'stringArray', default: [] },
  fieldManagerFlag('kubectl-create'),
  dryRunFlag,
];

// Models golang strconv ParseUint(s, 10, 16) as k8s.io/utils/net ParsePort uses it
function parsePort(s: string): number | GoError {
  if (!/^\d+$/.test(s)) return new GoError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) return new GoError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsValidPortName
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length < 1 || name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), or hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (/^-|-$/.test(name)) errs.push('must not begin or end with a hyphen');
  return errs;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go parsePorts
function parsePorts(spec: string): [number, number | string] | GoError {
  const parts = spec.split(':');
  const port = parsePort(parts[0]!);
  if (port instanceof GoError) return port;
  if (parts.length === 1) return [port, port];
  const target = parts[1]!;
  if (!/^[+-]?\d+$/.test(target)) {
    const errs = portNameErrors(target);
    return errs.length > 0 ? new GoError(errs.join(',')) : [port, target];
  }
  const n = Number(target);
  if (n < 1 || n > 65535) return new GoError('must be between 1 and 65535, inclusive');
  return [port, n];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go ServiceOptions.createService
export function buildService(
  name: string,
  type: ServiceType,
  tcp: readonly string[],
  nodePort: number,
  clusterIP: string,
  externalName: string,
): Service | GoError {
  const ports: ServicePort[] = [];
  for (const spec of tcp) {
    const p = parsePorts(spec);
    if (p instanceof GoError) return p;
    ports.push({
      name: spec.replaceAll(':', '-'),
      port: p[0],
      targetPort: p[1],
      protocol: 'TCP',
      ...(nodePort !== 0 ? { nodePort } : {}),
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app: name } },
    spec: {
      type,
      selector: { app: name },
      ports,
      ...(externalName ? { externalName } : {}),
      ...(clusterIP ? { clusterIP } : {}),
    },
  };
}

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function runCreateService(type: ServiceType, cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const path = `kubectl create service ${type.toLowerCase()}`;
  const fail = (err: GoError) => {
    out.fail(err);
    return out.finish();
  };
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create.go NameFromCommandArgs
  const dash = argsLenAtDash();
  const argsLen = dash === -1 ? cmd.args.length : dash;
  if (argsLen !== 1) return fail(usageErrorf(path, `exactly one NAME is required, got ${argsLen}`));
  const name = cmd.args[0]!;
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(dryRun);
  const printer = printerFor(cmd, env, dryRun);
  if (printer instanceof GoError) return fail(printer);
  const tcp = flagStrings(cmd, 'tcp').flatMap((t) => t.split(','));
  const clusterIP = flagString(cmd, 'clusterip');
  const externalName = flagString(cmd, 'external-name');
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go ServiceOptions.Validate
  if (clusterIP === 'None' && type !== 'ClusterIP')
    return fail(new GoError('ClusterIP=None can only be used with ClusterIP service type'));
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    return fail(new GoError('at least one tcp port specifier must be provided'));
  if (type === 'ExternalName' && (externalName.length > 253 || !dns1123Subdomain.test(externalName)))
    return fail(new GoError(`invalid service external name ${externalName}`));
  let svc = buildService(
    name,
    type,
    tcp,
    cmd.flags.has('node-port') ? flagInt(cmd, 'node-port') : 0,
    clusterIP,
    externalName,
  );
  if (svc instanceof GoError) return fail(svc);
  if (flagBool(cmd, 'save-config')) svc = withApplyAnnotation(svc);
  if (cmd.given.has('namespace')) svc.metadata = { ...svc.metadata, namespace: cmd.namespace };
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go ServiceOptions.Run
  return createAndPrint(svc, cmd, env, dryRun, printer, out, `failed to create ${type} service`);
}

const serviceCommand = (type: ServiceType, extra: FlagSpec[]): KubectlCommand => ({
  path: ['create', 'service', type.toLowerCase()],
  flags: [...common, ...extra],
  run: (cmd, env) => runCreateService(type, cmd, env),
});

export const createServiceCommands = {
  clusterip: serviceCommand('ClusterIP', [{ name: 'clusterip', type: 'string', default: '' }]),
  nodeport: serviceCommand('NodePort', [{ name: 'node-port', type: 'int', default: 0 }]),
  loadbalancer: serviceCommand('LoadBalancer', []),
  externalname: serviceCommand('ExternalName', [{ name: 'external-name', type: 'string', default: '' }]),
};
