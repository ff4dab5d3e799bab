import { describe, expect, test } from 'vitest';
import type { Pod } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';

const podNames = (h: Harness, app: string) =>
  h.cluster.api
    .list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === app)
    .map((p) => p.metadata.name);

describe('kubectl logs', () => {
  test("kubernetes-bootcamp prints its start-up line, as the tutorial's logs step shows", () => {
    const h = new Harness();
    h.run('create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
    h.advance(20_000);
    const [pod] = podNames(h, 'kubernetes-bootcamp');
    const r = h.run(`logs ${pod}`);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Kubernetes Bootcamp App Started At: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\| Running On:  ${pod} \\n\\n$`,
      ),
    );
    expect(h.run('logs deployment/kubernetes-bootcamp').stdout).toBe(r.stdout);
  });

  test('a workload with several pods: kubectl says which one it reads; nginx 1.17 has written nothing yet', () => {
    const h = new Harness();
    h.run('create deployment web --image=nginx:1.17 --replicas=2');
    h.advance(20_000);
    const r = h.run('logs deploy/web');
    expect(r).toMatchObject({ stdout: '', exitCode: 0 });
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(h.run('logs deploy/web -c nope').stderr).toMatch(
      /\nError from server \(BadRequest\): container nope is not valid for pod web-\S+\n$/,
    );
  });

  test("the kubelet's errors: waiting containers, no previous container, missing pods", () => {
    const h = new Harness();
    h.run('create deployment broken --image=nginx:does-not-exist');
    h.advance(1_000);
    const [pod] = podNames(h, 'broken');
    expect(h.run(`logs ${pod}`)).toMatchObject({
      stderr: `Error from server (BadRequest): container "nginx" in pod "${pod}" is waiting to start: ContainerCreating\n`,
      exitCode: 1,
    });
    h.advance(30_000);
    expect(h.run(`logs ${pod}`).stderr).toMatch(
      new RegExp(
        `^Error from server \\(BadRequest\\): container "nginx" in pod "${pod}" is waiting to start: (image can't be pulled|trying and failing to pull image)\\n$`,
      ),
    );
    expect(h.run(`logs ${pod} -p`).stderr).toBe(
      `Error from server (BadRequest): previous terminated container "nginx" in pod "${pod}" not found\n`,
    );
    expect(h.run('logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(h.run('logs').stderr).toBe(
      "error: expected POD, TYPE/NAME, or --selector\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  test('images whose output is not simulated say so', () => {
    const h = new Harness();
    h.run('create deployment web --image=nginx:1.25');
    h.advance(20_000);
    expect(h.run('logs deploy/web')).toEqual({
      stdout: '',
      stderr:
        'error: Rollout Lab does not simulate what container "nginx" (image nginx:1.25) writes to its log\n',
      exitCode: 1,
      done: true,
    });
  });
});
