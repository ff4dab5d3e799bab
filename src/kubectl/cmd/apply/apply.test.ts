import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';
import { lastAppliedConfigAnnotation, modifiedConfiguration } from './apply.ts';

const serviceYaml = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

function setup(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml());
  return h;
}

const deployment = (h: Harness) => h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy');

describe('kubectl apply', () => {
  test('created, then unchanged, then configured after someone scaled it', () => {
    const h = setup();
    expect(h.run('apply -f web.yaml')).toEqual({
      stdout: 'deployment.apps/web-deploy created\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(h.run('apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy unchanged\n');
    h.advance(30_000);
    expect(h.run('apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy unchanged\n');
    h.run('scale deploy web-deploy --replicas=2');
    expect(h.run('apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy configured\n');
    expect(deployment(h)?.spec?.replicas).toBe(4);
  });

  test('a new image in the file is configured and starts a rollout', () => {
    const h = setup();
    h.run('apply -f web.yaml');
    h.files.set('web.yaml', webDeployYaml('nginx:1.18'));
    expect(h.run('apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy configured\n');
    expect(deployment(h)?.spec?.template.spec?.containers[0]?.image).toBe('nginx:1.18');
    expect(deployment(h)?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  test('the last-applied-configuration annotation is Go JSON of the file (sorted keys, namespace set) plus a newline', () => {
    const h = setup();
    h.run('apply -f web.yaml');
    expect(deployment(h)?.metadata?.annotations?.[lastAppliedConfigAnnotation]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web-deploy","namespace":"default"},' +
        '"spec":{"replicas":4,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},' +
        '"spec":{"containers":[{"image":"nginx:1.17","name":"nginx"}]}}}}\n',
    );
    expect(modifiedConfiguration({ kind: 'X', metadata: { annotations: { a: '<&>' } } })).toBe(
      '{"kind":"X","metadata":{"annotations":{"a":"\\u003c\\u0026\\u003e"}}}\n',
    );
  });

  test('fields the server keeps are not touched: a restart annotation survives a re-apply', () => {
    const h = setup();
    h.run('apply -f web.yaml');
    h.advance(2000);
    expect(h.run('rollout restart deploy/web-deploy').stdout).toBe('deployment.apps/web-deploy restarted\n');
    expect(h.run('apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy unchanged\n');
    expect(
      deployment(h)?.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBeDefined();
  });

  test('every object of a multi-document file, in file order', () => {
    const h = setup();
    h.files.set('all.yaml', `${serviceYaml}---\n${webDeployYaml()}`);
    expect(h.run('apply -f all.yaml').stdout).toBe(
      'service/web created\ndeployment.apps/web-deploy created\n',
    );
    expect(h.run('apply -f all.yaml').stdout).toBe(
      'service/web unchanged\ndeployment.apps/web-deploy unchanged\n',
    );
  });

  test('from stdin', () => {
    const h = setup();
    h.stdin = webDeployYaml();
    expect(h.run('apply -f -').stdout).toBe('deployment.apps/web-deploy created\n');
  });

  test('an object created by kubectl create gets a warning, then the annotation', () => {
    const h = setup();
    h.run('create -f web.yaml');
    const warning =
      'Warning: resource deployments.apps/web-deploy is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n';
    expect(h.run('apply -f web.yaml')).toEqual({
      stdout: 'deployment.apps/web-deploy configured\n',
      stderr: warning,
      exitCode: 0,
      done: true,
      // The warning is printed before the object's line.
      chunks: [
        { fd: 2, text: warning },
        { fd: 1, text: 'deployment.apps/web-deploy configured\n' },
      ],
    });
    expect(h.run('apply -f web.yaml')).toMatchObject({
      stdout: 'deployment.apps/web-deploy unchanged\n',
      stderr: '',
    });
  });

  test('--dry-run=client and --dry-run=server change nothing', () => {
    const h = setup();
    expect(h.run('apply -f web.yaml --dry-run=client').stdout).toBe(
      'deployment.apps/web-deploy created (dry run)\n',
    );
    expect(h.run('apply -f web.yaml --dry-run=server').stdout).toBe(
      'deployment.apps/web-deploy created (server dry run)\n',
    );
    expect(deployment(h)).toBeUndefined();
  });

  test('-o name prints only the name', () => {
    const h = setup();
    expect(h.run('apply -f web.yaml -o name').stdout).toBe('deployment.apps/web-deploy\n');
  });
});

describe('kubectl apply: bad input changes nothing', () => {
  test('no file', () => {
    expect(setup().run('apply')).toMatchObject({
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 1,
    });
  });

  test('extra arguments', () => {
    expect(setup().run('apply web.yaml -f web.yaml').stderr).toBe(
      "error: Unexpected args: [web.yaml]\nSee 'kubectl apply -h' for help and examples\n",
    );
  });

  test('a file that does not exist', () => {
    expect(setup().run('apply -f nope.yaml')).toMatchObject({
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 1,
    });
  });

  test('malformed YAML', () => {
    const h = setup();
    h.files.set(
      'bad.yaml',
      webDeployYaml().replace('        image: nginx:1.17', '         image: nginx:1.17'),
    );
    expect(h.run('apply -f bad.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 17: mapping values are not allowed in this context\n',
      exitCode: 1,
      done: true,
    });
    expect(deployment(h)).toBeUndefined();
  });

  test('kind not set', () => {
    const h = setup();
    h.files.set('nokind.yaml', webDeployYaml().replace('kind: Deployment\n', ''));
    expect(h.run('apply -f nokind.yaml').stderr).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect(deployment(h)).toBeUndefined();
  });

  test('an unknown field on create (server-side strict field validation)', () => {
    const h = setup();
    h.files.set('typo.yaml', webDeployYaml().replace('replicas: 4', 'replica: 4'));
    expect(h.run('apply -f typo.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
      exitCode: 1,
      done: true,
    });
    expect(deployment(h)).toBeUndefined();
  });

  test('an unknown field on an existing object (the patch is rejected)', () => {
    const h = setup();
    h.run('apply -f web.yaml');
    const before = deployment(h);
    h.files.set('typo.yaml', webDeployYaml('nginx:1.18').replace('        image:', '        imag:'));
    const r = h.run('apply -f typo.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":/,
    );
    expect(r.stderr).toMatch(
      / spec:map\[template:map\[spec:map\[\$setElementOrder\/containers:\[map\[name:nginx\]\] containers:\[map\[imag:nginx:1\.18 image:<nil> name:nginx\]\]\]\]\]\]": strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imag"\n$/,
    );
    expect(deployment(h)).toEqual(before);
  });

  test('a value of the wrong type is refused whatever --validate says', () => {
    const h = setup();
    h.files.set(
      'env.yaml',
      webDeployYaml().replace(
        '        image: nginx:1.17',
        '        image: nginx:1.17\n        env:\n        - name: PORT\n          value: 8080',
      ),
    );
    expect(h.run('apply -f env.yaml --validate=false').stderr).toBe(
      'Error from server (BadRequest): error when creating "env.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string\n',
    );
    expect(deployment(h)).toBeUndefined();
  });

  test('--validate=false drops unknown fields; --validate=warn also warns', () => {
    const h = setup();
    h.files.set('typo.yaml', webDeployYaml().replace('replicas: 4', 'replicas: 4\n  replica: 4'));
    expect(h.run('apply -f typo.yaml --validate=warn')).toMatchObject({
      stdout: 'deployment.apps/web-deploy created\n',
      stderr: 'Warning: unknown field "spec.replica"\n',
    });
    expect((deployment(h)?.spec as unknown as Record<string, unknown>)['replica']).toBeUndefined();
    h.run('delete deploy web-deploy');
    expect(h.run('apply -f typo.yaml --validate=false')).toMatchObject({
      stdout: 'deployment.apps/web-deploy created\n',
      stderr: '',
    });
  });

  test('a document that fails does not stop the others', () => {
    const h = setup();
    h.files.set('mixed.yaml', `${webDeployYaml().replace('apps/v1', 'apps/v1beta1')}---\n${serviceYaml}`);
    expect(h.run('apply -f mixed.yaml')).toEqual({
      stdout: 'service/web created\n',
      stderr:
        'error: resource mapping not found for name: "web-deploy" namespace: "" from "mixed.yaml": no matches for kind "Deployment" in version "apps/v1beta1"\nensure CRDs are installed first\n',
      exitCode: 1,
      done: true,
    });
  });

  test('an invalid object is refused by the apiserver', () => {
    const h = setup();
    h.files.set(
      'mismatch.yaml',
      webDeployYaml().replace('      labels:\n        app: web', '      labels:\n        app: other'),
    );
    const r = h.run('apply -f mismatch.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The Deployment "web-deploy" is invalid: /);
    expect(deployment(h)).toBeUndefined();
  });
});
