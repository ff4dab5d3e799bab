import { describe, expect, it } from 'vitest';
import { createRuntime } from '../runtime.ts';
import { makePortString, servicesOf } from './services-data.ts';

function exposed() {
  const r = createRuntime({ scenarioId: 'deployment-basics' });
  r.runCommand('kubectl apply -f web-deploy.yaml');
  r.runCommand('kubectl expose deployment web-deploy --type=NodePort --port=80');
  r.playback.advanceBy(30_000);
  return r;
}

describe('servicesOf', () => {
  it('prints PORT(S) as kubectl get svc does', () => {
    expect(makePortString([{ port: 443, protocol: 'TCP' }])).toBe('443/TCP');
    expect(
      makePortString([
        { port: 80, nodePort: 31092, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ]),
    ).toBe('80:31092/TCP,53/UDP');
  });

  it('lists the kubernetes Service and a NodePort Service with its Ready Pods', () => {
    const r = exposed();
    const rows = servicesOf(r.cluster(), 'default');
    expect(rows.map((s) => [s.name, s.type, s.selector])).toEqual([
      ['web-deploy', 'NodePort', 'app=web'],
      ['kubernetes', 'ClusterIP', null],
    ]);
    const k = rows[1]!;
    expect(k.clusterIP).toBe('10.96.0.1');
    expect(k.ports).toBe('443/TCP');
    expect(k.endpoints).toEqual([{ ip: '192.168.56.10', pod: null, node: null, state: 'ready' }]);
    const web = rows[0]!;
    expect(web.ports).toMatch(/^80:3\d{4}\/TCP$/);
    expect(web.targetPorts).toBe('80/TCP');
    expect(web.endpoints).toHaveLength(4);
    expect(web.endpoints.every((e) => e.state === 'ready' && e.pod?.startsWith('web-deploy-'))).toBe(true);
    expect(web.endpoints.map((e) => e.node)).toEqual(['node1', 'node1', 'node2', 'node2']);
  });

  it('a deleted Pod is excluded as terminating while its replacement has no IP yet', () => {
    const r = exposed();
    const victim = servicesOf(r.cluster(), 'default')[0]!.endpoints[0]!.pod!;
    r.runCommand(`kubectl delete pod ${victim} --wait=false`);
    r.playback.advanceBy(100);
    const web = servicesOf(r.cluster(), 'default')[0]!;
    expect(web.endpoints.filter((e) => e.state === 'ready')).toHaveLength(3);
    expect(web.endpoints.find((e) => e.pod === victim)?.state).toBe('terminating');
    const fresh = web.endpoints.filter((e) => e.state !== 'ready' && e.pod !== victim);
    expect(fresh.map((e) => e.state)).toEqual(['noIP']);
  });

  it('Pods on a stopped node move to notReadyAddresses', () => {
    const r = exposed();
    r.runCommand('sim node stop node2');
    r.playback.advanceBy(90_000);
    const web = servicesOf(r.cluster(), 'default')[0]!;
    const onNode2 = web.endpoints.filter((e) => e.node === 'node2');
    expect(onNode2.length).toBeGreaterThan(0);
    expect(onNode2.every((e) => e.state === 'notReady')).toBe(true);
  });
});
