import { describe, expect, test } from 'vitest';
import { Harness, webDeployYaml } from '../testing/harness.ts';

function deployed(): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml());
  h.run('apply -f web.yaml');
  h.advance(60_000);
  return h;
}

const pods = (h: Harness) => h.cluster.api.list('Pod', 'default').map((p) => p.metadata.name);

describe('kubectl delete', () => {
  test('a pod: prints at once, then waits until the pod is gone', () => {
    const h = deployed();
    const name = pods(h)[0]!;
    const p = h.start(`delete pod ${name}`);
    expect(p.poll()).toEqual({
      stdout: `pod "${name}" deleted from default namespace\n`,
      stderr: '',
      exitCode: 0,
      done: false,
    });
    expect(h.cluster.api.get('Pod', 'default', name)?.metadata.deletionTimestamp).toBeDefined();
    expect(h.drive(p)).toEqual({ stdout: '', stderr: '', exitCode: 0, done: true });
    expect(h.cluster.api.get('Pod', 'default', name)).toBeUndefined();
  });

  test('--timeout gives up waiting', () => {
    const h = deployed();
    const name = pods(h)[0]!;
    expect(h.runToEnd(`delete pod ${name} --timeout=1s`)).toEqual({
      stdout: `pod "${name}" deleted from default namespace\n`,
      stderr: `error: timed out waiting for the condition on pods/${name}\n`,
      exitCode: 1,
      done: true,
    });
  });

  test('--wait=false returns at once', () => {
    const h = deployed();
    const name = pods(h)[0]!;
    expect(h.run(`delete pod ${name} --wait=false`)).toEqual({
      stdout: `pod "${name}" deleted from default namespace\n`,
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('--force --grace-period=0 removes the pod at once, with a warning', () => {
    const h = deployed();
    const name = pods(h)[0]!;
    expect(h.run(`delete pod ${name} --force --grace-period=0`)).toEqual({
      stdout: `pod "${name}" force deleted from default namespace\n`,
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
      done: true,
    });
    expect(h.cluster.api.get('Pod', 'default', name)).toBeUndefined();
  });

  test('a deployment (its ReplicaSets and pods go with it)', () => {
    const h = deployed();
    expect(h.run('delete deployment web-deploy')).toEqual({
      stdout: 'deployment.apps "web-deploy" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    h.advance(60_000);
    expect(h.cluster.api.list('ReplicaSet', 'default')).toEqual([]);
    expect(pods(h)).toEqual([]);
  });

  test('-f FILE', () => {
    const h = deployed();
    expect(h.run('delete -f web.yaml').stdout).toBe(
      'deployment.apps "web-deploy" deleted from default namespace\n',
    );
    expect(h.run('delete -f web.yaml').stderr).toBe(
      'Error from server (NotFound): error when deleting "web.yaml": deployments.apps "web-deploy" not found\n',
    );
  });

  test('-l SELECTOR and --all, one line per object, in name order', () => {
    const h = deployed();
    const names = pods(h);
    const r = h.runToEnd('delete pods -l app=web');
    expect(r.stdout).toBe(names.map((n) => `pod "${n}" deleted from default namespace\n`).join(''));
    expect(r.exitCode).toBe(0);
    expect(h.run('delete rs --all --wait=false').stdout).toMatch(
      /^replicaset\.apps "web-deploy-\w+" deleted from default namespace\n$/,
    );
    expect(h.run('delete pods -l app=nothing')).toEqual({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('TYPE/NAME forms and several names; a missing one is reported after the others', () => {
    const h = deployed();
    const [a, b] = pods(h);
    const r = h.run(`delete pod ${a!} nope ${b!} --wait=false`);
    expect(r.stdout).toBe(
      `pod "${a!}" deleted from default namespace\npod "${b!}" deleted from default namespace\n`,
    );
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
    expect(h.run('delete pod nope --ignore-not-found')).toEqual({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
  });

  test('a node is cluster-scoped: no namespace in the message', () => {
    const h = deployed();
    expect(h.run('delete node node2 --wait=false').stdout).toBe('node "node2" deleted\n');
  });

  test('usage errors change nothing', () => {
    const h = deployed();
    const before = pods(h);
    expect(h.run('delete').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(h.run('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(h.run('delete pod x --force --grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
    expect(h.run('delete pods --all -l app=web').stderr).toBe(
      'error: cannot set --all and --selector at the same time\n',
    );
    expect(h.run('delete pod x --now --grace-period=3').stderr).toBe(
      'error: --now and --grace-period cannot be specified together\n',
    );
    expect(h.run('delete pod x -o yaml').stderr).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    );
    expect(h.run('delete widgets x').stderr).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
    expect(pods(h)).toEqual(before);
  });

  test('--dry-run=client prints and deletes nothing', () => {
    const h = deployed();
    expect(h.run('delete deploy web-deploy --dry-run=client').stdout).toBe(
      'deployment.apps "web-deploy" deleted from default namespace (dry run)\n',
    );
    expect(h.cluster.api.get('Deployment', 'default', 'web-deploy')).toBeDefined();
  });

  test('--cascade=orphan keeps the ReplicaSet and its pods', () => {
    const h = deployed();
    h.run('delete deploy web-deploy --cascade=orphan');
    h.advance(60_000);
    expect(h.cluster.api.list('ReplicaSet', 'default')).toHaveLength(1);
    expect(pods(h)).toHaveLength(4);
  });
});
