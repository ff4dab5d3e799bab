import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';
import { sortObjects } from './sorter.ts';

function tutorialCluster(): Harness {
  const h = new Harness({ seed: 1, workers: 2, readyAfterSeconds: 5, terminateAfterSeconds: 2 });
  h.run('create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
  h.run('create deployment web-deploy --image=nginx:1.17 --replicas=4');
  h.advance(20_000);
  return h;
}

describe('the tutorials’ output options', () => {
  it('seed 000: all pods sorted by node, as custom columns', () => {
    const h = tutorialCluster();
    const r = h.run(
      'get pods --all-namespaces --sort-by=.spec.nodeName -o=custom-columns=NODE:.spec.nodeName,NAME:.metadata.name,IMAGE:.spec.containers[0].image',
    );
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^NODE {12}NAME {36}IMAGE$/);
    const rows = lines.slice(1, -1).map((l) => l.split(/ +/));
    const pods = h.cluster.api.list<Pod>('Pod');
    expect(rows).toHaveLength(pods.length);
    // Grouped by node in order; kubectl's sort.Sort is not stable, so within a node the order is pdqsort's.
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0]!)].sort());
    const expected = sortObjects(pods, '.spec.nodeName').map(
      (p) => `${p.spec!.nodeName} ${p.metadata.name} ${p.spec!.containers[0]!.image}`,
    );
    expect(rows.map((r) => r.join(' '))).toEqual(expected);
    // Every column is padded to its widest cell plus three spaces.
    const width = Math.max(...pods.map((p) => p.spec!.nodeName!.length), 4) + 3;
    expect(lines[1]!.slice(width - 3, width)).toBe('   ');
  });

  it('bootcamp: the node port through a go-template, and the pod names through --template', () => {
    const h = tutorialCluster();
    h.run('expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080');
    const svc = h.cluster.api.get<Service>('Service', 'default', 'kubernetes-bootcamp');
    expect(
      h.run(`get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}'`),
    ).toEqual({ stdout: String(svc!.spec!.ports![0]!.nodePort), stderr: '', exitCode: 0, done: true });
    const names = h.cluster.api
      .list<Pod>('Pod', 'default')
      .map((p) => `${p.metadata.name}\n`)
      .join('');
    expect(
      h.run(`get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`),
    ).toEqual({
      stdout: names,
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(h.run(`get pods --template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`).stdout).toBe(
      names,
    );
    expect(h.run(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`).stdout).toBe(names);
    expect(h.run('get pods -o name').stdout).toBe(names.replace(/^/gm, 'pod/').replace(/pod\/$/, ''));
  });

  it('bad templates: the parse error, and the execution error with its debugging output', () => {
    const h = tutorialCluster();
    expect(h.run(`get pods -o go-template='{{.items'`)).toEqual({
      stdout: '',
      stderr: 'error: error parsing template {{.items, template: output:1: unclosed action\n',
      exitCode: 1,
      done: true,
    });
    expect(h.run(`get pods -o go-template='{{.items | foo}}'`).stderr).toBe(
      'error: error parsing template {{.items | foo}}, template: output:1: function "foo" not defined\n',
    );
    const r = h.run(`get svc kubernetes -o go-template='{{(index .spec.ports 5).port}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: error executing template "{{(index .spec.ports 5).port}}": template: output:1:3: executing "output" at <index .spec.ports 5>: error calling index: index out of range: 5\n',
    );
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Error executing template: template: output:1:3: executing "output" at <index .spec.ports 5>: error calling index: index out of range: 5. Printing more information for debugging the template:',
      '\ttemplate was:',
      '\t\t{{(index .spec.ports 5).port}}',
    ]);
    expect(r.stdout).toContain('\traw data was:\n\t\t{"apiVersion":"v1","kind":"Service",');
    expect(r.stdout).toContain('\tobject given to template engine was:\n\t\tmap[apiVersion:v1 kind:Service ');
    expect(h.run(`get pods -o jsonpath='{.items[0'`).stderr).toBe(
      'error: error parsing jsonpath {.items[0, unclosed action\n',
    );
    expect(h.run(`get svc kubernetes -o jsonpath='{.spec.ports[3]}'`).stderr).toMatch(
      /^error: error executing jsonpath "\{\.spec\.ports\[3\]\}": Error executing template: array index out of bounds: index 3, length 1\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.spec\.ports\[3\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "kind":"Service", /,
    );
    expect(h.run('get pods -o custom-columns=NAME').stderr).toBe(
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
    );
    expect(h.run('get pods -o go-template').stderr).toBe(
      'error: template format specified but no template given\n',
    );
  });

  it('get endpoints: the apiserver’s deprecation warning comes first', () => {
    const h = tutorialCluster();
    const r = h.run('get endpoints kubernetes');
    const warning = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
    expect(r).toEqual({
      stdout: 'NAME         ENDPOINTS            AGE\nkubernetes   192.168.56.10:6443   10m\n',
      stderr: warning,
      exitCode: 0,
      done: true,
      chunks: [
        { fd: 2, text: warning },
        { fd: 1, text: 'NAME         ENDPOINTS            AGE\nkubernetes   192.168.56.10:6443   10m\n' },
      ],
    });
    expect(h.run('get svc,ep').stderr).toBe(warning);
    expect(h.run('describe endpoints kubernetes').stderr).toBe(warning);
    expect(h.run('get svc').stderr).toBe('');
  });

  it('get -w in an empty namespace prints nothing until something appears; Ctrl-C exits 1', () => {
    const h = tutorialCluster();
    const p = h.start('get pods -w -n kube-public');
    expect(p.poll()).toEqual({ stdout: '', stderr: '', done: false, exitCode: 0 });
    expect(p.interrupt()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 1 });
  });

  it('nodes: NotReady once the node controller marks a stopped node, SchedulingDisabled when cordoned', () => {
    const h = tutorialCluster();
    h.cluster.stopNode('node2');
    h.advance(60_000);
    expect(h.run('get nodes').stdout.split('\n')[2]).toMatch(/^node1 +Ready +<none> +11m/);
    expect(h.run('get nodes').stdout.split('\n')[3]).toMatch(/^node2 +NotReady +<none> +11m/);
    h.run(`patch node node1 -p '{"spec":{"unschedulable":true}}'`);
    expect(h.run('get node node1').stdout.split('\n')[1]).toMatch(
      /^node1 {3}Ready,SchedulingDisabled {3}<none>/,
    );
  });
});

describe('get -w with a template that fails', () => {
  it('on the current objects: kubectl fails before watching', () => {
    const h = tutorialCluster();
    const p = h.start(`get svc kubernetes -w -o go-template='{{index .spec.ports 9}}'`);
    const u = p.poll();
    expect(u.done).toBe(true);
    expect(u.exitCode).toBe(1);
    expect(u.stdout.startsWith('Error executing template: template: output:1:2: executing "output"')).toBe(
      true,
    );
    expect(u.stderr).toBe(
      'error: unable to output the provided object: error executing template "{{index .spec.ports 9}}": template: output:1:2: executing "output" at <index .spec.ports 9>: error calling index: index out of range: 9\n',
    );
  });
});
