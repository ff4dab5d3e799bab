// The API types the engine stores: the upstream OpenAPI types (kubernetes-types, type-only), with the
// `readonly` markers on server-set fields (status, uid, resourceVersion, ...) removed, since here the
// engine *is* the server.
import type * as core from 'kubernetes-types/core/v1';
import type * as apps from 'kubernetes-types/apps/v1';
import type * as meta from 'kubernetes-types/meta/v1';
import type * as policy from 'kubernetes-types/policy/v1';
import type * as storage from 'kubernetes-types/storage/v1';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** An API kind with writable status and metadata. */
type Kind<T> = { -readonly [K in keyof T]: K extends 'metadata' ? ObjectMeta | undefined : T[K] };

export type ObjectMeta = Writable<meta.ObjectMeta>;
export type OwnerReference = meta.OwnerReference;
export type LabelSelector = meta.LabelSelector;

export type Pod = Kind<core.Pod>;
export type PodSpec = core.PodSpec;
export type PodStatus = core.PodStatus;
export type PodCondition = core.PodCondition;
export type PodTemplateSpec = Kind<core.PodTemplateSpec>;
export type Container = core.Container;
export type ContainerStatus = core.ContainerStatus;
export type Node = Kind<core.Node>;
export type NodeCondition = core.NodeCondition;
export type Taint = core.Taint;
export type Toleration = core.Toleration;
export type Event = Kind<core.Event>;
export type Service = Kind<core.Service>;
export type Endpoints = Kind<core.Endpoints>;
export type Namespace = Kind<core.Namespace>;
export type ObjectReference = core.ObjectReference;
export type ReplicationController = Kind<core.ReplicationController>;
export type ReplicationControllerSpec = core.ReplicationControllerSpec;
export type ReplicationControllerStatus = core.ReplicationControllerStatus;
export type Deployment = Kind<apps.Deployment>;
export type DeploymentSpec = apps.DeploymentSpec;
export type DeploymentStatus = apps.DeploymentStatus;
export type DeploymentCondition = apps.DeploymentCondition;
export type ReplicaSet = Kind<apps.ReplicaSet>;
export type ReplicaSetStatus = apps.ReplicaSetStatus;
export type DaemonSet = Kind<apps.DaemonSet>;
export type StatefulSet = Kind<apps.StatefulSet>;
export type StatefulSetSpec = apps.StatefulSetSpec;
export type StatefulSetStatus = apps.StatefulSetStatus;
export type ControllerRevision = Kind<apps.ControllerRevision>;
export type PersistentVolumeClaim = Kind<core.PersistentVolumeClaim>;
export type PersistentVolumeClaimSpec = core.PersistentVolumeClaimSpec;
export type PersistentVolume = Kind<core.PersistentVolume>;
export type StorageClass = Kind<storage.StorageClass>;
export type PodDisruptionBudget = Kind<policy.PodDisruptionBudget>;
export type PodDisruptionBudgetSpec = policy.PodDisruptionBudgetSpec;
export type PodDisruptionBudgetStatus = policy.PodDisruptionBudgetStatus;
export type Condition = meta.Condition;

/** Any API object: what every stored object has in common. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** A stored object: apiVersion, kind and the server-set metadata are always present. */
export type Stored<T extends KubeObject> = T & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string; creationTimestamp: string };
};
