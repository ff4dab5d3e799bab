import { describe, expect, test } from 'vitest';
import type { Service } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';
import { buildService } from './create-service.ts';

const svc = (h: Harness, name: string) => h.cluster.api.get<Service>('Service', 'default', name);

// Cases after kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_service_test.go TestCreateServices
describe('kubectl create service', () => {
  test('clusterip with a port pair: port named after the pair, app=NAME selector and label', () => {
    expect(buildService('foo', 'ClusterIP', ['456:321'], 0, '', '')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'foo', labels: { app: 'foo' } },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'foo' },
        ports: [{ name: '456-321', port: 456, targetPort: 321, protocol: 'TCP' }],
      },
    });
    expect(buildService('foo', 'ClusterIP', ['456'], 0, '', '')).toMatchObject({
      spec: { ports: [{ name: '456', port: 456, targetPort: 456 }] },
    });
    expect(buildService('foo', 'ClusterIP', ['456:http'], 0, '', '')).toMatchObject({
      spec: { ports: [{ name: '456-http', port: 456, targetPort: 'http' }] },
    });
  });

  test('created, printed, and its errors', () => {
    const h = new Harness();
    expect(h.run('create service nodeport web --tcp=80:8080')).toEqual({
      stdout: 'service/web created\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(svc(h, 'web')!.spec!.ports![0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(h.run('create service nodeport web2 --tcp=80 --node-port=30080').stdout).toBe(
      'service/web2 created\n',
    );
    expect(svc(h, 'web2')!.spec!.ports![0]!.nodePort).toBe(30080);
    expect(h.run('create service clusterip headless --clusterip=None --tcp=80').stdout).toBe(
      'service/headless created\n',
    );
    expect(h.run('create service loadbalancer lb --tcp=5678:8080 --dry-run=client').stdout).toBe(
      'service/lb created (dry run)\n',
    );
    expect(svc(h, 'lb')).toBeUndefined();
    expect(h.run('create service clusterip noports').stderr).toBe(
      'error: at least one tcp port specifier must be provided\n',
    );
    expect(h.run('create service nodeport x --clusterip=None')).toMatchObject({
      stderr: "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n",
    });
    expect(h.run('create service clusterip --tcp=80').stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n",
    );
    expect(h.run('create service clusterip bad --tcp=abc').stderr).toBe(
      'error: strconv.ParseUint: parsing "abc": invalid syntax\n',
    );
    expect(h.run('create service externalname ext').stderr).toBe(
      'error: required flag(s) "external-name" not set\n',
    );
    expect(h.run('create service externalname ext --external-name=bad_name').stderr).toBe(
      'error: invalid service external name bad_name\n',
    );
    expect(h.run('create service externalname ext --external-name=example.com').stdout).toBe(
      'service/ext created\n',
    );
  });
});
