// Discovery: which kinds exist, their group/version, plural resource name and short names, as the
// apiserver advertises them and kubectl resolves `po`, `deploy`, `deployments.apps` and so on.

export interface ResourceInfo {
  kind: string;
  group: string; // '' for the core group
  version: string;
  resource: string; // plural
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
}

export const resources: readonly ResourceInfo[] = [
  {
    kind: 'Pod',
    group: '',
    version: 'v1',
    resource: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    resource: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Event',
    group: '',
    version: 'v1',
    resource: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    resource: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
  },
  {
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    resource: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  },
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    resource: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
  {
    kind: 'ReplicationController',
    group: '',
    version: 'v1',
    resource: 'replicationcontrollers',
    singular: 'replicationcontroller',
    shortNames: ['rc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolumeClaim',
    group: '',
    version: 'v1',
    resource: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    shortNames: ['pvc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolume',
    group: '',
    version: 'v1',
    resource: 'persistentvolumes',
    singular: 'persistentvolume',
    shortNames: ['pv'],
    namespaced: false,
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    namespaced: true,
  },
  {
    kind: 'ControllerRevision',
    group: 'apps',
    version: 'v1',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'PodDisruptionBudget',
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    namespaced: true,
  },
  {
    kind: 'StorageClass',
    group: 'storage.k8s.io',
    version: 'v1',
    resource: 'storageclasses',
    singular: 'storageclass',
    shortNames: ['sc'],
    namespaced: false,
  },
];

const byKind = new Map(resources.map((r) => [r.kind, r]));

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `deployment.apps/web-deploy created`. */
export function kindWithGroup(kind: string): string {
  const r = byKind.get(kind);
  if (!r) return kind.toLowerCase();
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `deployments.apps`, `pods`: how the apiserver names a resource in errors (`deployments.apps "x" not found`). */
export function resourceWithGroup(kind: string): string {
  const r = byKind.get(kind);
  if (!r) return kind.toLowerCase();
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/**
 * Resolves what a learner types (`po`, `pods`, `pod`, `deploy`, `deployment.apps`, `Deployment`) to a resource.
 * Returns undefined for unknown names; kubectl then prints `error: the server doesn't have a resource type "x"`.
 */
export function resolveResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  for (const r of resources) {
    if (group !== undefined && group !== r.group && !(group === `${r.version}.${r.group}`)) continue;
    if (
      base === r.resource ||
      base === r.singular ||
      r.shortNames.includes(base) ||
      base === r.kind.toLowerCase()
    )
      return r;
  }
  return undefined;
}
