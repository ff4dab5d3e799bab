// A compact description of the API types a manifest may carry, for what the apiserver's decoder checks:
// unknown fields (strict field validation, kubectl's default `--validate=strict`: `strict decoding error:
// unknown field "spec.replica"`) and scalar type mismatches (`json: cannot unmarshal number into Go struct
// field EnvVar.spec.template.spec.containers.env.value of type string`).
// Data only. A node is one of:
//   ANY              any value, not checked (a field whose inner shape we do not list)
//   'string' 'int32' 'int64' 'bool'   a scalar of that Go type
//   SMAP             map[string]string: any keys, string values (labels, annotations, selectors)
//   QMAP             map[string]Quantity: any keys, number or string values (resource limits)
//   [node]           a list whose items follow `node`
//   { $: 'GoType', field: node, ... }   a struct: only the listed fields are known
// Structs are listed only where we are confident of the complete v1.36 field set; everything rarer is ANY,
// so a valid manifest is never rejected.

export const ANY = 0;
export const SMAP = 1;
export const QMAP = 2;
export type Scalar = 'string' | 'int32' | 'int64' | 'bool';
export type SchemaNode = typeof ANY | typeof SMAP | typeof QMAP | Scalar | SchemaNode[] | StructNode;
export interface StructNode {
  /** The Go type name (for error texts); every other key is a field. */
  readonly $: string;
  readonly [field: string]: SchemaNode | (string & {});
}

const S = 'string';
const I32 = 'int32';
const I64 = 'int64';
const B = 'bool';

const objectMeta: StructNode = {
  $: 'ObjectMeta',
  name: S,
  generateName: S,
  namespace: S,
  selfLink: S,
  uid: S,
  resourceVersion: S,
  generation: I64,
  creationTimestamp: ANY,
  deletionTimestamp: ANY,
  deletionGracePeriodSeconds: I64,
  labels: SMAP,
  annotations: SMAP,
  ownerReferences: ANY,
  finalizers: [S],
  managedFields: ANY,
};

const labelSelector: StructNode = {
  $: 'LabelSelector',
  matchLabels: SMAP,
  matchExpressions: [{ $: 'LabelSelectorRequirement', key: S, operator: S, values: [S] }],
};

const httpGet: StructNode = {
  $: 'HTTPGetAction',
  path: S,
  port: ANY,
  host: S,
  scheme: S,
  httpHeaders: [{ $: 'HTTPHeader', name: S, value: S }],
};
const exec: StructNode = { $: 'ExecAction', command: [S] };
const tcpSocket: StructNode = { $: 'TCPSocketAction', port: ANY, host: S };
const handler: StructNode = {
  $: 'LifecycleHandler',
  exec,
  httpGet,
  tcpSocket,
  sleep: { $: 'SleepAction', seconds: I64 },
};

const probe: StructNode = {
  $: 'Probe',
  exec,
  httpGet,
  tcpSocket,
  grpc: { $: 'GRPCAction', port: I32, service: S },
  initialDelaySeconds: I32,
  timeoutSeconds: I32,
  periodSeconds: I32,
  successThreshold: I32,
  failureThreshold: I32,
  terminationGracePeriodSeconds: I64,
};

const container: StructNode = {
  $: 'Container',
  name: S,
  image: S,
  command: [S],
  args: [S],
  workingDir: S,
  ports: [{ $: 'ContainerPort', name: S, hostPort: I32, containerPort: I32, protocol: S, hostIP: S }],
  envFrom: [{ $: 'EnvFromSource', prefix: S, configMapRef: ANY, secretRef: ANY }],
  env: [{ $: 'EnvVar', name: S, value: S, valueFrom: ANY }],
  resources: { $: 'ResourceRequirements', limits: QMAP, requests: QMAP, claims: ANY },
  resizePolicy: ANY,
  restartPolicy: S,
  restartPolicyRules: ANY,
  volumeMounts: [
    {
      $: 'VolumeMount',
      name: S,
      readOnly: B,
      recursiveReadOnly: S,
      mountPath: S,
      subPath: S,
      mountPropagation: S,
      subPathExpr: S,
    },
  ],
  volumeDevices: ANY,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: { $: 'Lifecycle', postStart: handler, preStop: handler, stopSignal: S },
  terminationMessagePath: S,
  terminationMessagePolicy: S,
  imagePullPolicy: S,
  securityContext: ANY,
  stdin: B,
  stdinOnce: B,
  tty: B,
};

const podSpec: StructNode = {
  $: 'PodSpec',
  volumes: ANY,
  initContainers: [container],
  containers: [container],
  ephemeralContainers: ANY,
  restartPolicy: S,
  terminationGracePeriodSeconds: I64,
  activeDeadlineSeconds: I64,
  dnsPolicy: S,
  nodeSelector: SMAP,
  serviceAccountName: S,
  serviceAccount: S,
  automountServiceAccountToken: B,
  nodeName: S,
  hostNetwork: B,
  hostPID: B,
  hostIPC: B,
  shareProcessNamespace: B,
  securityContext: ANY,
  imagePullSecrets: [{ $: 'LocalObjectReference', name: S }],
  hostname: S,
  hostnameOverride: S,
  subdomain: S,
  affinity: ANY,
  schedulerName: S,
  tolerations: [{ $: 'Toleration', key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 }],
  hostAliases: ANY,
  priorityClassName: S,
  priority: I32,
  dnsConfig: ANY,
  readinessGates: ANY,
  runtimeClassName: S,
  enableServiceLinks: B,
  preemptionPolicy: S,
  overhead: QMAP,
  topologySpreadConstraints: ANY,
  setHostnameAsFQDN: B,
  os: ANY,
  hostUsers: B,
  schedulingGates: ANY,
  resourceClaims: ANY,
  resources: ANY,
  workloadRef: ANY,
};

const podTemplateSpec: StructNode = { $: 'PodTemplateSpec', metadata: objectMeta, spec: podSpec };

const top = (kind: string, spec: StructNode): StructNode => ({
  $: kind,
  apiVersion: S,
  kind: S,
  metadata: objectMeta,
  spec,
  status: ANY,
});

/** Known fields by kind. Kinds not listed here are not checked. */
export const schemas: Readonly<Record<string, StructNode>> = {
  Deployment: top('Deployment', {
    $: 'DeploymentSpec',
    replicas: I32,
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: {
      $: 'DeploymentStrategy',
      type: S,
      rollingUpdate: { $: 'RollingUpdateDeployment', maxUnavailable: ANY, maxSurge: ANY },
    },
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
    paused: B,
    progressDeadlineSeconds: I32,
  }),
  ReplicaSet: top('ReplicaSet', {
    $: 'ReplicaSetSpec',
    replicas: I32,
    minReadySeconds: I32,
    selector: labelSelector,
    template: podTemplateSpec,
  }),
  Pod: top('Pod', podSpec),
  Service: top('Service', {
    $: 'ServiceSpec',
    ports: [
      { $: 'ServicePort', name: S, protocol: S, appProtocol: S, port: I32, targetPort: ANY, nodePort: I32 },
    ],
    selector: SMAP,
    clusterIP: S,
    clusterIPs: [S],
    type: S,
    externalIPs: [S],
    sessionAffinity: S,
    loadBalancerIP: S,
    loadBalancerSourceRanges: [S],
    externalName: S,
    externalTrafficPolicy: S,
    healthCheckNodePort: I32,
    publishNotReadyAddresses: B,
    sessionAffinityConfig: ANY,
    ipFamilies: [S],
    ipFamilyPolicy: S,
    allocateLoadBalancerNodePorts: B,
    loadBalancerClass: S,
    internalTrafficPolicy: S,
    trafficDistribution: S,
  }),
  PodDisruptionBudget: top('PodDisruptionBudget', {
    $: 'PodDisruptionBudgetSpec',
    minAvailable: ANY,
    selector: labelSelector,
    maxUnavailable: ANY,
    unhealthyPodEvictionPolicy: S,
  }),
  Node: top('Node', {
    $: 'NodeSpec',
    podCIDR: S,
    podCIDRs: [S],
    providerID: S,
    unschedulable: B,
    taints: [{ $: 'Taint', key: S, value: S, effect: S, timeAdded: ANY }],
    configSource: ANY,
    externalID: S,
  }),
};
