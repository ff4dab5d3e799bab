import { beforeEach, describe, expect, it } from 'vitest';
import {
  createCluster,
  deepCopy,
  type Cluster,
  type Deployment,
  type Node,
  type Pod,
} from '../../../engine/index.ts';
import { getCommand } from './get.ts';
import { runForTest, startForTest } from './testing.ts';

let c: Cluster;
const get = (...argv: string[]) => runForTest(getCommand, c, argv);

function pod(
  name: string,
  labels: Record<string, string>,
  image = 'nginx:1.17',
  namespace = 'default',
): void {
  c.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'nginx', image }] },
  });
}

function deployment(name: string, replicas: number): void {
  c.api.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
      },
    },
  });
}

beforeEach(() => {
  c = createCluster({ seed: 1, workers: 2, readyAfterSeconds: 5 });
  pod('web-0', { app: 'web' });
  pod('web-1', { app: 'web' });
  pod('db-0', { app: 'db' }, 'nginx:9.99');
  deployment('idle', 0);
  c.settle();
  c.advanceBy(30_000);
});

describe('kubectl get (tables)', () => {
  it('pods: READY, STATUS (ImagePullBackOff), RESTARTS, AGE', () => {
    expect(get('pods')).toEqual({
      stdout: [
        'NAME    READY   STATUS             RESTARTS   AGE',
        'db-0    0/1     ImagePullBackOff   0          30s',
        'web-0   1/1     Running            0          30s',
        'web-1   1/1     Running            0          30s',
        '',
      ].join('\n'),
      stderr: '',
      done: true,
      exitCode: 0,
    });
  });

  it('several types: one table each, kind-prefixed names, separated by a blank line', () => {
    expect(get('po,deploy').stdout).toBe(
      [
        'NAME        READY   STATUS             RESTARTS   AGE',
        'pod/db-0    0/1     ImagePullBackOff   0          30s',
        'pod/web-0   1/1     Running            0          30s',
        'pod/web-1   1/1     Running            0          30s',
        '',
        'NAME                   READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/idle   0/0     0            0           30s',
        '',
      ].join('\n'),
    );
  });

  it('names the kind even when one of several types is empty', () => {
    expect(get('deploy,ds').stdout).toBe(
      'NAME                   READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/idle   0/0     0            0           30s\n',
    );
  });

  it('-l selects by label; --show-labels and -L add columns', () => {
    expect(get('pods', '-l', 'app=web', '--show-labels', '-L', 'app').stdout).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE   APP   LABELS',
        'web-0   1/1     Running   0          30s   web   app=web',
        'web-1   1/1     Running   0          30s   web   app=web',
        '',
      ].join('\n'),
    );
  });

  it('named objects print in argument order under one header', () => {
    expect(get('pod', 'web-1', 'db-0').stdout).toBe(
      [
        'NAME    READY   STATUS             RESTARTS   AGE',
        'web-1   1/1     Running            0          30s',
        'db-0    0/1     ImagePullBackOff   0          30s',
        '',
      ].join('\n'),
    );
  });

  it('-o wide adds the pod IP and node', () => {
    const lines = get('pods', '-o', 'wide').stdout.split('\n');
    expect(lines[0]).toBe(
      'NAME    READY   STATUS             RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES',
    );
    expect(lines[1]).toMatch(
      /^db-0 {4}0\/1 {5}ImagePullBackOff {3}0 {10}30s {3}<none> {7}node\d {3}<none> {11}<none>$/,
    );
  });

  it('-A adds the NAMESPACE column', () => {
    pod('other', { app: 'x' }, 'nginx:1.17', 'kube-public');
    c.settle();
    const out = get('pods', '-A', '-l', 'app in (web,db,x)').stdout.split('\n');
    expect(out[0]).toBe('NAMESPACE     NAME    READY   STATUS              RESTARTS   AGE');
    expect(out[1]).toBe('default       db-0    0/1     ImagePullBackOff    0          30s');
    expect(out[4]).toBe('kube-public   other   0/1     ContainerCreating   0          0s');
  });

  it('--no-headers and --sort-by', () => {
    expect(get('pods', '--no-headers', '--sort-by=.metadata.name').stdout).toBe(
      'db-0    0/1   ImagePullBackOff   0     30s\nweb-0   1/1   Running            0     30s\nweb-1   1/1   Running            0     30s\n',
    );
    // kubernetes/kubectl#1343: the table printer's sort error is dropped, so nothing is printed.
    expect(get('pods', '--sort-by=.spec.missing')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    // Other printers report it.
    expect(get('pods', '--sort-by=.spec.missing', '-o', 'name')).toMatchObject({
      stdout: '',
      stderr: 'error: couldn\'t find any field with path "{.spec.missing}" in the list of objects\n',
      exitCode: 1,
    });
    // Several reads are sorted as Tables, which have no such field (kubernetes/kubernetes#104318).
    expect(get('pods,deploy', '--sort-by=.metadata.name')).toMatchObject({
      stderr: 'error: couldn\'t find any field with path "{.metadata.name}" in the list of objects\n',
      exitCode: 1,
    });
  });

  it('nodes: STATUS, ROLES, VERSION; SchedulingDisabled when cordoned', () => {
    const n = deepCopy(c.api.get<Node>('Node', undefined, 'node2')!);
    n.spec = { ...n.spec, unschedulable: true };
    c.api.update(n);
    expect(get('nodes').stdout).toBe(
      [
        'NAME            STATUS                     ROLES           AGE   VERSION',
        'control-plane   Ready                      control-plane   10m   v1.36.2',
        'node1           Ready                      <none>          10m   v1.36.2',
        'node2           Ready,SchedulingDisabled   <none>          10m   v1.36.2',
        '',
      ].join('\n'),
    );
  });

  it("events: LAST SEEN TYPE REASON OBJECT MESSAGE, in the apiserver's order", () => {
    const out = get('events', '--field-selector', 'involvedObject.name=db-0').stdout.split('\n');
    expect(out[0]).toBe('LAST SEEN   TYPE      REASON      OBJECT     MESSAGE');
    expect(out[1]).toMatch(
      /^30s {9}Normal {4}Scheduled {3}pod\/db-0 {3}Successfully assigned default\/db-0 to node\d$/,
    );
    expect(out.some((l) => /^\d+s +Warning +Failed +pod\/db-0 +Error: ErrImagePull$/.test(l))).toBe(true);
  });
});

describe('kubectl get (errors and empty results)', () => {
  it('an unknown type', () => {
    expect(get('foo')).toMatchObject({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
  });

  it('missing names: found objects first, then one line per error', () => {
    expect(get('pods', 'web-0', 'nope', 'gone')).toMatchObject({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          30s\n',
      stderr:
        'Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "gone" not found\n',
      exitCode: 1,
    });
    expect(get('deploy', 'web')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "web" not found\n',
      exitCode: 1,
    });
    expect(get('deploy', 'web', '--ignore-not-found')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('nothing found', () => {
    expect(get('pods', '-l', 'app=none')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(get('pods', '-n', 'kube-public')).toMatchObject({
      stderr: 'No resources found in kube-public namespace.\n',
    });
    expect(get('pods', '-A', '-l', 'app=none')).toMatchObject({ stderr: 'No resources found\n' });
    expect(get('nodes', '-l', 'none')).toMatchObject({ stderr: 'No resources found\n' });
  });

  it('argument errors', () => {
    expect(get().stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
    expect(get('pod', 'web-0', '-l', 'app=web').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
    // TYPE,TYPE NAME reads NAME of each type (normalizeMultipleResourcesArgs).
    expect(get('po,deploy', 'web-0')).toMatchObject({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          30s\n',
      stderr: 'Error from server (NotFound): deployments.apps "web-0" not found\n',
    });
    expect(get('pods', 'pod/web-0').stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    expect(get('pods', '-o', 'yml').stderr).toBe(
      'error: unable to match a printer suitable for the output format "yml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(get('pods', '-o', 'yaml', '--show-labels').stderr).toBe(
      'error: --show-labels option cannot be used with yaml printer\n',
    );
  });
});

describe('kubectl get -o', () => {
  it('name', () => {
    expect(get('pods,deploy', '-o', 'name').stdout).toBe(
      'pod/db-0\npod/web-0\npod/web-1\ndeployment.apps/idle\n',
    );
  });

  it('yaml of one named object; a List otherwise', () => {
    const one = get('deploy', 'idle', '-o', 'yaml').stdout;
    expect(one.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n')).toBe(true);
    expect(get('deploy', '-o', 'yaml').stdout.split('\n').slice(0, 3)).toEqual([
      'apiVersion: v1',
      'items:',
      '- apiVersion: apps/v1',
    ]);
    expect(get('pods', '-l', 'app=none', '-o', 'yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('json', () => {
    expect(get('pods', '-l', 'app=none', '-o', 'json').stdout).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('jsonpath, go-template and custom-columns, as the tutorials use them', () => {
    expect(get('pod', 'web-0', '-o=jsonpath={.spec.terminationGracePeriodSeconds}').stdout).toBe('30');
    expect(get('pod', 'web-0', '--template', '{{.spec.nodeName}}').stdout).toMatch(/^node\d$/);
    expect(
      get('pod', 'web-0', '--template', '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}').stdout,
    ).toBe('nginx:1.17');
    expect(get('svc', 'kubernetes', '-o', 'go-template={{(index .spec.ports 0).port}}').stdout).toBe('443');
    expect(
      get(
        'pods',
        '--sort-by=.metadata.name',
        '-o=custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,MISSING:.spec.x',
      ).stdout,
    ).toBe(
      'NAME    IMAGE        MISSING\ndb-0    nginx:9.99   <none>\nweb-0   nginx:1.17   <none>\nweb-1   nginx:1.17   <none>\n',
    );
  });
});

describe('kubectl get -w', () => {
  it('prints the list, then one row per change without repeating the header, until interrupted', () => {
    const p = startForTest(getCommand, c, ['pods', '-w', '-l', 'app=web']);
    expect(p.poll()).toEqual({
      stdout:
        'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          30s\nweb-1   1/1     Running   0          30s\n',
      stderr: '',
      done: false,
      exitCode: 0,
    });
    pod('web-2', { app: 'web' });
    pod('db-1', { app: 'db' });
    c.settle();
    const added = p.poll().stdout.split('\n');
    expect(added[0]).toBe('web-2   0/1     Pending   0          0s');
    c.advanceBy(10_000);
    expect(p.poll().stdout).toContain('web-2   1/1     Running             0          5s\n');
    c.api.delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 });
    expect(p.poll().stdout).toBe('web-0   1/1     Running             0          40s\n');
    const end = p.interrupt();
    expect(end).toMatchObject({ done: true, exitCode: 1 });
    pod('web-3', { app: 'web' });
    expect(p.poll().stdout).toBe('');
  });

  it('--watch-only skips the initial list; --output-watch-events adds EVENT', () => {
    const p = startForTest(getCommand, c, ['pods', '--watch-only', '--output-watch-events', '-l', 'app=web']);
    expect(p.poll().stdout).toBe('');
    c.api.delete('Pod', 'default', 'web-1', { gracePeriodSeconds: 0 });
    // The EVENT cell is `DELETED ` (padded to eight characters by kubectl).
    expect(p.poll().stdout).toBe(
      'EVENT      NAME    READY   STATUS    RESTARTS   AGE\nDELETED    web-1   1/1     Running   0          30s\n',
    );
    p.interrupt();
  });

  it('a single resource type only', () => {
    expect(startForTest(getCommand, c, ['po,deploy', '-w']).poll()).toMatchObject({
      stderr: 'error: you may only specify a single resource type\n',
      done: true,
      exitCode: 1,
    });
  });
});
