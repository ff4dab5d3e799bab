import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';

/** The seed-000 story: nginx:latest (1), nginx:1.17 (2), nginx:1.18 (3), each rolled out completely. */
function threeRevisions(): Harness {
  const h = new Harness();
  for (const image of ['nginx:latest', 'nginx:1.17', 'nginx:1.18']) {
    h.files.set('web.yaml', webDeployYaml(image));
    h.run('apply -f web.yaml');
    h.advance(120_000);
  }
  return h;
}

/** Printed by `rollout undo` for an object that `kubectl apply` manages (kubectl ≥ 1.3x). */
const appliedWarning =
  "Warning: resource deployments/web-deploy was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n";

const image = (h: Harness) =>
  h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')?.spec?.template.spec?.containers[0]
    ?.image;

describe('kubectl rollout history', () => {
  test("the revisions, with the name printer's trailing space and a blank line", () => {
    const h = threeRevisions();
    expect(h.run('rollout history deployment/web-deploy')).toEqual({
      stdout:
        'deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test("--revision=N prints that revision's pod template (tabs as kubectl writes them)", () => {
    const h = threeRevisions();
    const out = h.run('rollout history deploy web-deploy --revision=2').stdout;
    const hash = /pod-template-hash=(\w+)/.exec(out)?.[1];
    expect(out).toBe(
      'deployment.apps/web-deploy with revision #2\n' +
        'Pod Template:\n' +
        '  Labels:\tapp=web\n' +
        `\tpod-template-hash=${hash}\n` +
        '  Containers:\n' +
        '   nginx:\n' +
        '    Image:\tnginx:1.17\n' +
        '    Port:\t<none>\n' +
        '    Host Port:\t<none>\n' +
        '    Environment:\t<none>\n' +
        '    Mounts:\t<none>\n' +
        '  Volumes:\t<none>\n' +
        '  Node-Selectors:\t<none>\n' +
        '  Tolerations:\t<none>\n' +
        '\n',
    );
    expect(h.run('rollout history deploy web-deploy --revision=9').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
  });

  test('CHANGE-CAUSE from --record', () => {
    const h = threeRevisions();
    h.run('set image deploy/web-deploy nginx=nginx:1.19 --record');
    h.advance(120_000);
    expect(h.run('rollout history deploy/web-deploy').stdout).toBe(
      'deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n' +
        '4         kubectl set image deploy/web-deploy nginx=nginx:1.19 --record=true\n\n',
    );
  });

  test('-o prints the ReplicaSets behind the revisions (GetHistory)', () => {
    const h = threeRevisions();
    const names = h.cluster.api
      .list('ReplicaSet', 'default')
      .map((rs) => rs.metadata.name)
      .sort();
    const out = h.run('rollout history deployment/web-deploy -o name').stdout.trimEnd().split('\n');
    expect([...out].sort()).toEqual(names.map((n) => `replicaset.apps/${n}`));
    expect(
      h.run(
        'rollout history deployment/web-deploy --revision=2 -o jsonpath={.spec.template.spec.containers[0].image}',
      ).stdout,
    ).toBe('nginx:1.17');
  });

  test('not a deployment', () => {
    const h = threeRevisions();
    const rs = h.cluster.api.list('ReplicaSet', 'default')[0]!.metadata.name;
    expect(h.run(`rollout history rs/${rs}`).stderr).toBe(
      'error: no history viewer has been implemented for "ReplicaSet.apps"\n',
    );
  });
});

describe('kubectl rollout undo', () => {
  test('rolls back to the previous revision, which is renumbered: history 1, 3, 4', () => {
    const h = threeRevisions();
    expect(h.run('rollout undo deployment web-deploy')).toEqual({
      stdout: 'deployment.apps/web-deploy rolled back\n',
      stderr: appliedWarning,
      exitCode: 0,
      done: true,
      // kubectl warns before it prints the result.
      chunks: [
        { fd: 2, text: appliedWarning },
        { fd: 1, text: 'deployment.apps/web-deploy rolled back\n' },
      ],
    });
    expect(image(h)).toBe('nginx:1.17');
    h.advance(120_000);
    expect(h.run('rollout history deployment web-deploy').stdout).toBe(
      'deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n',
    );
    expect(h.run('rollout status deploy/web-deploy').stdout).toBe(
      'deployment "web-deploy" successfully rolled out\n',
    );
  });

  test('--to-revision', () => {
    const h = threeRevisions();
    expect(h.run('rollout undo deploy/web-deploy --to-revision=1').stdout).toBe(
      'deployment.apps/web-deploy rolled back\n',
    );
    expect(image(h)).toBe('nginx:latest');
    expect(h.run('rollout undo deploy/web-deploy --to-revision=7').stderr).toBe(
      `${appliedWarning}error: unable to find specified revision 7 in history\n`,
    );
    expect(h.run('rollout undo deploy/web-deploy --to-revision=-1').stderr).toBe(
      `${appliedWarning}error: unable to find specified revision -1 in history\n`,
    );
  });

  test('skipped when the template already matches (the default revision prints as 0)', () => {
    const h = threeRevisions();
    expect(h.run('rollout undo deploy/web-deploy --to-revision=3').stdout).toBe(
      'deployment.apps/web-deploy skipped rollback (current template already matches revision 3)\n',
    );
    h.run('rollout undo deploy/web-deploy');
    h.run('rollout undo deploy/web-deploy --to-revision=3');
    expect(h.run('rollout undo deploy/web-deploy --to-revision=5').stdout).toBe(
      'deployment.apps/web-deploy skipped rollback (current template already matches revision 5)\n',
    );
  });

  test('a paused deployment cannot be rolled back; nothing changes', () => {
    const h = threeRevisions();
    h.run('rollout pause deploy/web-deploy');
    expect(h.run('rollout undo deploy/web-deploy')).toMatchObject({
      stderr: `${appliedWarning}error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n`,
      exitCode: 1,
    });
    expect(image(h)).toBe('nginx:1.18');
  });

  test('no history to go back to', () => {
    const h = new Harness();
    h.files.set('web.yaml', webDeployYaml());
    h.run('apply -f web.yaml');
    expect(h.run('rollout undo deploy/web-deploy').stderr).toBe(
      `${appliedWarning}error: no rollout history found for deployment "web-deploy"\n`,
    );
    // Created without the last-applied annotation: no warning.
    h.run('delete deploy web-deploy');
    h.run('create -f web.yaml');
    expect(h.run('rollout undo deploy/web-deploy').stderr).toBe(
      'error: no rollout history found for deployment "web-deploy"\n',
    );
  });

  test('--dry-run=client prints the template it would restore and changes nothing', () => {
    const h = threeRevisions();
    const out = h.run('rollout undo deploy/web-deploy --dry-run=client').stdout;
    expect(out.startsWith('deployment.apps/web-deploy Pod Template:\n  Labels:\tapp=web\n')).toBe(true);
    expect(out).toContain('    Image:\tnginx:1.17\n');
    expect(out.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(image(h)).toBe('nginx:1.18');
  });

  test('a missing deployment, and a missing resource argument', () => {
    const h = threeRevisions();
    expect(h.run('rollout undo deploy/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(h.run('rollout undo').stderr).toBe('error: required resource not specified\n');
  });
});

describe('kubectl rollout pause / resume / restart', () => {
  test('pause and resume, and their errors', () => {
    const h = threeRevisions();
    expect(h.run('rollout pause deploy/web-deploy').stdout).toBe('deployment.apps/web-deploy paused\n');
    expect(h.run('rollout pause deploy/web-deploy').stderr).toBe(
      'error: deployments.apps "web-deploy" is already paused\n',
    );
    expect(h.run('rollout resume deploy/web-deploy').stdout).toBe('deployment.apps/web-deploy resumed\n');
    expect(h.run('rollout resume deploy/web-deploy').stderr).toBe(
      'error: deployments.apps "web-deploy" is not paused\n',
    );
    const rs = h.cluster.api.list('ReplicaSet', 'default')[0]!.metadata.name;
    expect(h.run(`rollout pause rs/${rs}`).stderr).toBe(
      `error: replicasets.apps "${rs}" pausing is not supported\n`,
    );
  });

  test('restart starts a new revision; twice in the same second fails', () => {
    const h = threeRevisions();
    expect(h.run('rollout restart deploy/web-deploy').stdout).toBe('deployment.apps/web-deploy restarted\n');
    expect(h.run('rollout restart deploy/web-deploy').stderr).toBe(
      'error: failed to create patch for web-deploy: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
    expect(
      h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')?.spec?.template.metadata
        ?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBe('2026-01-05T00:06:00Z');
    h.run('rollout pause deploy/web-deploy');
    h.advance(1000);
    expect(h.run('rollout restart deploy/web-deploy').stderr).toBe(
      'error: deployments.apps "web-deploy" can\'t restart paused deployment (run rollout resume first)\n',
    );
    expect(h.run('rollout restart deploy -l app=none').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });
});
