import { describe, expect, test } from 'vitest';
import { Harness, webDeployYaml } from '../testing/harness.ts';

function deployed(yaml = webDeployYaml()): Harness {
  const h = new Harness();
  h.files.set('web.yaml', yaml);
  h.run('apply -f web.yaml');
  h.advance(60_000);
  return h;
}

/** The lines printed, with consecutive repeats folded (kubectl prints one line per watch event). */
function distinct(text: string): string[] {
  const out: string[] = [];
  for (const l of text.split('\n').filter((x) => x !== '')) if (out[out.length - 1] !== l) out.push(l);
  return out;
}

describe('kubectl rollout status', () => {
  test('a finished rollout: one line, exit 0', () => {
    const h = deployed();
    expect(h.run('rollout status deployment/web-deploy')).toEqual({
      stdout: 'deployment "web-deploy" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('follows a rolling update of 4 replicas (25%/25%) watch event by watch event', () => {
    const h = deployed();
    h.run('set image deployment/web-deploy nginx=nginx:1.18');
    const p = h.start('rollout status deploy/web-deploy');
    const first = p.poll();
    expect(first).toEqual({
      stdout:
        'Waiting for deployment "web-deploy" rollout to finish: 2 out of 4 new replicas have been updated...\n',
      stderr: '',
      exitCode: 0,
      done: false,
    });
    const r = h.drive(p);
    expect(r.done).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(distinct(first.stdout + r.stdout)).toEqual([
      'Waiting for deployment "web-deploy" rollout to finish: 2 out of 4 new replicas have been updated...',
      'Waiting for deployment "web-deploy" rollout to finish: 3 out of 4 new replicas have been updated...',
      'Waiting for deployment "web-deploy" rollout to finish: 1 old replicas are pending termination...',
      'Waiting for deployment "web-deploy" rollout to finish: 3 of 4 updated replicas are available...',
      'deployment "web-deploy" successfully rolled out',
    ]);
    expect(r.stdout.endsWith('deployment "web-deploy" successfully rolled out\n')).toBe(true);
    // Nothing more after the end.
    expect(p.poll()).toEqual({ stdout: '', stderr: '', exitCode: 0, done: true });
  });

  test('--watch=false prints the current status once', () => {
    const h = deployed();
    h.run('set image deployment/web-deploy nginx=nginx:1.18');
    expect(h.run('rollout status deploy/web-deploy --watch=false')).toEqual({
      stdout:
        'Waiting for deployment "web-deploy" rollout to finish: 2 out of 4 new replicas have been updated...\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('a rollout that cannot finish: --timeout ends it', () => {
    const h = deployed();
    h.run('set image deployment/web-deploy nginx=nginx:does-not-exist');
    const r = h.runToEnd('rollout status deploy/web-deploy --timeout=30s');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(distinct(r.stdout)).toEqual([
      'Waiting for deployment "web-deploy" rollout to finish: 2 out of 4 new replicas have been updated...',
    ]);
  });

  test('a rollout that cannot finish: the progress deadline ends it', () => {
    const h = deployed(
      webDeployYaml().replace('  replicas: 4', '  replicas: 4\n  progressDeadlineSeconds: 60'),
    );
    h.run('set image deployment/web-deploy nginx=nginx:does-not-exist');
    const r = h.runToEnd('rollout status deploy/web-deploy');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: deployment "web-deploy" exceeded its progress deadline\n');
  });

  // kubectl's interrupt handler (util/interrupt, no final func) calls os.Exit(1), as `get -w` does.
  test('Ctrl-C stops it with status 1, like get -w', () => {
    const h = deployed();
    h.run('set image deployment/web-deploy nginx=nginx:does-not-exist');
    const p = h.start('rollout status deploy/web-deploy');
    p.poll();
    expect(p.interrupt()).toEqual({ stdout: '', stderr: '', exitCode: 1, done: true });
    expect(p.poll()).toEqual({ stdout: '', stderr: '', exitCode: 1, done: true });
    const w = h.start('get pods -w');
    w.poll();
    expect(w.interrupt()).toMatchObject({ exitCode: 1, done: true });
  });

  test('--revision pins the revision', () => {
    const h = deployed();
    expect(h.run('rollout status deploy/web-deploy --revision=2').stderr).toBe(
      'error: desired revision (2) is different from the running revision (1)\n',
    );
    expect(h.run('rollout status deploy/web-deploy --revision=-1').stderr).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });

  test('the object is deleted while watching', () => {
    const h = deployed();
    h.run('set image deployment/web-deploy nginx=nginx:does-not-exist');
    const p = h.start('rollout status deploy/web-deploy');
    p.poll();
    h.run('delete deploy web-deploy');
    expect(p.poll()).toMatchObject({ stderr: 'error: object has been deleted\n', exitCode: 1, done: true });
  });

  test('errors', () => {
    const h = deployed();
    expect(h.run('rollout status')).toMatchObject({
      stderr: 'error: required resource not specified\n',
      exitCode: 1,
    });
    expect(h.run('rollout status deploy/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(h.run('rollout status pods').stderr).toBe(
      'error: rollout status is only supported on individual resources and resource collections - 4 resources were found\n',
    );
    const pod = h.cluster.api.list('Pod', 'default')[0]!.metadata.name;
    expect(h.run(`rollout status pod/${pod}`).stderr).toBe(
      'error: no status viewer has been implemented for Pod\n',
    );
    expect(h.run('rollout status deploy/web-deploy rs/x').stderr).toBe(
      'error: you may only specify a single resource type\n',
    );
  });
});
