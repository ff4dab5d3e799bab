import { describe, expect, test } from 'vitest';
import type { Pod, Service } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';

const bootcamp = () => {
  const h = new Harness();
  h.run('create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
  h.advance(20_000);
  return h;
};

const svc = (h: Harness, name: string) => h.cluster.api.get<Service>('Service', 'default', name);

describe('kubectl expose', () => {
  test('the bootcamp tutorial: a NodePort service, its port read back with a go-template', () => {
    const h = bootcamp();
    expect(h.run('expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080')).toEqual({
      stdout: 'service/kubernetes-bootcamp exposed\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    const s = svc(h, 'kubernetes-bootcamp')!;
    expect(s.spec).toMatchObject({
      type: 'NodePort',
      selector: { app: 'kubernetes-bootcamp' },
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }],
    });
    expect(s.metadata?.labels).toEqual({ app: 'kubernetes-bootcamp' });
    const nodePort = s.spec!.ports![0]!.nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(
      h.run(`get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}'`).stdout,
    ).toBe(String(nodePort));
    expect(h.run('get svc kubernetes-bootcamp').stdout).toBe(
      [
        'NAME                  TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)          AGE',
        `kubernetes-bootcamp   NodePort   ${s.spec!.clusterIP!.padEnd(12)}   <none>        8080:${nodePort}/TCP   0s`,
        '',
      ].join('\n'),
    );
  });

  // Cases after kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/expose/expose_test.go TestRunExposeService
  test('errors: no port, kinds that cannot be exposed, missing objects, usage', () => {
    const h = bootcamp();
    expect(h.run('expose deployment kubernetes-bootcamp')).toMatchObject({
      stderr: "error: couldn't find port via --port flag or introspection\n",
      exitCode: 1,
    });
    expect(h.run('expose ds kube-proxy -n kube-system --port=80')).toMatchObject({
      stderr: 'error: cannot expose a DaemonSet.apps\n',
      exitCode: 1,
    });
    expect(h.run('expose node node1 --port=80').stderr).toBe('error: cannot expose a Node\n');
    expect(h.run('expose deploy nope --port=80')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(h.run('expose deployment').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(h.run('expose deploy kubernetes-bootcamp --port=abc').stderr).toBe(
      'error: strconv.Atoi: parsing "abc": invalid syntax\n',
    );
    expect(h.run('expose deploy kubernetes-bootcamp --port=80 --session-affinity=Sticky').stderr).toBe(
      'error: unknown session affinity: Sticky\n',
    );
    expect(h.run('expose deploy kubernetes-bootcamp --port=80 --selector=app').stderr).toBe(
      'error: unexpected label spec: app\n',
    );
  });

  test('exposing twice: AlreadyExists from the server', () => {
    const h = bootcamp();
    h.run('expose deploy kubernetes-bootcamp --port=8080');
    expect(h.run('expose deploy kubernetes-bootcamp --port=8080')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): services "kubernetes-bootcamp" already exists\n',
      exitCode: 1,
    });
  });

  test('expose-service: --name, --target-port, --protocol, --selector and --labels', () => {
    const h = bootcamp();
    expect(
      h.run(
        'expose deploy kubernetes-bootcamp --name=web --port=80 --target-port=8080 --protocol=UDP --selector=app=kubernetes-bootcamp -l tier=front',
      ).stdout,
    ).toBe('service/web exposed\n');
    expect(svc(h, 'web')).toMatchObject({
      metadata: { name: 'web', labels: { tier: 'front' } },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'kubernetes-bootcamp' },
        ports: [{ port: 80, protocol: 'UDP', targetPort: 8080 }],
      },
    });
    // A named target port stays a string (intstr.Parse).
    h.run('expose svc web --name=web2 --port=81 --target-port=http');
    expect(svc(h, 'web2')!.spec!.ports).toEqual([{ port: 81, protocol: 'TCP', targetPort: 'http' }]);
  });

  test('expose-multiport-object: ports and protocols introspected from the containers', () => {
    const h = new Harness();
    h.cluster.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'dns', namespace: 'default', labels: { app: 'dns' } },
      spec: {
        containers: [
          {
            name: 'dns',
            image: 'nginx:1.17',
            ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }],
          },
        ],
      },
    });
    expect(h.run('expose pod dns').stdout).toBe('service/dns exposed\n');
    expect(svc(h, 'dns')!.spec!.ports).toEqual([
      { name: 'port-1', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-2', port: 80, protocol: 'TCP', targetPort: 80 },
    ]);
  });

  test('a pod without labels cannot be exposed', () => {
    const h = new Harness();
    h.cluster.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bare', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.17' }] },
    });
    expect(h.run('expose pod bare --port=80').stderr).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    );
  });

  test('LoadBalancer: EXTERNAL-IP <pending>, a node port, and describe', () => {
    const h = bootcamp();
    h.run('expose deploy kubernetes-bootcamp --type=LoadBalancer --port=8080');
    const s = svc(h, 'kubernetes-bootcamp')!;
    expect(s.spec!.loadBalancerIP).toBeUndefined();
    const lines = h.run('get svc kubernetes-bootcamp').stdout.split('\n');
    expect(lines[1]).toMatch(
      /^kubernetes-bootcamp {3}LoadBalancer {3}\S+ +<pending> {5}8080:3\d{4}\/TCP {3}0s$/,
    );
    const d = h.run('describe services/kubernetes-bootcamp').stdout;
    expect(d).toContain('Type:                     LoadBalancer\n');
    expect(d).toContain(`NodePort:                 <unset>  ${s.spec!.ports![0]!.nodePort}/TCP\n`);
    expect(d).toContain('External Traffic Policy:  Cluster\n');
  });

  test('--dry-run=client -o yaml prints the generated service and creates nothing', () => {
    const h = bootcamp();
    expect(h.run('expose deploy kubernetes-bootcamp --port=8080 --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: kubernetes-bootcamp',
        '  name: kubernetes-bootcamp',
        'spec:',
        '  ports:',
        '  - port: 8080',
        '    protocol: TCP',
        '    targetPort: 8080',
        '  selector:',
        '    app: kubernetes-bootcamp',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
    expect(svc(h, 'kubernetes-bootcamp')).toBeUndefined();
    expect(h.run('expose deploy kubernetes-bootcamp --port=8080 --dry-run=client').stdout).toBe(
      'service/kubernetes-bootcamp exposed (dry run)\n',
    );
    expect(h.run('expose deploy kubernetes-bootcamp --port=8080 -o name').stdout).toBe(
      'service/kubernetes-bootcamp\n',
    );
  });

  test('--overrides merges into the generated object', () => {
    const h = bootcamp();
    h.run(
      `expose deploy kubernetes-bootcamp --port=8080 --overrides='{"spec":{"sessionAffinity":"ClientIP"}}'`,
    );
    expect(svc(h, 'kubernetes-bootcamp')!.spec!.sessionAffinity).toBe('ClientIP');
  });
});
