import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';

function deployed(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml());
  h.run('apply -f web.yaml');
  h.advance(60_000);
  return h;
}

const image = (h: Harness) =>
  h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')?.spec?.template.spec?.containers[0]
    ?.image;

describe('kubectl set image', () => {
  test('TYPE/NAME and TYPE NAME', () => {
    const h = deployed();
    expect(h.run('set image deployments/web-deploy nginx=nginx:1.18')).toEqual({
      stdout: 'deployment.apps/web-deploy image updated\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(image(h)).toBe('nginx:1.18');
    expect(h.run('set image deployment web-deploy *=nginx:1.19').stdout).toBe(
      'deployment.apps/web-deploy image updated\n',
    );
    expect(image(h)).toBe('nginx:1.19');
  });

  test('the same image again: no change, no output', () => {
    const h = deployed();
    expect(h.run('set image deploy/web-deploy nginx=nginx:1.17')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('an unknown container changes nothing', () => {
    const h = deployed();
    expect(h.run('set image deploy/web-deploy web=nginx:1.18')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "web"\n',
      exitCode: 1,
      done: true,
    });
    expect(image(h)).toBe('nginx:1.17');
  });

  test('usage errors', () => {
    const h = deployed();
    expect(h.run('set image deploy/web-deploy').stderr).toBe(
      'error: at least one image update is required\n',
    );
    expect(h.run('set image nginx=nginx:1.18').stderr).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
    expect(h.run('set image deploy/web-deploy nginx=nginx:1.18 deploy/other').stderr).toBe(
      'error: all resources must be specified before image changes: deploy/other\n',
    );
    expect(h.run('set image deploy/nope nginx=nginx:1.18').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(image(h)).toBe('nginx:1.17');
  });
});
