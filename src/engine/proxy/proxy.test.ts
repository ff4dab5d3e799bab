import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import type { Endpoints, Deployment, Service } from '../api/types.ts';

const deploy = (image: string): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubernetes-bootcamp' },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'kubernetes-bootcamp' } },
    template: {
      metadata: { labels: { app: 'kubernetes-bootcamp' } },
      spec: { containers: [{ name: 'kubernetes-bootcamp', image }] },
    },
  },
});

describe('Services', () => {
  it('allocates a ClusterIP and NodePort, lists Ready pods as endpoints and answers curl from each', () => {
    const c = createCluster({ workers: 2, readyAfterSeconds: 5 });
    c.api.create(deploy('jocatalin/kubernetes-bootcamp:v1'));
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes-bootcamp' },
      spec: { type: 'NodePort', selector: { app: 'kubernetes-bootcamp' }, ports: [{ port: 8080 }] },
    };
    const [created, err] = c.api.create(svc);
    expect(err).toBeNull();
    expect(created!.spec!.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    const nodePort = created!.spec!.ports![0]!.nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(c.request(`node1:${nodePort}`)).toMatchObject({ ok: false, exitCode: 7 });
    c.advanceBy(5000);
    const ep = c.api.get<Endpoints>('Endpoints', 'default', 'kubernetes-bootcamp')!;
    expect(ep.subsets![0]!.addresses).toHaveLength(4);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = c.request(`http://node1:${nodePort}`);
      if (!r.ok) throw new Error(r.message);
      expect(r.body).toBe(`Hello Kubernetes bootcamp! | Running on: ${r.pod} | v=1\n`);
      seen.add(r.pod);
    }
    expect(seen.size).toBe(4);
    expect(c.request(`${created!.spec!.clusterIP}:8080`).ok).toBe(true);
    expect(c.request('kubernetes-bootcamp:8080').ok).toBe(true);
    expect(c.request('nosuch:8080')).toEqual({
      ok: false,
      exitCode: 6,
      message: 'curl: (6) Could not resolve host: nosuch',
    });
  });

  it('rejects a NodePort outside the range and a taken ClusterIP', () => {
    const c = createCluster({ workers: 1 });
    const [, err] = c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] },
    });
    expect(err?.message).toBe(
      'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    const [, err2] = c.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'y' },
      spec: { clusterIP: '10.96.0.1', ports: [{ port: 80 }] },
    });
    expect(err2?.reason).toBe('Invalid');
  });
});
