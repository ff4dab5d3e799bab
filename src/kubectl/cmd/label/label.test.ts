import { describe, expect, test } from 'vitest';
import { Harness, webDeployYaml } from '../testing/harness.ts';

function deployed(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml());
  h.run('apply -f web.yaml');
  return h;
}

const meta = (h: Harness) => h.cluster.api.get('Deployment', 'default', 'web-deploy')!.metadata;

describe('kubectl label', () => {
  test('add, refuse to overwrite, overwrite, remove', () => {
    const h = deployed();
    expect(h.run('label deploy web-deploy tier=front').stdout).toBe('deployment.apps/web-deploy labeled\n');
    expect(h.run('label deploy web-deploy tier=back')).toMatchObject({
      stderr: "error: 'tier' already has a value (front), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(meta(h).labels).toEqual({ tier: 'front' });
    expect(h.run('label deploy web-deploy tier=back --overwrite').stdout).toBe(
      'deployment.apps/web-deploy labeled\n',
    );
    expect(h.run('label deploy web-deploy tier=back --overwrite').stdout).toBe(
      'deployment.apps/web-deploy not labeled\n',
    );
    expect(h.run('label deploy web-deploy tier-').stdout).toBe('deployment.apps/web-deploy unlabeled\n');
    expect(h.run('label deploy web-deploy tier-').stdout).toBe(
      'label "tier" not found.\ndeployment.apps/web-deploy not labeled\n',
    );
  });

  test('errors', () => {
    const h = deployed();
    expect(h.run('label deploy web-deploy').stderr).toBe('error: at least one label update is required\n');
    expect(h.run('label a=b').stderr).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
    expect(h.run('label deploy web-deploy a=b=c').stderr).toBe('error: invalid label spec: a=b=c\n');
    // A word without = or a trailing - is a resource name, so there is no label update at all.
    expect(h.run('label deploy web-deploy bad').stderr).toBe(
      'error: at least one label update is required\n',
    );
  });
});

describe('kubectl annotate', () => {
  test('add, refuse to overwrite a different value, overwrite', () => {
    const h = deployed();
    expect(h.run('annotate deploy web-deploy owner=alice').stdout).toBe(
      'deployment.apps/web-deploy annotated\n',
    );
    expect(h.run('annotate deploy web-deploy owner=alice').stdout).toBe(
      'deployment.apps/web-deploy annotated\n',
    );
    expect(h.run('annotate deploy web-deploy owner=bob').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n",
    );
    expect(h.run('annotate deploy web-deploy owner=bob --overwrite').stdout).toBe(
      'deployment.apps/web-deploy annotated\n',
    );
    expect(meta(h).annotations?.['owner']).toBe('bob');
    expect(h.run('annotate deploy web-deploy owner-').stdout).toBe('deployment.apps/web-deploy annotated\n');
    expect(meta(h).annotations?.['owner']).toBeUndefined();
  });

  test('the change-cause annotation may always be overwritten', () => {
    const h = deployed();
    h.run('annotate deploy web-deploy kubernetes.io/change-cause=first');
    expect(h.run('annotate deploy web-deploy kubernetes.io/change-cause="second try"').stdout).toBe(
      'deployment.apps/web-deploy annotated\n',
    );
    expect(meta(h).annotations?.['kubernetes.io/change-cause']).toBe('second try');
  });
});
