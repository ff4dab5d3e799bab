import { describe, expect, test } from 'vitest';
import type { Deployment } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';
import { kubectl } from '../../kubectl.ts';
import { manualStrip, noEditorError } from './edit.ts';

const header =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

function setup(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml('nginx:1.17', 2));
  h.run('apply -f web.yaml');
  h.advance(20_000);
  return h;
}

/** The editor changing spec.replicas (status has a `replicas:` line too). */
const specReplicas = (text: string, from: number, to: number) =>
  text.replace(
    `spec:\n  progressDeadlineSeconds: 600\n  replicas: ${from}\n`,
    `spec:\n  progressDeadlineSeconds: 600\n  replicas: ${to}\n`,
  );

const replicas = (h: Harness) =>
  h.cluster.api.get<Deployment>('Deployment', 'default', 'web-deploy')!.spec!.replicas;

describe('kubectl edit', () => {
  test('the editor gets the header and the live object as YAML; unchanged → cancelled', () => {
    const h = setup();
    h.editor = (text) => text;
    expect(h.runInteractive('edit deployment/web-deploy')).toEqual({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      exitCode: 0,
      done: true,
    });
    expect(h.edited).toHaveLength(1);
    const shown = h.edited[0]!;
    expect(shown.startsWith(`${header}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n`)).toBe(true);
    expect(shown).toBe(header + h.run('get deploy web-deploy -o yaml').stdout);
    // Quitting without saving leaves the file as it was: the same.
    h.editor = () => undefined;
    expect(h.runInteractive('edit deploy web-deploy').stderr).toBe('Edit cancelled, no changes made.\n');
    // Comments and formatting do not count as changes.
    h.editor = (text) => `${text}\n# a note\n`;
    expect(h.runInteractive('edit deploy web-deploy').stderr).toBe('Edit cancelled, no changes made.\n');
  });

  test('a change is patched: deployment.apps/web-deploy edited', () => {
    const h = setup();
    h.editor = (text) => specReplicas(text, 2, 3);
    expect(h.runInteractive('edit deploy/web-deploy')).toEqual({
      stdout: 'deployment.apps/web-deploy edited\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(replicas(h)).toBe(3);
    h.editor = (text) => specReplicas(text, 3, 4);
    expect(h.runInteractive('edit deploy/web-deploy -o name').stdout).toBe('deployment.apps/web-deploy\n');
    h.editor = (text) => specReplicas(text, 4, 5);
    expect(h.runInteractive('edit deploy/web-deploy --output-patch').stdout).toBe(
      'Patch: {"spec":{"replicas":5}}\ndeployment.apps/web-deploy edited\n',
    );
  });

  test('invalid: the error, then the editor again with the reasons; the same file again gives up', () => {
    const h = setup();
    h.editor = (text) => specReplicas(text, 2, -1);
    const r = h.runInteractive('edit deploy/web-deploy');
    expect(h.edited).toHaveLength(2);
    const reopened = h.edited[1]!;
    expect(
      reopened.startsWith(`${header}# deployments.apps "web-deploy" was not valid:\n# * spec.replicas: `),
    ).toBe(true);
    expect(reopened).toContain('spec:\n  progressDeadlineSeconds: 600\n  replicas: -1\n');
    expect(r.stderr).toMatch(
      /^error: deployments\.apps "web-deploy" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(r.exitCode).toBe(1);
    expect(replicas(h)).toBe(2);
  });

  test('invalid, then fixed in the reopened editor', () => {
    const h = setup();
    let n = 0;
    h.editor = (text) => (n++ === 0 ? specReplicas(text, 2, -1) : specReplicas(text, -1, 1));
    expect(h.runInteractive('edit deploy/web-deploy')).toEqual({
      stdout: 'deployment.apps/web-deploy edited\n',
      stderr: 'error: deployments.apps "web-deploy" is invalid\n',
      exitCode: 0,
      done: true,
    });
    expect(replicas(h)).toBe(1);
  });

  test('a YAML syntax error fails client-side validation; with --validate=false it is a syntax error', () => {
    const h = setup();
    let n = 0;
    const broken = (text: string) => text.replace('  replicas: 2\n', '  replicas: 2\n   oops: [\n');
    h.editor = (text) => (n++ === 0 ? broken(text) : manualStrip(text).replace('   oops: [\n', ''));
    const r = h.runInteractive('edit deploy/web-deploy');
    expect(r.stderr).toBe(
      'error: deployments.apps "web-deploy" is invalid\nEdit cancelled, no changes made.\n',
    );
    expect(h.edited[1]).toMatch(
      /^# Please edit[^]*#\n# deployments\.apps "web-deploy" was not valid:\n# \* : Invalid value: "The edited file failed validation": yaml: line \d+: [^\n]+\n#\n/,
    );
    n = 0;
    h.editor = (text) => (n++ === 0 ? broken(text) : manualStrip(text).replace('   oops: [\n', ''));
    const r2 = h.runInteractive('edit deploy/web-deploy --validate=false');
    expect(r2.stderr).toBe('Edit cancelled, no changes made.\n');
    expect(h.edited[3]).toMatch(
      /\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: [^\n]+\n#\n/,
    );
  });

  test('renaming is refused; an empty file cancels; Ctrl-C closes the editor', () => {
    const h = setup();
    h.editor = (text) => text.replace('name: web-deploy\n', 'name: other\n');
    const renamed = h.runInteractive('edit deploy/web-deploy');
    expect(renamed.exitCode).toBe(1);
    expect(renamed.stderr).toMatch(
      /^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/,
    );
    // An empty file fails client-side validation first (paramVerifyingSchema: "invalid object to validate");
    // only without validation does kubectl get to say it was empty.
    h.editor = () => '# nothing\n';
    const empty = h.runInteractive('edit deploy/web-deploy');
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toMatch(
      /^error: deployments\.apps "web-deploy" is invalid\nA copy of your changes has been stored to "[^"]+"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(h.runInteractive('edit deploy/web-deploy --validate=false')).toMatchObject({
      stderr: 'Edit cancelled, saved file was empty.\n',
      exitCode: 0,
    });
    let closed = false;
    const proc = kubectl(['edit', 'deploy/web-deploy'], {
      ...setup().env,
      requestEdit: () => () => {
        closed = true;
      },
    });
    expect(proc.poll()).toMatchObject({ stdout: '', stderr: '', done: false });
    expect(proc.interrupt()).toMatchObject({ done: true, exitCode: 130 });
    expect(closed).toBe(true);
  });

  test('errors before any editor: missing object, no editor here', () => {
    const h = setup();
    h.editor = (text) => text;
    expect(h.runInteractive('edit deploy/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(h.edited).toHaveLength(0);
    h.editor = undefined;
    expect(h.run('edit deploy/web-deploy')).toEqual({
      stdout: '',
      stderr: `error: ${noEditorError}\n`,
      exitCode: 1,
      done: true,
    });
  });
});
