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

const replicas = (h: Harness) =>
  h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')?.spec?.replicas;

describe('kubectl scale', () => {
  test('TYPE NAME, TYPE/NAME and -f', () => {
    const h = deployed();
    expect(h.run('scale --replicas=2 deployment web-deploy')).toEqual({
      stdout: 'deployment.apps/web-deploy scaled\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(replicas(h)).toBe(2);
    expect(h.run('scale deploy/web-deploy --replicas 5').stdout).toBe('deployment.apps/web-deploy scaled\n');
    expect(h.run('scale -f web.yaml --replicas=3').stdout).toBe('deployment.apps/web-deploy scaled\n');
    expect(replicas(h)).toBe(3);
    h.advance(60_000);
    expect(h.cluster.api.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
  });

  test('--current-replicas precondition', () => {
    const h = deployed();
    expect(h.run('scale deploy/web-deploy --replicas=2 --current-replicas=3').stderr).toBe(
      'error: Expected replicas to be 3, was 4\n',
    );
    expect(replicas(h)).toBe(4);
    expect(h.run('scale deploy/web-deploy --replicas=2 --current-replicas=4').stdout).toBe(
      'deployment.apps/web-deploy scaled\n',
    );
  });

  test('errors change nothing', () => {
    const h = deployed();
    expect(h.run('scale deploy/web-deploy --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(h.run('scale deploy/nope --replicas=1').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(h.run('scale deploy --replicas=1').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    const pod = h.cluster.api.list('Pod', 'default')[0]!.metadata.name;
    expect(h.run(`scale pod ${pod} --replicas=1`).stderr).toBe(
      'Error from server (NotFound): the server could not find the requested resource\n',
    );
    expect(replicas(h)).toBe(4);
  });

  test('--dry-run=client', () => {
    const h = deployed();
    expect(h.run('scale deploy/web-deploy --replicas=1 --dry-run=client').stdout).toBe(
      'deployment.apps/web-deploy scaled (dry run)\n',
    );
    expect(replicas(h)).toBe(4);
  });
});
