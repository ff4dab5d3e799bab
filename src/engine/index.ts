// The engine's public surface. Code outside src/engine imports only from here.
export { Cluster, createCluster, type ClusterOptions, type ClusterListener } from './cluster.ts';
export { KUBERNETES_VERSION } from './version.ts';
export type * from './api/types.ts';
export {
  resources,
  resolveResource,
  resourceForKind,
  kindWithGroup,
  resourceWithGroup,
  apiVersionOf,
  type ResourceInfo,
} from './api/registry.ts';
export type {
  ApiServer,
  WatchEvent,
  WatchEventType,
  WatchHandler,
  DeleteOptions,
  WriteOptions,
} from './apiserver/apiserver.ts';
export {
  ApiError,
  fieldErrorString,
  fieldErrorBody,
  type FieldError,
  type Result,
  type StatusCause,
} from './apiserver/errors.ts';
export { evictPod, type EvictionOptions } from './apiserver/eviction.ts';
export {
  parseSelector,
  labelSelectorAsSelector,
  selectorMatches,
  formatLabelSelector,
  formatLabels,
  selectorString,
  type Selector,
  type Labels,
} from './apimachinery/labels.ts';
export {
  formatRFC3339,
  formatRFC1123Z,
  parseTime,
  humanDuration,
  shortHumanDuration,
  goDuration,
} from './apimachinery/time.ts';
export { getScaledValueFromIntOrPercent, formatIntOrString } from './apimachinery/intstr.ts';
export type { TraceRecord } from './trace/trace.ts';
export { deepCopy, deepEqual, canonicalJSON } from './util/copy.ts';
export { isPodReady, isPodAvailable, isPodActive, controllerRef } from './api/pod-util.ts';
export { parseImageRef, type ImageInfo, type ImageRegistry } from './kubelet/images.ts';
export { leaseRenewTime, nodeHeartbeatTime, withNodeHeartbeats } from './kubelet/heartbeat.ts';
export type { HttpResult } from './proxy/proxy.ts';
export { deploymentTraceRules, type DeploymentTraceRule } from './controller/deployment/trace-rules.ts';
export { replicaSetTraceRules } from './controller/replicaset/replica-set.ts';
export { schedulerTraceRules } from './scheduler/scheduler.ts';
