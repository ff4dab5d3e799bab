// `kubectl describe` text for any stored object; pure (objects + now → text), shared with the UI inspector.
import type {
  Cluster,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
  DaemonSet,
  Deployment,
  Endpoints,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
  StatefulSet,
} from '../../engine/index.ts';
import {
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
  describeReplicationController,
  describeStatefulSet,
} from './apps.ts';
import {
  describeEndpoints,
  describeGeneric,
  describeNamespace,
  describePodDisruptionBudget,
  describeService,
} from './core.ts';
import type { DescribeContext } from './describe.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.ts';

export type { DescribeContext } from './describe.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describerMap
/** The describe text of `obj`, using the describer for its kind or the generic one. */
export function describe(obj: KubeObject, ctx: DescribeContext): string {
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as Pod, ctx);
    case 'Deployment':
      return describeDeployment(obj as Deployment, ctx);
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, ctx);
    case 'ReplicationController':
      return describeReplicationController(obj as ReplicationController, ctx);
    case 'DaemonSet':
      return describeDaemonSet(obj as DaemonSet, ctx);
    case 'StatefulSet':
      return describeStatefulSet(obj as StatefulSet, ctx);
    case 'Node':
      return describeNode(obj as Node, ctx);
    case 'Service':
      return describeService(obj as Service, ctx);
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, ctx);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'PersistentVolume':
      return describePersistentVolume(obj as PersistentVolume, ctx);
    case 'PersistentVolumeClaim':
      return describePersistentVolumeClaim(obj as PersistentVolumeClaim, ctx);
    case 'StorageClass':
      return describeStorageClass(obj as StorageClass, ctx);
    case 'PodDisruptionBudget':
      return describePodDisruptionBudget(obj, ctx);
    default:
      return describeGeneric(obj, ctx);
  }
}

/**
 * `kubectl describe <kind> <name>` output for a stored object at the cluster's current time, or undefined when
 * the object does not exist.
 */
export function describeObject(
  cluster: Cluster,
  kind: string,
  namespace: string | undefined,
  name: string,
  showEvents = true,
): string | undefined {
  const obj = cluster.api.get(kind, namespace, name);
  if (!obj) return undefined;
  return describe(obj, { cluster, now: cluster.now(), showEvents });
}
