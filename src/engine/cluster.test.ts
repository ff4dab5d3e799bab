import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster.ts';
import type { Pod, ReplicaSet } from './api/types.ts';
import { isPodReady } from './api/pod-util.ts';

function rs(name: string, replicas: number, image = 'nginx:1.17'): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
    },
  };
}

const pods = (c: ReturnType<typeof createCluster>) => c.api.list<Pod>('Pod', 'default');

describe('cluster', () => {
  it('creates a control-plane node and N workers', () => {
    const c = createCluster({ workers: 3 });
    expect(c.api.list('Node').map((n) => n.metadata.name)).toEqual([
      'control-plane',
      'node1',
      'node2',
      'node3',
    ]);
  });

  it('runs a ReplicaSet to Ready pods on workers only, exactly readyAfterSeconds after creation', () => {
    const c = createCluster({ workers: 2, readyAfterSeconds: 5 });
    c.api.create(rs('web', 4));
    c.settle();
    expect(pods(c)).toHaveLength(4);
    expect(pods(c).every((p) => p.spec?.nodeName && p.spec.nodeName !== 'control-plane')).toBe(true);
    const perNode = pods(c).reduce<Record<string, number>>(
      (m, p) => ((m[p.spec!.nodeName!] = (m[p.spec!.nodeName!] ?? 0) + 1), m),
      {},
    );
    expect(perNode).toEqual({ node1: 2, node2: 2 });
    c.advanceBy(4999);
    expect(pods(c).filter(isPodReady)).toHaveLength(0);
    c.advanceBy(1);
    expect(pods(c).filter(isPodReady)).toHaveLength(4);
    const status = c.api.get<ReplicaSet>('ReplicaSet', 'default', 'web')!.status;
    expect(status).toMatchObject({ replicas: 4, readyReplicas: 4, availableReplicas: 4 });
  });

  it('replaces a deleted pod at once while the old one is Terminating, then removes it', () => {
    const c = createCluster({ workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
    c.api.create(rs('web', 2));
    c.advanceBy(5000);
    const victim = pods(c)[0]!;
    c.api.delete('Pod', 'default', victim.metadata.name);
    c.settle();
    expect(pods(c)).toHaveLength(3);
    expect(pods(c).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(1);
    c.advanceBy(2000);
    expect(pods(c)).toHaveLength(2);
    expect(pods(c).some((p) => p.metadata.name === victim.metadata.name)).toBe(false);
  });

  it('is deterministic: same seed, same names', () => {
    const names = () => {
      const c = createCluster({ seed: 7, readyAfterSeconds: 5 });
      c.api.create(rs('web', 3));
      c.advanceBy(10_000);
      return pods(c).map((p) => `${p.metadata.name}@${p.spec?.nodeName}/${p.status?.podIP}`);
    };
    expect(names()).toEqual(names());
  });

  it('a missing image never becomes Ready and alternates ErrImagePull / ImagePullBackOff', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(rs('bad', 1, 'jocatalin/kubernetes-bootcamp:v10'));
    const seen: string[] = [];
    c.advanceBy(120_000, () => {
      const reason = pods(c)[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '';
      if (reason && seen.at(-1) !== reason) seen.push(reason);
      return false;
    });
    expect(seen.slice(0, 5)).toEqual([
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
    ]);
    expect(pods(c).filter(isPodReady)).toHaveLength(0);
  });
});

describe('kubeadm-like bootstrap', () => {
  it('starts with Running control-plane static pods, kube-proxy and flannel on every node, CoreDNS on the control plane', () => {
    const c = createCluster({ workers: 2 });
    const all = c.api.list<Pod>('Pod');
    const names = all.map(
      (p) => `${p.metadata.namespace}/${p.metadata.name.replace(/-[a-z0-9]{5}$/, '-*')}@${p.spec?.nodeName}`,
    );
    expect(names.filter((n) => n.startsWith('kube-system/kube-proxy-*'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('kube-flannel/kube-flannel-ds-*'))).toHaveLength(3);
    expect(all.map((p) => `${p.metadata.name}@${p.spec?.nodeName}`)).toContain(
      'etcd-control-plane@control-plane',
    );
    expect(all.filter((p) => p.metadata.name.startsWith('coredns-')).map((p) => p.spec?.nodeName)).toEqual([
      'control-plane',
      'control-plane',
    ]);
    expect(all.every(isPodReady)).toBe(true);
    expect(c.elapsed()).toBe(0);
  });
});
