// What `kubeadm init` + `kubeadm join` + a CNI manifest leave in a fresh cluster: namespaces, the control
// plane's static pods, kube-proxy and flannel DaemonSets, and CoreDNS — so `kubectl get pods -A` looks real.
// Like kind, it also ships the default StorageClass `standard` (rancher.io/local-path).
import type { ApiServer } from '../apiserver/apiserver.ts';
import type {
  DaemonSet,
  Deployment,
  Endpoints,
  Namespace,
  Pod,
  Service,
  StorageClass,
} from '../api/types.ts';
import { KUBERNETES_VERSION } from '../version.ts';
import type { ImageRegistry } from '../kubelet/images.ts';
import { fnv32a, Rand } from '../rand/rand.ts';

export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.6-0';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.13.1';
export const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.27.4';
export const componentImage = (c: string) => `registry.k8s.io/${c}:${KUBERNETES_VERSION}`;

/** Images every node already has when the tutorial starts (pulled during set-up). */
export function systemImages(): string[] {
  return [
    ETCD_IMAGE,
    COREDNS_IMAGE,
    FLANNEL_IMAGE,
    ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map(componentImage),
  ];
}

export function registerSystemImages(images: ImageRegistry): void {
  for (const ref of systemImages()) images.add(ref, { sizeBytes: 30_000_000, stopSeconds: 1 });
}

export function createNamespaces(api: ApiServer): void {
  for (const name of ['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system']) {
    const ns: Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    api.create(ns);
  }
}

const critical = { priorityClassName: 'system-node-critical', priority: 2000001000 };

/** The control plane's static pods, as the kubelet mirrors them into the API. */
export function createStaticPods(api: ApiServer, nodeName: string): void {
  const components: [string, string][] = [
    ['etcd', ETCD_IMAGE],
    ['kube-apiserver', componentImage('kube-apiserver')],
    ['kube-controller-manager', componentImage('kube-controller-manager')],
    ['kube-scheduler', componentImage('kube-scheduler')],
  ];
  for (const [component, image] of components) {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${component}-${nodeName}`,
        namespace: 'kube-system',
        labels: { component, tier: 'control-plane' },
        annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'static' },
      },
      spec: {
        nodeName,
        hostNetwork: true,
        ...critical,
        tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
        containers: [{ name: component, image, imagePullPolicy: 'IfNotPresent' }],
      },
    };
    api.create(pod);
  }
}

function daemonSet(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  image: string,
  tolerations: { operator: string; effect?: string; key?: string }[],
): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          ...critical,
          hostNetwork: true,
          tolerations,
          containers: [{ name: name.replace(/-ds$/, ''), image, imagePullPolicy: 'IfNotPresent' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  };
}

export function createAddons(api: ApiServer): void {
  api.create(
    daemonSet('kube-proxy', 'kube-system', { 'k8s-app': 'kube-proxy' }, componentImage('kube-proxy'), [
      { operator: 'Exists' },
    ]),
  );
  api.create(
    daemonSet('kube-flannel-ds', 'kube-flannel', { app: 'flannel', 'k8s-app': 'flannel' }, FLANNEL_IMAGE, [
      { operator: 'Exists', effect: 'NoSchedule' },
    ]),
  );
  const coredns: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }],
            },
          ],
        },
      },
    },
  };
  api.create(coredns);
  createDefaultStorageClass(api);
}

const standardClassManifest =
  '{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}\n';

/** The cluster RNG of each apiserver, when known (see registerBootstrapRand). */
const bootstrapRands = new WeakMap<ApiServer, Rand>();

/**
 * Tells the bootstrap the RNG the apiserver draws uids from, so that createDefaultStorageClass can draw its uid
 * from a stream of its own: the names and uids of everything created afterwards stay what they were before the
 * class existed (the golden transcripts depend on them).
 */
export function registerBootstrapRand(api: ApiServer, rand: Rand): void {
  bootstrapRands.set(api, rand);
}

/** kind's default StorageClass, as its storage manifest is applied (`kubectl apply`) at cluster creation. */
export function createDefaultStorageClass(api: ApiServer): void {
  const sc: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': standardClassManifest,
        'storageclass.kubernetes.io/is-default-class': 'true',
      },
    },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
  const rand = bootstrapRands.get(api);
  const saved = rand?.getState();
  if (rand && saved) rand.setState(new Rand(fnv32a(`storageclass/${saved.join(',')}`)).getState());
  api.create(sc);
  if (rand && saved) rand.setState(saved);
}

/** The `kubernetes` Service (10.96.0.1 → the apiserver) and `kube-dns` (10.96.0.10 → CoreDNS). */
export function createSystemServices(api: ApiServer, apiserverIP: string): void {
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  };
  api.create(kubernetes);
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  };
  api.create(ep);
  const dns: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
  api.create(dns);
}
