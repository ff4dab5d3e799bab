import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';
import { buildDeployment } from './create-deployment.ts';

describe('kubectl create -f', () => {
  test('created, then AlreadyExists with the file named', () => {
    const h = new Harness();
    h.files.set('web.yaml', webDeployYaml());
    expect(h.run('create -f web.yaml')).toEqual({
      stdout: 'deployment.apps/web-deploy created\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(h.run('create -f web.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web-deploy" already exists\n',
      exitCode: 1,
      done: true,
    });
    expect(
      h.cluster.api.get('Deployment', 'default', 'web-deploy')?.metadata.annotations?.[
        'kubectl.kubernetes.io/last-applied-configuration'
      ],
    ).toBeUndefined();
  });

  test('--save-config records the configuration for a later apply', () => {
    const h = new Harness();
    h.files.set('web.yaml', webDeployYaml());
    h.run('create -f web.yaml --save-config');
    expect(h.run('apply -f web.yaml')).toMatchObject({
      stdout: 'deployment.apps/web-deploy unchanged\n',
      stderr: '',
    });
  });

  test('strict field validation, as for apply', () => {
    const h = new Harness();
    h.files.set('typo.yaml', webDeployYaml().replace('  selector:', '  selectr:'));
    expect(h.run('create -f typo.yaml').stderr).toBe(
      'Error from server (BadRequest): error when creating "typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.selectr"\n',
    );
  });

  test('without -f: its help, on stderr', () => {
    const r = new Harness().run('create');
    expect(r.exitCode).toBe(1);
    expect(
      r.stderr.startsWith(
        'Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n',
      ),
    ).toBe(true);
    expect(new Harness().run('create foo -f web.yaml').stderr).toBe(
      "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n",
    );
  });
});

describe('kubectl create deployment', () => {
  test('the deployment it builds (container named after the image)', () => {
    expect(
      buildDeployment('kubernetes-bootcamp', ['gcr.io/google-samples/kubernetes-bootcamp:v1'], 1, -1, []),
    ).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kubernetes-bootcamp', labels: { app: 'kubernetes-bootcamp' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'kubernetes-bootcamp' } },
        template: {
          metadata: { labels: { app: 'kubernetes-bootcamp' } },
          spec: {
            containers: [
              { name: 'kubernetes-bootcamp', image: 'gcr.io/google-samples/kubernetes-bootcamp:v1' },
            ],
          },
        },
        strategy: {},
      },
    });
  });

  test('created; replicas, port and a command after --', () => {
    const h = new Harness();
    expect(
      h.run('create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1')
        .stdout,
    ).toBe('deployment.apps/kubernetes-bootcamp created\n');
    expect(h.run('create deploy web --image=nginx --replicas=3 --port=80 -- nginx -g daemon').stdout).toBe(
      'deployment.apps/web created\n',
    );
    const d = h.cluster.api.get<Deployment>('Deployment', 'default', 'web');
    expect(d?.spec?.replicas).toBe(3);
    expect(d?.spec?.template.spec?.containers[0]).toMatchObject({
      name: 'nginx',
      ports: [{ containerPort: 80 }],
      command: ['nginx', '-g', 'daemon'],
    });
  });

  test('errors', () => {
    const h = new Harness();
    expect(h.run('create deployment --image=nginx').stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect(h.run('create deployment a b --image=nginx').stderr).toBe(
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect(h.run('create deployment web').stderr).toBe('error: required flag(s) "image" not set\n');
    h.run('create deployment web --image=nginx');
    expect(h.run('create deployment web --image=nginx').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });
});

describe('kubectl create deployment -o', () => {
  test('--dry-run=client -o yaml prints the generated object as kubectl v1.35+ does', () => {
    const h = new Harness();
    expect(h.run('create deployment rng --image=dockercoins/rng:v0.1 -o yaml --dry-run=client').stdout).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: rng',
        '  name: rng',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: rng',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: rng',
        '    spec:',
        '      containers:',
        '      - image: dockercoins/rng:v0.1',
        '        name: rng',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(h.cluster.api.get('Deployment', 'default', 'rng')).toBeUndefined();
    expect(h.run('create deployment web --image=nginx:1.17 -o name').stdout).toBe('deployment.apps/web\n');
    expect(h.run(`create deployment web2 --image=nginx:1.17 -o jsonpath='{.spec.replicas}'`).stdout).toBe(
      '1',
    );
  });
});
