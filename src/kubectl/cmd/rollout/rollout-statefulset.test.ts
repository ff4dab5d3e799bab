import { describe, expect, test } from 'vitest';
import { Harness, addNginxSlimImages, webStatefulSetYaml } from '../testing/harness.ts';

const newImagePatch = (image: string) =>
  `patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"${image}"}]'`;

function webCreated(): Harness {
  const h = new Harness();
  addNginxSlimImages(h);
  h.files.set('web.yaml', webStatefulSetYaml());
  h.run('apply -f web.yaml');
  h.advance(60_000);
  return h;
}

/** web after one image update, rolled out: revisions 1 (0.8) and 2 (gcr.io 0.8). */
function webUpdated(): Harness {
  const h = webCreated();
  expect(h.run(newImagePatch('gcr.io/google_containers/nginx-slim:0.8')).stdout).toBe(
    'statefulset.apps/web patched\n',
  );
  h.runToEnd('rollout status sts/web');
  return h;
}

const podTemplate = (image: string) =>
  'Pod Template:\n' +
  '  Labels:\tapp=nginx\n' +
  '  Containers:\n' +
  '   nginx:\n' +
  `    Image:\t${image}\n` +
  '    Port:\t80/TCP\n' +
  '    Host Port:\t0/TCP\n' +
  '    Environment:\t<none>\n' +
  '    Mounts:\n' +
  '      /usr/share/nginx/html from www (rw)\n' +
  '  Volumes:\t<none>\n' +
  '  Node-Selectors:\t<none>\n' +
  '  Tolerations:\t<none>\n';

describe('kubectl rollout history sts (StatefulSetHistoryViewer)', () => {
  test('one ControllerRevision per template: REVISION and CHANGE-CAUSE', () => {
    const h = webCreated();
    expect(h.run('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    );
    const u = webUpdated();
    expect(u.run('rollout history statefulset web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
  });

  test('the change-cause annotation of the set is copied to its revision', () => {
    const h = webCreated();
    h.run('annotate sts web kubernetes.io/change-cause=image-0.7');
    h.run(newImagePatch('registry.k8s.io/nginx-slim:0.7'));
    h.advance(60_000);
    expect(h.run('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image-0.7\n\n',
    );
  });

  test('--revision=N prints that revision pod template; an unknown revision fails', () => {
    const h = webUpdated();
    expect(h.run('rollout history sts/web --revision=1').stdout).toBe(
      `statefulset.apps/web with revision #1\n${podTemplate('registry.k8s.io/nginx-slim:0.8')}\n`,
    );
    expect(h.run('rollout history sts/web --revision=7')).toEqual({
      stdout: '',
      stderr: 'error: unable to find the specified revision\n',
      exitCode: 1,
      done: true,
    });
  });

  test('-o prints the set as it was at each revision', () => {
    const h = webUpdated();
    expect(
      h.run(`rollout history sts/web --revision=1 -o jsonpath={.spec.template.spec.containers[0].image}`)
        .stdout,
    ).toBe('registry.k8s.io/nginx-slim:0.8');
    expect(h.run('rollout history sts/web -o name').stdout).toBe(
      'statefulset.apps/web\nstatefulset.apps/web\n',
    );
  });

  test('a missing StatefulSet', () => {
    const h = new Harness();
    expect(h.run('rollout history sts/nope').stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    );
  });
});

describe('kubectl rollout undo sts (StatefulSetRollbacker)', () => {
  test('rolls back to the previous revision, which is renumbered', () => {
    const h = webUpdated();
    const r = h.run('rollout undo sts/web');
    expect(r.stdout).toBe('statefulset.apps/web rolled back\n');
    expect(r.stderr).toBe(
      "Warning: resource statefulsets/web was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n",
    );
    expect(h.run('get sts web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe(
      'registry.k8s.io/nginx-slim:0.8',
    );
    h.runToEnd('rollout status sts/web');
    expect(h.run('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(h.run('get pod web-0 -o jsonpath={.spec.containers[0].image}').stdout).toBe(
      'registry.k8s.io/nginx-slim:0.8',
    );
  });

  test('undo to the revision the template already has is skipped', () => {
    const h = webUpdated();
    expect(h.run('rollout undo sts/web --to-revision=2').stdout).toBe(
      'statefulset.apps/web skipped rollback (current template already matches revision 2)\n',
    );
  });

  test('--dry-run=client prints the template it would roll back to and changes nothing', () => {
    const h = webUpdated();
    expect(h.run('rollout undo sts/web --dry-run=client').stdout).toBe(
      `statefulset.apps/web will roll back to ${podTemplate('registry.k8s.io/nginx-slim:0.8')} (dry run)\n`,
    );
    expect(h.run('get sts web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe(
      'gcr.io/google_containers/nginx-slim:0.8',
    );
  });

  test('errors: one revision only, an unknown revision', () => {
    const h = webCreated();
    expect(h.run('rollout undo sts/web').stderr).toContain('error: no last revision to roll back to\n');
    const u = webUpdated();
    expect(u.run('rollout undo sts/web --to-revision=9').stderr).toContain(
      'error: unable to find specified revision 9 in history\n',
    );
  });
});

describe('kubectl rollout status / restart sts', () => {
  test('a web.yaml rollout (defaulted partition 0) prints the partitioned messages', () => {
    const h = webCreated();
    h.run(newImagePatch('gcr.io/google_containers/nginx-slim:0.8'));
    const r = h.runToEnd('rollout status sts/web');
    expect(r.done).toBe(true);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect([...new Set(lines)]).toEqual([
      'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
      'partitioned roll out complete: 2 new pods have been updated...',
    ]);
  });

  test('a staged update (partition 3 of 2 replicas) is complete at once', () => {
    const h = webCreated();
    h.run(
      `patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'`,
    );
    h.run(newImagePatch('registry.k8s.io/nginx-slim:0.7'));
    h.advance(10_000);
    expect(h.run('rollout status sts/web').stdout).toBe(
      'partitioned roll out complete: 0 new pods have been updated...\n',
    );
  });

  test('restart stamps the template and makes a new revision', () => {
    const h = webCreated();
    expect(h.run('rollout restart sts/web').stdout).toBe('statefulset.apps/web restarted\n');
    h.runToEnd('rollout status sts/web');
    expect(h.run('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
  });
});
