import { describe, expect, it } from 'vitest';
import type { Service } from '../../../api/types.ts';
import { fieldErrorString } from '../../../apiserver/errors.ts';
import { Harness } from '../../../../kubectl/cmd/testing/harness.ts';
import { validateService } from './service.ts';

type Port = NonNullable<NonNullable<Service['spec']>['ports']>[number];

const svc = (ports: Port[], type = 'ClusterIP'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type, selector: { app: 'web' }, ports },
});
const errors = (s: Service) => validateService(s).map(fieldErrorString);
const tcp = (name: string, port: number, nodePort?: number): Port => ({
  name,
  port,
  protocol: 'TCP',
  targetPort: port,
  ...(nodePort ? { nodePort } : {}),
});

const dup80 =
  'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}';

// Cases after kubernetes/pkg/apis/core/validation/validation_test.go TestValidateServiceCreate
describe('ValidateService: duplicate ports', () => {
  it('dup port name', () => {
    expect(errors(svc([tcp('p', 80), tcp('p', 12345)]))).toEqual([
      'spec.ports[1].name: Duplicate value: "p"',
    ]);
  });

  it('invalid duplicate ports (with same protocol)', () => {
    expect(errors(svc([tcp('p', 80), tcp('q', 80)]))).toEqual([dup80]);
  });

  it('valid duplicate ports (with different protocols)', () => {
    expect(errors(svc([tcp('p', 80), { ...tcp('q', 80), protocol: 'UDP' }]))).toEqual([]);
  });

  it('duplicate nodeports', () => {
    expect(errors(svc([tcp('p', 80, 30080), tcp('q', 81, 30080)], 'NodePort'))).toEqual([
      'spec.ports[1].nodePort: Duplicate value: 30080',
    ]);
  });

  it('duplicate nodeports (different protocols)', () => {
    expect(
      errors(svc([tcp('p', 80, 30080), { ...tcp('q', 80, 30080), protocol: 'UDP' }], 'NodePort')),
    ).toEqual([]);
  });

  it('a name and a port both duplicated: per-port errors first, then the (protocol, port) pairs', () => {
    expect(errors(svc([tcp('http', 80), tcp('http', 80)]))).toEqual([
      'spec.ports[1].name: Duplicate value: "http"',
      dup80,
    ]);
  });

  it('invalid port name (not a DNS-1123 label)', () => {
    expect(errors(svc([tcp('HTTP', 80)]))).toEqual([
      `spec.ports[0].name: Invalid value: "HTTP": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(errors(svc([tcp('a.b', 80)]))).toEqual([
      'spec.ports[0].name: Invalid value: "a.b": must not contain dots',
    ]);
  });
});

describe('duplicate Service ports through kubectl: rejected, nothing created', () => {
  const manifest = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
  - name: http
    port: 81
  - name: metrics
    port: 80
  - name: dns
    port: 80
    protocol: UDP
`;
  const expected = [
    'The Service "web" is invalid: ',
    '* spec.ports[1].name: Duplicate value: "http"',
    '* spec.ports[2]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    '',
  ].join('\n');

  it('create -f and apply -f', () => {
    const h = new Harness();
    h.files.set('svc.yaml', manifest);
    expect(h.run('create -f svc.yaml')).toEqual({ stdout: '', stderr: expected, exitCode: 1, done: true });
    expect(h.run('apply -f svc.yaml')).toEqual({ stdout: '', stderr: expected, exitCode: 1, done: true });
    expect(h.cluster.api.get('Service', 'default', 'web')).toBeUndefined();
  });

  it('create service with two --tcp pairs on one port, and a shared --node-port', () => {
    const h = new Harness();
    const r = h.run('create service clusterip web --tcp=80:8080 --tcp=80:9090');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`Service "web" is invalid: ${dup80}\n`);
    expect(h.run('create service nodeport np --tcp=80:8080,81:8080 --node-port=30080').stderr).toContain(
      'Service "np" is invalid: spec.ports[1].nodePort: Duplicate value: 30080\n',
    );
    expect(h.cluster.api.list('Service', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('expose of a pod whose two containers listen on the same port', () => {
    const h = new Harness();
    h.files.set(
      'pod.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
  - name: b
    image: nginx
    ports:
    - containerPort: 80
`,
    );
    expect(h.run('create -f pod.yaml').stdout).toBe('pod/two created\n');
    // Each port string of the pod appears twice in its protocols (80: TCP, TCP), so expose makes four ports.
    const port80 = '{"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}';
    expect(h.run('expose pod two')).toEqual({
      stdout: '',
      stderr: [
        'The Service "two" is invalid: ',
        '* spec.ports[1].name: Duplicate value: "port-1-tcp"',
        '* spec.ports[3].name: Duplicate value: "port-2-tcp"',
        `* spec.ports[1]: Duplicate value: ${port80}`,
        `* spec.ports[2]: Duplicate value: ${port80}`,
        `* spec.ports[3]: Duplicate value: ${port80}`,
        '',
      ].join('\n'),
      exitCode: 1,
      done: true,
    });
    expect(h.cluster.api.get('Service', 'default', 'two')).toBeUndefined();
  });
});
