// The kubectl command tree (pkg/cmd/cmd.go NewKubectlCommand): every top-level command kubectl v1.36 has, in
// the order cobra holds them (it suggests names in this order), the ones the simulator implements, and the
// root help text.
import type { KubectlCommand } from '../command.ts';
import { applyCommand } from './apply/apply.ts';
import { annotateCommand } from './annotate/annotate.ts';
import { apiResourcesCommand, apiVersionsCommand } from './apiresources/apiresources.ts';
import { createCommand } from './create/create.ts';
import { createDeploymentCommand } from './create/create-deployment.ts';
import { createServiceCommands } from './create/create-service.ts';
import { createPdbCommand } from './create/create-pdb.ts';
import { editCommand } from './edit/edit.ts';
import { exposeCommand } from './expose/expose.ts';
import { logsCommand } from './logs/logs.ts';
import { deleteCommand } from './delete/delete.ts';
import { labelCommand } from './label/label.ts';
import { patchCommand } from './patch/patch.ts';
import { rolloutCommands } from './rollout/rollout.ts';
import { rollingUpdateCommand, rollingUpdateDurations } from './rollingupdate/rollingupdate.ts';
import { scaleCommand } from './scale/scale.ts';
import { setImageCommand } from './set/set-image.ts';
import { versionCommand } from './version/version.ts';
import { getCommand } from './get/get.ts';
import { describeCommand } from './describe/describe.ts';
import { cordonCommands, drainCommand } from './drain/drain.ts';

export interface CommandInfo {
  command?: KubectlCommand;
  /** The one-line description of `kubectl --help`. */
  short: string;
  /** cobra MarkFlagRequired. */
  required?: readonly string[];
  /** Flags holding a Go duration (`--timeout=30s`), checked as pflag's DurationVar does. */
  durations?: readonly string[];
  /** cobra SuggestFor. */
  suggestFor?: readonly string[];
  /** Children (`rollout status`, `set image`). */
  children?: Readonly<Record<string, CommandInfo>>;
  /** A parent that only holds subcommands: prints its help on stderr and exits 1 (DefaultSubCommandRun). */
  parentOnly?: boolean;
  /** Help text of a parent command (its subcommand list). */
  help?: string;
  /**
   * cobra Hidden: left out of `kubectl --help`, suggestions and completion. (The root help leaves it out by
   * not listing it in a group; suggestionsFor and completions in kubectl.ts do not look at it yet.)
   */
  hidden?: boolean;
}

const notImplemented: CommandInfo = { short: '' };

/** kubectl's top-level commands in cobra's order (AddCommand order; it is not re-sorted before lookup). */
export const rootCommands: ReadonlyArray<readonly [string, CommandInfo]> = [
  [
    'create',
    {
      command: createCommand,
      short: 'Create a resource from a file or from stdin',
      children: {
        deployment: {
          command: createDeploymentCommand,
          short: 'Create a deployment with the specified name',
          required: ['image'],
        },
        poddisruptionbudget: {
          command: createPdbCommand,
          short: 'Create a pod disruption budget with the specified name',
        },
        service: {
          short: 'Create a service using a specified subcommand',
          parentOnly: true,
          help: 'Create a service using a specified subcommand.',
          children: {
            clusterip: { command: createServiceCommands.clusterip, short: 'Create a ClusterIP service' },
            externalname: {
              command: createServiceCommands.externalname,
              short: 'Create an ExternalName service',
              required: ['external-name'],
            },
            loadbalancer: {
              command: createServiceCommands.loadbalancer,
              short: 'Create a LoadBalancer service',
            },
            nodeport: { command: createServiceCommands.nodeport, short: 'Create a NodePort service' },
          },
        },
      },
    },
  ],
  [
    'expose',
    {
      command: exposeCommand,
      short:
        'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    },
  ],
  ['run', { ...notImplemented, short: 'Run a particular image on the cluster' }],
  [
    'set',
    {
      short: 'Set specific features on objects',
      parentOnly: true,
      children: { image: { command: setImageCommand, short: 'Update the image of a pod template' } },
    },
  ],
  ['explain', { ...notImplemented, short: 'Get documentation for a resource' }],
  ['get', { command: getCommand, short: 'Display one or many resources' }],
  ['edit', { command: editCommand, short: 'Edit a resource on the server' }],
  [
    'delete',
    {
      command: deleteCommand,
      short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
      durations: ['timeout'],
      suggestFor: ['rm'],
    },
  ],
  ['rollout', { short: 'Manage the rollout of a resource', parentOnly: true, children: rolloutCommands }],
  // Removed in kubectl 1.18; modelled from 1.17, where it was registered here (Deploy Commands) but Hidden.
  [
    'rolling-update',
    {
      command: rollingUpdateCommand,
      short: 'Perform a rolling update. This command is deprecated, use rollout instead',
      durations: rollingUpdateDurations,
      hidden: true,
    },
  ],
  [
    'scale',
    {
      command: scaleCommand,
      short: 'Set a new size for a deployment, replica set, or replication controller',
      required: ['replicas'],
      durations: ['timeout'],
    },
  ],
  [
    'autoscale',
    {
      ...notImplemented,
      short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
    },
  ],
  ['certificate', { ...notImplemented, short: 'Modify certificate resources' }],
  ['cluster-info', { ...notImplemented, short: 'Display cluster information' }],
  ['top', { ...notImplemented, short: 'Display resource (CPU/memory) usage' }],
  ['cordon', { command: cordonCommands.cordon, short: 'Mark node as unschedulable' }],
  ['uncordon', { command: cordonCommands.uncordon, short: 'Mark node as schedulable' }],
  [
    'drain',
    { command: drainCommand, short: 'Drain node in preparation for maintenance', durations: ['timeout'] },
  ],
  ['taint', { ...notImplemented, short: 'Update the taints on one or more nodes' }],
  [
    'describe',
    { command: describeCommand, short: 'Show details of a specific resource or group of resources' },
  ],
  ['logs', { command: logsCommand, short: 'Print the logs for a container in a pod' }],
  ['attach', { ...notImplemented, short: 'Attach to a running container' }],
  ['exec', { ...notImplemented, short: 'Execute a command in a container' }],
  ['port-forward', { ...notImplemented, short: 'Forward one or more local ports to a pod' }],
  ['proxy', { ...notImplemented, short: 'Run a proxy to the Kubernetes API server' }],
  ['cp', { ...notImplemented, short: 'Copy files and directories to and from containers' }],
  ['auth', { ...notImplemented, short: 'Inspect authorization' }],
  [
    'debug',
    { ...notImplemented, short: 'Create debugging sessions for troubleshooting workloads and nodes' },
  ],
  ['events', { ...notImplemented, short: 'List events' }],
  ['diff', { ...notImplemented, short: 'Diff the live version against a would-be applied version' }],
  [
    'apply',
    {
      command: applyCommand,
      short: 'Apply a configuration to a resource by file name or stdin',
      durations: ['timeout'],
    },
  ],
  ['patch', { command: patchCommand, short: 'Update fields of a resource' }],
  ['replace', { ...notImplemented, short: 'Replace a resource by file name or stdin' }],
  [
    'wait',
    { ...notImplemented, short: 'Experimental: Wait for a specific condition on one or many resources' },
  ],
  ['kustomize', { ...notImplemented, short: 'Build a kustomization target from a directory or URL' }],
  ['label', { command: labelCommand, short: 'Update the labels on a resource' }],
  ['annotate', { command: annotateCommand, short: 'Update the annotations on a resource' }],
  [
    'completion',
    {
      ...notImplemented,
      short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
    },
  ],
  ['config', { ...notImplemented, short: 'Modify kubeconfig files' }],
  ['plugin', { ...notImplemented, short: 'Provides utilities for interacting with plugins' }],
  ['version', { command: versionCommand, short: 'Print the client and server version information' }],
  [
    'api-versions',
    {
      command: apiVersionsCommand,
      short: 'Print the supported API versions on the server, in the form of "group/version"',
    },
  ],
  [
    'api-resources',
    { command: apiResourcesCommand, short: 'Print the supported API resources on the server' },
  ],
  ['options', { ...notImplemented, short: 'Print the list of flags inherited by all commands' }],
];

const groups: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  [
    'Cluster Management Commands:',
    ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  ],
  [
    'Troubleshooting and Debugging Commands:',
    ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  ],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
  ['Other Commands:', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

function shortOf(name: string): string {
  return rootCommands.find(([n]) => n === name)?.[1].short ?? '';
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/templates/templater.go (root help)
export function rootHelp(): string {
  const lines = [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
  ];
  for (const [title, names] of groups) {
    lines.push(title);
    for (const n of names) lines.push(`  ${n.padEnd(14)}  ${shortOf(n)}`);
    lines.push('');
  }
  lines.push(
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
  );
  return `${lines.join('\n')}\n`;
}

/** Help of a parent command such as `kubectl rollout`: its description and subcommands. */
export function parentHelp(path: readonly string[], info: CommandInfo): string {
  const children = Object.entries(info.children ?? {});
  const width = Math.max(...children.map(([n]) => n.length));
  const lines = [info.help ?? info.short, '', 'Available Commands:'];
  for (const [n, c] of children) lines.push(`  ${n.padEnd(width)}   ${c.short}`);
  lines.push(
    '',
    'Usage:',
    `  kubectl ${path.join(' ')} SUBCOMMAND [options]`,
    '',
    `Use "kubectl ${path.join(' ')} <command> --help" for more information about a given command.`,
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
  );
  return `${lines.join('\n')}\n`;
}

/** Help of a leaf command. Upstream prints long help with examples and every flag; we print the outline. */
export function commandHelp(path: readonly string[], info: CommandInfo): string {
  return `${info.short}.\n\nUsage:\n  kubectl ${path.join(' ')} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}
