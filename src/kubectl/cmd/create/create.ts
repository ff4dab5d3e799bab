// `kubectl create -f FILE`: creates every object in the file (AlreadyExists when one is there).
import { ApiError } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString, flagStrings } from '../../command.ts';
import { finished, type CommandEnv, type Process } from '../../process.ts';
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  outputFlag,
  recordFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { build } from '../../resource/builder.ts';
import { validationDirective } from '../../resource/field-validation.ts';
import { validateFlag, withApplyAnnotation } from '../apply/apply.ts';
import {
  GoError,
  Output,
  addSourceToErr,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  usageErrorf,
  withDryRun,
  type KubectlError,
} from '../util/helpers.ts';
import { decodeForServer } from '../util/objects.ts';
import { record } from '../util/invocation.ts';

const flags: FlagSpec[] = [
  ...filenameFlags,
  selectorFlag,
  { name: 'edit', type: 'bool', default: false },
  { name: 'raw', type: 'string', default: '' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'windows-line-endings', type: 'bool', default: false },
  validateFlag,
  dryRunFlag,
  outputFlag,
  recordFlag,
  fieldManagerFlag('kubectl-create'),
  showManagedFieldsFlag,
  templateFlag,
];

/** The subcommands `kubectl create` lists in its help. */
export const createHelp = `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json

Available Commands:
  clusterrole           Create a cluster role
  clusterrolebinding    Create a cluster role binding for a particular cluster role
  configmap             Create a config map from a local file, directory or literal value
  cronjob               Create a cron job with the specified name
  deployment            Create a deployment with the specified name
  ingress               Create an ingress with the specified name
  job                   Create a job with the specified name
  namespace             Create a namespace with the specified name
  poddisruptionbudget   Create a pod disruption budget with the specified name
  priorityclass         Create a priority class with the specified name
  quota                 Create a quota with the specified name
  role                  Create a role with single rule
  rolebinding           Create a role binding for a particular role or cluster role
  secret                Create a secret using a specified subcommand
  service               Create a service using a specified subcommand
  serviceaccount        Create a service account with the specified name
  token                 Request a service account token

Usage:
  kubectl create -f FILENAME [options]

Use "kubectl create <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create.go CreateOptions.RunCreate
function runCreate(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const filenames = flagStrings(cmd, 'filename');
  if (filenames.length === 0 && !flagString(cmd, 'kustomize')) {
    return finished('', `Error: must specify one of -f and -k\n\n${createHelp}`, 1);
  }
  if (cmd.args.length > 0)
    return fail(out, usageErrorf('kubectl create', `Unexpected args: [${cmd.args.join(' ')}]`));
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const directive = validationDirective(flagString(cmd, 'validate'));
  if (typeof directive !== 'string') return fail(out, new GoError(directive.error));
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames,
    selector: flagString(cmd, 'selector'),
    validation: directive,
  });
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [...r.visitErrors];
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    let obj = record(info.object!, flagBool(cmd, 'record'));
    if (flagBool(cmd, 'save-config')) obj = withApplyAnnotation(obj);
    if (dryRun !== 'client') {
      const decoded = decodeForServer(obj, directive, out);
      if (decoded instanceof ApiError) {
        errs.push(addSourceToErr('creating', info.source, decoded));
        continue;
      }
      const [, err] = env.cluster.api.create(decoded, { dryRun: dryRun === 'server' });
      if (err) {
        errs.push(addSourceToErr('creating', info.source, err));
        continue;
      }
    }
    out.out(
      nameLine(info.mapping.kind, info.mapping.group, info.name, short ? '' : withDryRun('created', dryRun)),
    );
  }
  env.cluster.settle();
  if (errs.length === 0 && r.infos.length === 0) return fail(out, new GoError('no objects passed to create'));
  out.fail(newAggregate(errs));
  return out.finish();
}

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

export const createCommand: KubectlCommand = { path: ['create'], flags, run: runCreate };
