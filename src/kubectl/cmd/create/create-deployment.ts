// `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND ARGS...]`.
import type { Deployment } from '../../../engine/index.ts';
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
import { printerFor } from '../util/printing.ts';
import { createAndPrint } from './create-object.ts';
import { validateFlag, withApplyAnnotation } from '../apply/apply.ts';
import { GoError, Output, getDryRunStrategy, usageErrorf } from '../util/helpers.ts';
import { argsLenAtDash } from '../util/invocation.ts';

const flags: FlagSpec[] = [
  { name: 'image', type: 'stringArray', default: [] },
  { name: 'port', type: 'int', default: -1 },
  { name: 'replicas', short: 'r', type: 'int', default: 1 },
  { name: 'save-config', type: 'bool', default: false },
  validateFlag,
  dryRunFlag,
  outputFlag,
  fieldManagerFlag('kubectl-create'),
  showManagedFieldsFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go sanitizeAndUniquify
function sanitizeAndUniquify(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const name = n.replaceAll('_', '-');
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}-${count}`;
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go CreateDeploymentOptions.createDeployment
export function buildDeployment(
  name: string,
  images: string[],
  replicas: number,
  port: number,
  command: string[],
): Deployment {
  const labels = { app: name };
  const base = images.map((image) => {
    let n = image.split('/').pop()!;
    if (n.includes(':')) n = n.split(':')[0]!;
    if (n.includes('@')) n = n.split('@')[0]!;
    return n;
  });
  const names = sanitizeAndUniquify(base);
  const containers = images.map((image, i) => ({
    name: names[i]!,
    image,
    ...(command.length > 0 ? { command } : {}),
    ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
      strategy: {},
    },
  };
}

function runCreateDeployment(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create.go NameFromCommandArgs
  const dash = argsLenAtDash();
  const argsLen = dash === -1 ? cmd.args.length : dash;
  if (argsLen !== 1) {
    out.fail(usageErrorf('kubectl create deployment', `exactly one NAME is required, got ${argsLen}`));
    return out.finish();
  }
  const name = cmd.args[0]!;
  const command = cmd.args.slice(1);
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) {
    out.fail(dryRun);
    return out.finish();
  }
  const images = flagStrings(cmd, 'image');
  if (images.length > 1 && command.length > 0) {
    out.fail(new GoError('cannot specify multiple --image options and command'));
    return out.finish();
  }
  const printer = printerFor(cmd, env, dryRun);
  if (printer instanceof GoError) {
    out.fail(printer);
    return out.finish();
  }
  let deployment = buildDeployment(name, images, flagInt(cmd, 'replicas'), flagInt(cmd, 'port'), command);
  if (flagBool(cmd, 'save-config')) deployment = withApplyAnnotation(deployment);
  // The namespace is set only when given (EnforceNamespace); the request goes to the command's namespace.
  if (cmd.given.has('namespace')) (deployment.metadata ??= {}).namespace = cmd.namespace;
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go CreateDeploymentOptions.Run
  return createAndPrint(deployment, cmd, env, dryRun, printer, out, 'failed to create deployment');
}

export const createDeploymentCommand: KubectlCommand = {
  path: ['create', 'deployment'],
  aliases: ['deploy'],
  flags,
  run: runCreateDeployment,
};
