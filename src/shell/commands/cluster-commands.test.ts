import { beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from '../shell.ts';
import { newShell, runToEnd } from '../testing.ts';

const SERVICE = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
EOF`;

/** A Deployment `web` of an image added with `sim image add`, behind NodePort 30080, all pods Ready. */
function webShell(): Shell {
  const shell = newShell();
  const r = runToEnd(
    shell,
    [
      "sim image add example/hello:1 --port 80 --response 'hello from {pod}\\n'",
      'kubectl create deployment web --image=example/hello:1 --replicas=2',
      SERVICE,
      'kubectl rollout status deployment/web >/dev/null',
    ].join('\n'),
  );
  expect(r.err).toBe('');
  return shell;
}

describe('curl', () => {
  let shell: Shell;
  let pods: string[];
  beforeAll(() => {
    shell = webShell();
    pods = runToEnd(shell, "kubectl get po -o jsonpath='{.items[*].metadata.name}'").out.split(' ');
  });
  const run = (text: string) => runToEnd(shell, text);

  it('reaches a NodePort through a node name, a node IP and a host alias', () => {
    for (const host of ['node1', '192.168.56.12', 'control-plane']) {
      const r = run(`curl ${host}:30080`);
      expect(r.code).toBe(0);
      expect(pods.map((p) => `hello from ${p}\n`)).toContain(r.out);
    }
    expect(run('sim host alias host01 node2')).toMatchObject({
      out: 'host host01 now resolves to node/node2\n',
    });
    expect(run('curl -s http://host01:30080/').out).toMatch(/^hello from web-/);
  });

  it('reaches a ClusterIP, and prints the status code with -o /dev/null -w', () => {
    const ip = run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'").out;
    expect(run(`curl -s -o /dev/null -w '%{http_code}\\n' ${ip}`)).toMatchObject({ out: '200\n', code: 0 });
  });

  it('prints curl errors and exit codes; -s hides them, -sS shows them', () => {
    expect(run('curl node1:30999')).toMatchObject({
      err: "curl: (7) Failed to connect to node1 port 30999 after 0 ms: Couldn't connect to server\n",
      code: 7,
    });
    expect(run('curl -s nowhere:80')).toMatchObject({ all: '', code: 6 });
    expect(run('curl -sS nowhere:80')).toMatchObject({
      err: 'curl: (6) Could not resolve host: nowhere\n',
      code: 6,
    });
    expect(run("curl -s -w '%{http_code}' nowhere")).toMatchObject({ out: '000', code: 6 });
  });

  it('-i adds minimal response headers; -o FILE writes the body to a file', () => {
    const r = run('curl -i node1:30080');
    expect(r.out).toMatch(
      /^HTTP\/1\.1 200 OK\nContent-Type: text\/plain\nDate: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\nContent-Length: \d+\n\nhello from web-/,
    );
    expect(run('curl -s -o page.txt node1:30080; cat page.txt').out).toMatch(/^hello from web-/);
  });

  it('rejects bad usage as curl 7.88 does', () => {
    expect(run('curl')).toMatchObject({
      err: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      code: 2,
    });
    expect(run('curl -s -i')).toMatchObject({
      err: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      code: 2,
    });
    expect(run('curl --frobnicate x')).toMatchObject({
      err: "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      code: 2,
    });
    expect(run('curl -o')).toMatchObject({
      err: "curl: option -o: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      code: 2,
    });
  });

  it('spreads a for loop of curls over the Service endpoints', () => {
    const out = run('for i in $(seq 20); do curl -s node1:30080; done | sort | uniq | wc -l').out;
    expect(out).toBe('2\n');
  });
});

describe('sim host alias and sim image add', () => {
  it('validate their arguments', () => {
    const shell = newShell();
    expect(runToEnd(shell, 'sim host alias host01 node9')).toMatchObject({
      err: 'error: node "node9" not found\n',
      code: 1,
    });
    expect(runToEnd(shell, 'sim host alias host01')).toMatchObject({ code: 1 });
    expect(runToEnd(shell, 'sim host alias host01 192.168.56.11').out).toBe(
      'host host01 now resolves to node/node1\n',
    );
    expect(runToEnd(shell, 'sim image add Bad:Ref')).toMatchObject({
      err: 'error: invalid reference format: "Bad:Ref"\n',
      code: 1,
    });
    expect(runToEnd(shell, 'sim image add myapp:v1 --port 99999').code).toBe(1);
    expect(runToEnd(shell, 'sim image add myapp:v1').out).toBe('image docker.io/library/myapp:v1 added\n');
    expect(runToEnd(shell, 'sim image add registry.local/team/app:2 --port 8080').out).toBe(
      'image registry.local/team/app:2 added (serves HTTP on port 8080)\n',
    );
    expect(shell.session.cluster.images.lookup('myapp:v1')).toMatchObject({
      sizeBytes: 10_000_000,
      stopSeconds: 1,
    });
  });

  it('an added image runs: its pods become Ready instead of failing to pull', () => {
    const shell = newShell();
    runToEnd(shell, 'sim image add myapp:v1; kubectl create deployment app --image=myapp:v1');
    expect(runToEnd(shell, 'kubectl rollout status deployment/app').out).toContain('successfully rolled out');
  });
});

describe('date', () => {
  it('prints the virtual clock in UTC, as coreutils does in the C locale', () => {
    const shell = newShell();
    const s = Math.floor(shell.session.cluster.now() / 1000);
    expect(runToEnd(shell, 'date +%s').out).toBe(`${s}\n`);
    runToEnd(shell, 'sleep 61');
    expect(runToEnd(shell, 'date +%s').out).toBe(`${s + 61}\n`);
    expect(runToEnd(shell, 'date -u +"%Y-%m-%dT%H:%M:%S%:z %j %a %b %e"').out).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00 \d{3} \w{3} \w{3} [ \d]\d\n$/,
    );
    expect(runToEnd(shell, 'date').out).toMatch(/^\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} UTC \d{4}\n$/);
    expect(runToEnd(shell, 'date tomorrow')).toMatchObject({
      err: "date: invalid date 'tomorrow'\n",
      code: 1,
    });
  });
});
