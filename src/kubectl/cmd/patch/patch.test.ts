import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';

function deployed(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml());
  h.run('apply -f web.yaml');
  return h;
}

const dep = (h: Harness) => h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')!;

describe('kubectl patch', () => {
  test('a strategic merge patch (the default), then the same again: no change', () => {
    const h = deployed();
    expect(h.run(`patch deploy web-deploy -p '{"spec":{"replicas":2}}'`)).toEqual({
      stdout: 'deployment.apps/web-deploy patched\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(dep(h).spec?.replicas).toBe(2);
    expect(h.run(`patch deploy/web-deploy -p '{"spec":{"replicas":2}}'`).stdout).toBe(
      'deployment.apps/web-deploy patched (no change)\n',
    );
  });

  test('strategic merge of a container by name keeps the other fields', () => {
    const h = deployed();
    h.run(
      `patch deploy web-deploy -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.18"}]}}}}'`,
    );
    expect(dep(h).spec?.template.spec?.containers).toHaveLength(1);
    expect(dep(h).spec?.template.spec?.containers[0]).toMatchObject({
      name: 'nginx',
      image: 'nginx:1.18',
      imagePullPolicy: 'IfNotPresent',
    });
  });

  test('--type=json and --type=merge; YAML patches are accepted', () => {
    const h = deployed();
    expect(
      h.run(
        `patch deploy web-deploy --type=json -p '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"nginx:1.19"}]'`,
      ).stdout,
    ).toBe('deployment.apps/web-deploy patched\n');
    expect(dep(h).spec?.template.spec?.containers[0]?.image).toBe('nginx:1.19');
    expect(h.run(`patch deploy web-deploy --type merge -p 'spec: {replicas: 3}'`).stdout).toBe(
      'deployment.apps/web-deploy patched\n',
    );
    expect(dep(h).spec?.replicas).toBe(3);
  });

  test('errors', () => {
    const h = deployed();
    expect(h.run('patch deploy web-deploy').stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(h.run(`patch deploy web-deploy --type=yaml -p '{}'`).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "yaml"\n',
    );
    expect(h.run(`patch deploy nope -p '{"spec":{"replicas":2}}'`).stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(h.run(`patch deploy web-deploy -p '{"spec":{"replicas":"two"}}'`).stderr).toBe(
      'Error from server (BadRequest): Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
    );
    expect(h.run(`patch deploy web-deploy -p '{"spec":{"replica":2}}'`)).toMatchObject({
      stdout: 'deployment.apps/web-deploy patched (no change)\n',
      stderr: 'Warning: unknown field "spec.replica"\n',
    });
    expect(dep(h).spec?.replicas).toBe(4);
  });
});
